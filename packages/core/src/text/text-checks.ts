/**
 * Narrative rules written in the DSL (`text … match … expect …`): find the
 * patterns in each unit of the scope with the DSL's linear-time matcher,
 * then compare the captures with the cells. Patterns of one check never
 * overlap: at one place the pattern declared first wins.
 */
import {
  type CompiledRule,
  type Condition,
  type LexiconEntry,
  type PatternMatch,
  type Program,
  type TextCheck,
  type TextCondition,
  type TextPattern,
  compilePattern,
  findMatchesFolded,
} from '@govlint/dsl';
import type { Diagnostic, Range, RelatedLocation } from '@govlint/text';
import { formatNumber } from '../messages.js';
import { indexTemplate } from '../template-index.js';
import { conditionCells, evaluateTextCondition, type ShownComparison } from './conditions.js';
import type { TextContext } from './context.js';
import { lexiconMatches } from './lexicon-search.js';
import {
  candidateUnits,
  checksFilter,
  filterOf,
  foldedSpan,
  literalPlan,
  unitLiterals,
  type UnitLiterals,
  unitPasses,
} from './unit-literals.js';
import { scopeSection } from './units.js';

type Lexicons = Readonly<Record<string, readonly LexiconEntry[]>>;

const compiled = new WeakMap<TextPattern, WeakMap<Lexicons, Program>>();

/** A pattern compiled once per template (lexicons may differ between templates). */
function programOf(pattern: TextPattern, lexicons: Lexicons): Program {
  let byLexicons = compiled.get(pattern);
  if (!byLexicons) compiled.set(pattern, (byLexicons = new WeakMap()));
  let program = byLexicons.get(lexicons);
  if (!program) byLexicons.set(lexicons, (program = compilePattern(pattern.node, lexicons)));
  return program;
}

const byUnits = new WeakMap<readonly Range[], UnitLiterals>();

/** The literals in each unit of a scope (worked out once per report and unit list). */
function literalsIn(ctx: TextContext, units: readonly Range[]): UnitLiterals {
  let u = byUnits.get(units);
  if (!u) {
    u = unitLiterals(literalPlan(ctx.template), units, ctx.folded(), ctx.literals());
    byUnits.set(units, u);
  }
  return u;
}

/** The indices of the units where one of the patterns could match (see unit-literals.ts). */
function candidates(ctx: TextContext, patterns: readonly TextPattern[], u: UnitLiterals): number[] {
  return candidateUnits(u, checksFilter(literalPlan(ctx.template), patterns));
}

export function textCheckDiagnostics(ctx: TextContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of ctx.template.rules) {
    if (rule.check.kind !== 'text' || !ctx.active(rule.id)) continue;
    const check = rule.check;
    if (check.when && whenHolds(ctx, check.when) !== true) continue;
    const found =
      check.mode === 'require' ? requireCheck(ctx, rule, check) : matchCheck(ctx, rule, check);
    for (const d of found) if (d) out.push(d);
  }
  return out;
}

interface Found {
  readonly match: PatternMatch;
  readonly pattern: TextPattern;
}

/** Leftmost matches of all the patterns in unit k, without overlaps, the first pattern first. */
function matchesIn(
  ctx: TextContext,
  patterns: readonly TextPattern[],
  u: UnitLiterals,
  k: number,
): Found[] {
  const plan = literalPlan(ctx.template);
  const all: (Found & { order: number })[] = [];
  patterns.forEach((pattern, order) => {
    // A unit may be a candidate for another pattern of the check, not this one.
    if (!unitPasses(u, filterOf(plan, pattern), k)) return;
    // A bare lexicon is a list of literals: the literal index has them, no matcher needed.
    const matches =
      pattern.node.kind === 'lexicon'
        ? lexiconMatches(ctx, pattern.node.name, [u.units[k]!])
        : findMatchesFolded(
            programOf(pattern, ctx.template.lexicons),
            ctx.text,
            foldedSpan(u, ctx.folded(), k),
          );
    for (const match of matches) all.push({ match, pattern, order });
  });
  if (all.length > 1) {
    all.sort((a, b) => a.match.range.start - b.match.range.start || a.order - b.order);
  }
  const kept: Found[] = [];
  let end = -1;
  for (const f of all) {
    if (f.match.range.start < end) continue;
    kept.push(f);
    end = Math.max(f.match.range.end, f.match.range.start + 1);
  }
  return kept;
}

function matchCheck(ctx: TextContext, rule: CompiledRule, check: TextCheck): (Diagnostic | null)[] {
  const out: (Diagnostic | null)[] = [];
  const u = literalsIn(ctx, ctx.units(check.scope));
  for (const k of candidates(ctx, check.patterns, u)) {
    const found = matchesIn(ctx, check.patterns, u, k);
    if (found.length === 0) continue;
    if (check.unless && matchesIn(ctx, check.unless, u, k).length > 0) continue;
    const unit = u.units[k]!;
    for (const { match, pattern } of found) {
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
  const u = literalsIn(ctx, ctx.units(check.scope));
  const present = (patterns: readonly TextPattern[]) =>
    candidates(ctx, patterns, u).some((k) => matchesIn(ctx, patterns, u, k).length > 0);
  if (present(check.patterns)) return [];
  if (check.unless && present(check.unless)) return [];
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
