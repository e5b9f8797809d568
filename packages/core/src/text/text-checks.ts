/**
 * Narrative rules written in the DSL (`text … match … expect …`): find the
 * patterns in each unit of the scope with the DSL's linear-time matcher,
 * then compare the captures with the cells. Patterns of one check never
 * overlap: at one place the pattern declared first wins.
 */
import type { CompiledRule, Condition, TextCheck, TextCondition } from '@govlint/dsl';
import type { Diagnostic, RelatedLocation } from '@govlint/text';
import { formatNumber } from '../messages.js';
import { indexTemplate } from '../template-index.js';
import {
  conditionCells,
  conditionHolds,
  evaluateTextCondition,
  type ShownComparison,
} from './conditions.js';
import type { TextContext } from './context.js';
import { mayMatch, scopeMatcher } from './scope-matches.js';
import { scopeSection } from './units.js';

export function textCheckDiagnostics(ctx: TextContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of ctx.template.rules) {
    if (rule.check.kind !== 'text' || !ctx.active(rule.id)) continue;
    const check = rule.check;
    if (check.when && whenHolds(ctx, check.when) !== true) continue;
    const found =
      check.mode === 'require' ? requireCheck(ctx, rule, check) : matchCheck(ctx, rule, check);
    for (let i = 0; i < found.length; i++) if (found[i]) out.push(found[i]!);
  }
  return out;
}

function matchCheck(ctx: TextContext, rule: CompiledRule, check: TextCheck): (Diagnostic | null)[] {
  const out: (Diagnostic | null)[] = [];
  if (!mayMatch(ctx, check.patterns)) return out;
  const scope = scopeMatcher(ctx, ctx.units(check.scope));
  const found = scope.matches(check.patterns);
  for (let i = 0, j = 0; i < found.length; i = j) {
    // The matches of one unit, dropped if an `unless` pattern is there too.
    const k = found[i]!.unit;
    while (j < found.length && found[j]!.unit === k) j++;
    if (check.unless && scope.matches(check.unless, k).length > 0) continue;
    const unit = scope.units[k]!;
    for (let f = i; f < j; f++) {
      const { match, pattern } = found[f]!;
      // Most expectations hold: decided on numbers, before any message value is made.
      if (pattern.expect && conditionHolds(pattern.expect, match.captures, ctx.value) !== false) {
        continue;
      }
      const values: Record<string, string | number> = { match: oneLine(match.text) };
      if (match.note !== undefined) values.note = match.note;
      for (const [name, c] of Object.entries(match.captures)) values[name] = c.value;
      if (!pattern.expect) {
        out.push(ctx.report(rule.id, match.range, values));
        continue;
      }
      const outcome = evaluateTextCondition(pattern.expect, match.captures, ctx.value);
      if (outcome.holds !== false) continue;
      Object.assign(values, outcome.shown?.values);
      const related = outcome.shown ? cellLocations(ctx, outcome.shown) : [];
      if (check.scope.title) {
        // The title only says who wrote the report: the finding is about the tables.
        const [first] = conditionCells(pattern.expect).flatMap((ref) => {
          const cell = ctx.cell(ref);
          return cell ? [cell.range] : [];
        });
        out.push(
          ctx.report(rule.id, first ?? match.range, values, {
            related: [
              { range: unit, message: `标题：${oneLine(ctx.text.slice(unit.start, unit.end))}` },
              ...related,
            ],
          }),
        );
      } else out.push(ctx.report(rule.id, match.range, values, { related }));
    }
  }
  return out;
}

/** Fires once when no unit of the scope has any of the patterns. */
function requireCheck(
  ctx: TextContext,
  rule: CompiledRule,
  check: TextCheck,
): (Diagnostic | null)[] {
  const section = scopeSection(ctx.model, check.scope);
  if (check.scope.section && !section) return []; // no such section: section-missing says so
  const scope = scopeMatcher(ctx, ctx.units(check.scope));
  if (scope.matches(check.patterns).length > 0) return [];
  if (check.unless && scope.matches(check.unless).length > 0) return [];
  const range = section?.headingRange ?? { start: 0, end: 0 };
  return [ctx.report(rule.id, range, {})];
}

/** The cells of the comparison a message shows, with their values. */
function cellLocations(ctx: TextContext, shown: ShownComparison): RelatedLocation[] {
  const index = indexTemplate(ctx.template);
  const { left, right } = shown.comparison;
  const out: RelatedLocation[] = [];
  for (const t of [...left.terms, ...right.terms]) {
    const cell = ctx.cell(t.cell);
    const value = ctx.value(t.cell);
    if (!cell || value === undefined) continue;
    const table = index.tables.get(t.cell.table);
    out.push({
      range: cell.range,
      message: `${table ? table.title : t.cell.table}${index.describeCell(t.cell)}：${formatNumber(value)}`,
    });
  }
  return out;
}

const asText = new WeakMap<Condition, TextCondition>();

/** A `when` over cells, with the same evaluation as an expectation. */
function whenHolds(ctx: TextContext, condition: Condition): boolean | null {
  let text = asText.get(condition);
  if (!text) asText.set(condition, (text = asTextCondition(condition)));
  return evaluateTextCondition(text, {}, ctx.value).holds;
}

function asTextCondition(c: Condition): TextCondition {
  if (c.kind === 'compare') {
    const { op, left, right } = c.comparison;
    return {
      kind: 'compare',
      comparison: { op, left: { ...left, captures: [] }, right: { ...right, captures: [] } },
    };
  }
  if (c.kind === 'not') return { kind: 'not', operand: asTextCondition(c.operand) };
  return { kind: c.kind, operands: c.operands.map(asTextCondition) };
}

/** A match cut by a page break (“今年 1 月至 7⏎⏎月”) is shown on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/gu, '');
}
