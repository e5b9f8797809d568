/**
 * The one result shape every formatter reads: ESLint's (file path, messages
 * with 1-based line:column, counts), plus what the richer formats need
 * (docs link, the cells of a sum, the fix's title and edits).
 *
 * Info-level findings (extraction notices) are left out unless `--info` is
 * given; then they appear with severity 1 and `info: true`, and are counted
 * in `infoCount`, never in `warningCount`.
 */
import type { LintResult } from '@govlint/core';
import { type Diagnostic, LineIndex, type Range } from '@govlint/text';

export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Message extends Span {
  /** null for a fatal problem with the file itself (unreadable, not text). */
  readonly ruleId: string | null;
  readonly severity: 1 | 2;
  readonly info?: true;
  readonly fatal?: true;
  readonly message: string;
  readonly docsUrl?: string;
  readonly related?: readonly (Span & { readonly message: string })[];
  /** ESLint's single-range fix: the edits merged into one replacement. */
  readonly fix?: { readonly range: readonly [number, number]; readonly text: string };
  readonly fixTitle?: string;
  /** The fix's edits, located (for SARIF). */
  readonly edits?: readonly (Span & { readonly text: string })[];
}

export interface FileResult {
  readonly filePath: string;
  readonly messages: readonly Message[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  /** The fixed text (`--fix-dry-run`), when fixes changed the text. */
  readonly output?: string;
  /** Who wrote the report, for which year: the cross-year rules pair reports by it (not printed). */
  readonly report?: { readonly agency: string | null; readonly year: number | null };
}

export interface ResultOptions {
  /** Keep info-level findings. */
  readonly info: boolean;
  /** Keep only errors (`--quiet`). */
  readonly quiet: boolean;
}

export function toFileResult(
  filePath: string,
  text: string,
  result: LintResult,
  options: ResultOptions,
  output?: string,
): FileResult {
  const lines = new LineIndex(text);
  const span = (r: Range): Span => {
    const s = lines.lineColumn(r.start);
    const e = lines.lineColumn(r.end);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  const messages: Message[] = [];
  for (const d of result.diagnostics) {
    if (d.severity === 'info' && (!options.info || options.quiet)) continue;
    if (d.severity === 'warning' && options.quiet) continue;
    messages.push(toMessage(d, text, span));
  }
  const { model } = result;
  const report = model ? { agency: model.agency, year: model.year?.value ?? null } : undefined;
  return { ...count(filePath, messages, output), ...(report ? { report } : {}) };
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Built property by property, in ESLint's order: spreading an object into
 * an object literal costs about a microsecond on Node 20, per message and
 * per related location.
 */
function toMessage(d: Diagnostic, text: string, span: (r: Range) => Span): Message {
  const fix = d.fix && d.fix.edits.length > 0 ? d.fix : undefined;
  const m = { ruleId: d.ruleId, severity: d.severity === 'error' ? 2 : 1 } as Writable<Message>;
  if (d.severity === 'info') m.info = true;
  m.message = d.message;
  const at = span(d.range);
  m.line = at.line;
  m.column = at.column;
  m.endLine = at.endLine;
  m.endColumn = at.endColumn;
  if (d.docsUrl) m.docsUrl = d.docsUrl;
  if (d.related?.length) {
    m.related = d.related.map((r) => Object.assign(span(r.range), { message: r.message }));
  }
  if (fix) {
    m.fix = mergeEdits(text, fix.edits);
    m.fixTitle = fix.title;
    m.edits = fix.edits.map((e) => Object.assign(span(e.range), { text: e.text }));
  }
  return m;
}

/** ESLint's shape has one range per fix: cover every edit, keeping the text between. */
function mergeEdits(
  text: string,
  edits: readonly { readonly range: Range; readonly text: string }[],
): { range: [number, number]; text: string } {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  const start = (sorted[0] as (typeof sorted)[number]).range.start;
  let at = start;
  let out = '';
  for (const e of sorted) {
    out += text.slice(at, e.range.start) + e.text;
    at = e.range.end;
  }
  return { range: [start, at], text: out };
}

/** A problem with the file itself: it could not be read, or is not text. */
export function fatalResult(filePath: string, message: string): FileResult {
  return count(filePath, [
    {
      ruleId: null,
      fatal: true,
      severity: 2,
      message,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    },
  ]);
}

export function count(filePath: string, messages: readonly Message[], output?: string): FileResult {
  let errorCount = 0;
  let fatalErrorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.info) infoCount++;
    else if (m.severity === 2) {
      errorCount++;
      if (m.fatal) fatalErrorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return {
    filePath,
    messages,
    errorCount,
    fatalErrorCount,
    warningCount,
    infoCount,
    fixableErrorCount,
    fixableWarningCount,
    ...(output !== undefined ? { output } : {}),
  };
}

export interface Totals {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly fixableErrors: number;
  readonly fixableWarnings: number;
}

export function totals(results: readonly FileResult[]): Totals {
  const t = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0 };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.infos += r.infoCount;
    t.fixableErrors += r.fixableErrorCount;
    t.fixableWarnings += r.fixableWarningCount;
  }
  return t;
}
