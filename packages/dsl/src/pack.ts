/**
 * Compiling packs: parse every file, merge templates (resolving `extends`
 * across all the files given), check, and compile. A pack with any error is
 * refused: no pack, all its diagnostics.
 */
import { compareDiagnostics } from '@govlint/text';
import type { RulesFile } from './ast.js';
import { checkTemplate, tableViews } from './check.js';
import type { CompiledPack } from './compiled.js';
import { compileTemplate } from './compile.js';
import { collector, type PackDiagnostic } from './diagnostics.js';
import { mergeTemplates } from './merge.js';
import type { TemplateModel } from './model.js';
import { parseRules } from './parse.js';

export interface SourceFile {
  readonly uri: string;
  readonly text: string;
}

export interface PackResult {
  readonly pack?: CompiledPack;
  readonly diagnostics: readonly PackDiagnostic[];
}

/** Parsed and merged, with all diagnostics: what compilePack and the services share. */
export interface AnalyzedPack {
  readonly files: readonly RulesFile[];
  readonly templates: readonly TemplateModel[];
  readonly diagnostics: readonly PackDiagnostic[];
}

export function analyzePack(sources: readonly SourceFile[]): AnalyzedPack {
  const { diagnostics, report } = collector();
  const files = sources.map((s) => {
    const parsed = parseRules(s.text, s.uri);
    for (const d of parsed.diagnostics) diagnostics.push({ ...d, uri: s.uri });
    return parsed.ast;
  });
  const templates = mergeTemplates(files, report);
  for (const t of templates) checkTemplate(t, tableViews(t), report);
  // Stable order: files as given, then by position.
  const fileOrder = new Map(sources.map((s, i) => [s.uri, i]));
  diagnostics.sort(
    (a, b) => (fileOrder.get(a.uri) ?? 0) - (fileOrder.get(b.uri) ?? 0) || compareDiagnostics(a, b),
  );
  return { files, templates, diagnostics };
}

export function compilePack(sources: readonly SourceFile[]): PackResult {
  const { templates, diagnostics } = analyzePack(sources);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  if (templates.length === 0) {
    const uri = sources[0]?.uri ?? '';
    return {
      diagnostics: [
        ...diagnostics,
        {
          uri,
          ruleId: 'dsl-no-template',
          severity: 'error',
          message: '规则包中没有模板声明（template <名称> { … }）',
          range: { start: 0, end: 0 },
        },
      ],
    };
  }
  const texts = new Map(sources.map((s) => [s.uri, s.text]));
  const compiled = templates.map((t) => compileTemplate(t, tableViews(t), texts));
  return { pack: Object.freeze({ templates: Object.freeze(compiled) }), diagnostics };
}

/** File access, injected so that this package stays browser-safe. */
export interface PackFileSystem {
  readDir(path: string): string[];
  readFile(path: string): string;
}

/**
 * Loads the `*.govlint` files of a folder; a folder without any (like
 * `rules/`) loads every subfolder's files together, so that `extends` can
 * cross packs.
 */
export function loadPack(dir: string, fs: PackFileSystem): PackResult {
  const base = dir.replace(/[\\/]+$/, '');
  const own = rulesFiles(base, fs);
  const sources =
    own.length > 0
      ? own
      : safeReadDir(fs, base)
          .sort()
          .flatMap((name) => rulesFiles(`${base}/${name}`, fs));
  return compilePack(sources);
}

function safeReadDir(fs: PackFileSystem, path: string): string[] {
  try {
    return fs.readDir(path);
  } catch {
    return [];
  }
}

function rulesFiles(dir: string, fs: PackFileSystem): SourceFile[] {
  return safeReadDir(fs, dir)
    .filter((n) => n.endsWith('.govlint'))
    .sort()
    .map((n) => ({ uri: `${dir}/${n}`, text: fs.readFile(`${dir}/${n}`) }));
}
