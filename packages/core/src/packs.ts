/**
 * From packs to the templates the linter uses, and the rule catalogue.
 *
 * Packs come as text (compiled here) or already compiled. Two packs may
 * declare the same template id: the later one's rules are added to it, a
 * rule with the same id replaced (an extra pack tightening a built-in rule).
 */
import type { CompiledPack, CompiledRule, CompiledTemplate } from '@govlint/dsl';
import type { PackCompiler, PackDiagnostic, PackSource, RuleInfo } from './api.js';
import { docsUrl, engineRules } from './engine-rules.js';

export interface LoadedPacks {
  /** Every template, by id. */
  readonly templates: readonly CompiledTemplate[];
  readonly diagnostics: readonly PackDiagnostic[];
}

/**
 * Compile the text packs together (a template may extend one of another
 * pack). A compiler refuses a pack set with any error; then the packs given
 * first (the built-in ones) are compiled alone, so that a broken extra pack
 * is reported without leaving the linter with no rules at all.
 */
export function loadPacks(
  packs: readonly (PackSource | CompiledPack)[],
  compile: PackCompiler,
  baseCount = packs.length,
): LoadedPacks {
  const byId = new Map<string, CompiledTemplate>();
  const diagnostics: PackDiagnostic[] = [];
  const compiledPacks: CompiledPack[] = [];
  const sources = packs.filter((p): p is PackSource => !('templates' in p));
  if (sources.some((p) => p.files.length > 0)) {
    const result = compile(sources.flatMap((p) => p.files));
    diagnostics.push(...result.diagnostics);
    if (result.pack) compiledPacks.push(result.pack);
    else {
      const base = packs.slice(0, baseCount).filter((p): p is PackSource => !('templates' in p));
      if (base.length > 0 && base.length < sources.length) {
        const fallback = compile(base.flatMap((p) => p.files));
        if (fallback.pack) compiledPacks.push(fallback.pack);
      }
    }
  }
  for (const p of packs) if ('templates' in p) compiledPacks.push(p);
  for (const compiled of compiledPacks) {
    for (const t of compiled.templates) {
      const existing = byId.get(t.id);
      byId.set(t.id, existing ? mergeTemplates(existing, t) : t);
    }
  }
  return { templates: [...byId.values()], diagnostics };
}

function mergeTemplates(base: CompiledTemplate, extra: CompiledTemplate): CompiledTemplate {
  const rules = new Map<string, CompiledRule>();
  for (const r of base.rules) rules.set(r.id, r);
  for (const r of extra.rules) rules.set(r.id, r);
  return {
    ...base,
    markers: [...new Set([...base.markers, ...extra.markers])],
    rules: [...rules.values()],
    lexicons: { ...base.lexicons, ...extra.lexicons },
  };
}

/** A rule can offer a fix when one of its identities names a fix cell. */
function fixable(rule: CompiledRule): boolean {
  return rule.check.kind === 'assert' && rule.check.instances.some((i) => i.fixCell !== undefined);
}

export function ruleCatalogue(templates: readonly CompiledTemplate[]): RuleInfo[] {
  const byId = new Map<string, RuleInfo>();
  for (const t of templates) {
    for (const r of t.rules) {
      const existing = byId.get(r.id);
      if (existing) {
        byId.set(r.id, { ...existing, templates: [...existing.templates, t.id] });
        continue;
      }
      byId.set(r.id, {
        id: r.id,
        severity: r.severity,
        category: r.category,
        description: r.description,
        docsUrl: docsUrl(r.id),
        fixable: fixable(r),
        templates: [t.id],
        message: r.message,
        docs: r.docs,
        source: r.source,
      });
    }
  }
  for (const r of engineRules) {
    if (byId.has(r.id)) continue;
    byId.set(r.id, { ...r, docsUrl: docsUrl(r.id), fixable: false, templates: [] });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
