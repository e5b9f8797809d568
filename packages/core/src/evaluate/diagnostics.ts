/**
 * Failed identities as diagnostics: the pack's message with the arithmetic,
 * the offending cell's range, every cell of the sums as related locations,
 * the probable root cause, and a fix where the right value is certain.
 */
import { NEGATED_OP, type CellRef } from '@govlint/dsl';
import type { Diagnostic, Fix, RelatedLocation, Severity } from '@govlint/text';
import { formatNumber, formatTerms, renderMessage } from '../messages.js';
import type { TemplateIndex } from '../template-index.js';
import type { InstanceOutcome } from './assertions.js';
import type { Repair, RootCause } from './root-cause.js';
import { type CellValues, cellKey, exprTerms } from './values.js';

export interface AssertionContext {
  readonly index: TemplateIndex;
  readonly values: CellValues;
  readonly severity: (ruleId: string) => Severity;
  readonly docsUrl: (ruleId: string) => string;
}

export function assertionDiagnostics(
  outcomes: readonly InstanceOutcome[],
  roots: ReadonlyMap<InstanceOutcome, RootCause>,
  ctx: AssertionContext,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const o of outcomes) {
    if (o.status !== 'failed' || o.left === undefined || o.right === undefined) continue;
    const root = roots.get(o);
    const values = messageValues(o, ctx.values);
    let message = renderMessage(o.rule.message, values) ?? fallbackMessage(o, values);
    if (root && root.origin !== o)
      message += `；可能的根源：${describeRepair(root.repairs[0] as Repair, ctx)}`;
    const fix = root ? repairFix(root, ctx) : undefined;
    const diagnostic: Diagnostic = {
      ruleId: o.rule.id,
      severity: ctx.severity(o.rule.id),
      message,
      range: offendingRange(o, ctx.values),
      related: relatedCells(o, ctx),
      docsUrl: ctx.docsUrl(o.rule.id),
      data: {
        left: o.left,
        right: o.right,
        op: o.instance.assert.op,
        bindings: o.instance.bindings,
        ...(root
          ? {
              rootCause: root.repairs.map((r) => {
                // Object.assign, not a spread: spreading into a literal is slow on Node 20.
                return Object.assign({}, r.cell, { from: r.from, value: r.value });
              }),
            }
          : {}),
      },
      ...(fix ? { fix } : {}),
    };
    out.push(diagnostic);
  }
  return out;
}

/** Placeholders for assertion messages (docs/dsl.md). */
function messageValues(o: InstanceOutcome, values: CellValues): Record<string, string | number> {
  const left = o.left as number;
  const right = o.right as number;
  const { assert } = o.instance;
  const op = assert.op;
  return {
    ...o.instance.bindings,
    left,
    right,
    'left.terms': formatTerms(exprTerms(assert.left, values), assert.left.constant),
    'right.terms': formatTerms(exprTerms(assert.right, values), assert.right.constant),
    difference: left - right,
    op,
    violated: NEGATED_OP[op],
  };
}

function fallbackMessage(o: InstanceOutcome, v: Record<string, string | number>): string {
  return `${o.rule.description}（${v['left.terms']}=${v.left}，${v['right.terms']}=${v.right}，${v.left}${v.violated}${v.right}）`;
}

/** The fix cell when there is one, else the first cell of the left side. */
function offendingRange(o: InstanceOutcome, values: CellValues) {
  const candidates: CellRef[] = [];
  if (o.instance.fixCell) candidates.push(o.instance.fixCell);
  for (const t of o.instance.assert.left.terms) candidates.push(t.cell);
  for (const t of o.instance.assert.right.terms) candidates.push(t.cell);
  for (const ref of candidates) {
    const cell = values.cell(ref);
    if (cell) return cell.range;
  }
  return { start: 0, end: 0 };
}

function relatedCells(o: InstanceOutcome, ctx: AssertionContext): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  const seen = new Set<number>();
  for (const t of [...o.instance.assert.left.terms, ...o.instance.assert.right.terms]) {
    const key = cellKey(t.cell);
    const cell = ctx.values.cell(t.cell);
    const value = ctx.values.get(t.cell);
    if (seen.has(key) || !cell || value === undefined) continue;
    seen.add(key);
    related.push({
      range: cell.range,
      message: `${ctx.index.describeCell(t.cell)}：${formatNumber(value)}`,
    });
  }
  return related;
}

function describeRepair(r: Repair, ctx: AssertionContext): string {
  return `${ctx.index.describeCell(r.cell)}填 ${formatNumber(r.from)}，应为 ${formatNumber(r.value)}`;
}

/** Write each repaired value into its cell; no fix when a cell has no place in the text. */
function repairFix(root: RootCause, ctx: AssertionContext): Fix | undefined {
  const edits = [];
  for (const r of root.repairs) {
    const cell = ctx.values.cell(r.cell);
    if (!cell || cell.status === 'missing') return undefined;
    edits.push({ range: cell.range, text: formatNumber(r.value) });
  }
  const title = root.repairs
    .map((r) => `将${ctx.index.describeCell(r.cell)}改为 ${formatNumber(r.value)}`)
    .join('，并');
  return { title, edits };
}
