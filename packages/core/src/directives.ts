/**
 * Inline directives in Markdown and HTML reports, as HTML comments:
 *
 *   <!-- govlint-disable-next-line t3-row-total -->   the line after the comment
 *   <!-- govlint-disable-line t3-row-total -->        the comment's own line
 *   <!-- govlint-disable t3-row-total, t3-result-total -->  until a matching enable
 *   <!-- govlint-enable t3-row-total -->
 *
 * Without rule ids a directive applies to every rule. A directive (or a rule
 * it names) that suppressed nothing is reported as unused, so stale
 * suppressions do not outlive the problem they hid.
 */
import { type Diagnostic, LineIndex, type Range } from '@govlint/text';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  readonly rules: readonly string[];
  readonly range: Range;
  /** The comment as written. */
  readonly text: string;
  /** 0-based line the directive targets (line kinds only). */
  readonly line: number;
}

const DIRECTIVE =
  /<!--\s*govlint-(disable-next-line|disable-line|disable|enable)(?=[\s-])([\s\S]*?)-->/g;

export function parseDirectives(text: string, lines?: LineIndex): Directive[] {
  if (!text.includes('govlint-')) return [];
  const index = lines ?? new LineIndex(text);
  const out: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const start = m.index;
    const end = start + m[0].length;
    const kind = m[1] as DirectiveKind;
    // `-- reason` after the ids is a comment, as in ESLint.
    const ids = (m[2] ?? '').split(/\s--\s/)[0] ?? '';
    const rules = ids.split(/[\s,，]+/).filter((s) => s.length > 0);
    const endLine = index.positionAt(end).line;
    const line = kind === 'disable-next-line' ? endLine + 1 : index.positionAt(start).line;
    out.push({ kind, rules, range: { start, end }, text: m[0], line });
  }
  return out;
}

export interface DirectiveOutcome {
  readonly kept: Diagnostic[];
  /** Directive → the rule ids it names that suppressed nothing (['*'] for all-rules). */
  readonly unused: { readonly directive: Directive; readonly rules: readonly string[] }[];
}

const applies = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);

export function applyDirectives(
  diagnostics: readonly Diagnostic[],
  directives: readonly Directive[],
  text: string | LineIndex,
): DirectiveOutcome {
  if (directives.length === 0) return { kept: [...diagnostics], unused: [] };
  const lines = typeof text === 'string' ? new LineIndex(text) : text;
  const used = new Map<Directive, Set<string>>();
  const markUsed = (d: Directive, ruleId: string) => {
    let set = used.get(d);
    if (!set) used.set(d, (set = new Set()));
    set.add(ruleId);
  };
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const kept: Diagnostic[] = [];
  for (const diag of diagnostics) {
    const line = lines.positionAt(diag.range.start).line;
    const suppressor =
      directives.find(
        (d) =>
          (d.kind === 'disable-next-line' || d.kind === 'disable-line') &&
          d.line === line &&
          applies(d, diag.ruleId),
      ) ?? lastBlockBefore(blocks, diag.range.start, diag.ruleId);
    if (suppressor) markUsed(suppressor, diag.ruleId);
    else kept.push(diag);
  }
  const unused: DirectiveOutcome['unused'] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const usedRules = used.get(d);
    if (d.rules.length === 0) {
      if (!usedRules) unused.push({ directive: d, rules: ['*'] });
      continue;
    }
    const idle = d.rules.filter((r) => !usedRules?.has(r));
    if (idle.length > 0) unused.push({ directive: d, rules: idle });
  }
  return { kept, unused };
}

/** The last disable/enable before `offset` that names the rule, if it is a disable. */
function lastBlockBefore(
  blocks: readonly Directive[],
  offset: number,
  ruleId: string,
): Directive | undefined {
  let last: Directive | undefined;
  for (const d of blocks) {
    if (d.range.end > offset) break;
    if (applies(d, ruleId)) last = d;
  }
  return last?.kind === 'disable' ? last : undefined;
}
