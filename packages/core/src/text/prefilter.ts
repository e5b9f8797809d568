/**
 * A cheap first pass before the pattern matcher: a pattern cannot match
 * without its literals (a rare word, a digit …), so the whole text is
 * folded once and searched for them with indexOf, and the matcher only runs
 * on the units that contain them. On a 10 MB report with nothing to find,
 * this is the difference between seconds per rule and milliseconds.
 */
import type { LexiconEntry, PatternNode } from '@govlint/dsl';
import { type FoldedText, foldLabel, type Range } from '@govlint/text';
import type { LiteralIndex } from './literal-index.js';

type Lexicons = Readonly<Record<string, readonly LexiconEntry[]>>;

/**
 * What every match must contain, as clauses: each clause is a list of folded
 * literals one of which occurs in the match, and every clause holds. An
 * empty list says nothing (a pattern of gaps and optional parts).
 * `("办理" | "答复") ("政府信息公开" | "依申请公开") number n "件"` gives four
 * clauses, so a sentence without 件 or without a digit is never matched.
 */
export function literalClauses(node: PatternNode, lexicons: Lexicons): string[][] {
  switch (node.kind) {
    case 'literal': {
      const folded = foldLabel(node.text);
      return folded ? [[folded]] : [];
    }
    case 'lexicon': {
      const entries = (lexicons[node.name] ?? []).map((e) => foldLabel(e.text));
      return entries.length > 0 && entries.every((e) => e) ? [entries] : [];
    }
    case 'number':
      return [DIGITS];
    case 'seq':
      return node.items.flatMap((item) => literalClauses(item, lexicons));
    case 'alt': {
      // One clause: each option's most selective clause, joined.
      const joined: string[] = [];
      for (const option of node.options) {
        const best = mostSelective(literalClauses(option, lexicons));
        if (!best) return [];
        joined.push(...best);
      }
      return [joined];
    }
    case 'optional':
    case 'gap':
      return [];
  }
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The clause whose shortest literal is longest (rare words beat single characters). */
function mostSelective(clauses: readonly string[][]): string[] | undefined {
  let best: string[] | undefined;
  for (const c of clauses) if (!best || selectivity(c) > selectivity(best)) best = c;
  return best;
}

/** Longer literals are rarer; a clause of many literals (the digits) is weak. */
function selectivity(clause: readonly string[]): number {
  return Math.min(...clause.map((s) => s.length)) - clause.length / 100;
}

/** The whole text folded (foldWithOffsets over all of it), searched by the prefilter. */
export type FoldedIndex = FoldedText;

/**
 * The units that satisfy every clause (one of its literals occurs in the
 * unit), in their order. Units do not overlap (sentences, paragraphs,
 * section bodies), so an occurrence belongs to the last unit starting at or
 * before it, if that unit reaches it.
 */
export function unitsWithLiterals(
  units: readonly Range[],
  clauses: readonly (readonly string[])[],
  index: FoldedIndex,
  literals: LiteralIndex,
): Range[] {
  if (clauses.length === 0) return [...units];
  // The most selective clause picks the candidates, from where its literals
  // occur; each other clause is then asked of those few units only, by a
  // binary search in its literals' positions (no unit is sliced or scanned).
  const [first, ...rest] = bySelectivity(clauses);
  let hit: readonly number[] = [];
  for (const literal of first!) {
    const more = unitsHit(index, literals, units, literal);
    hit = hit.length === 0 ? more : [...hit, ...more];
  }
  // In the units' own order, once each (several literals, or units not in text order).
  if (first!.length > 1 || hit.some((u, i) => i > 0 && u < hit[i - 1]!)) {
    hit = [...new Set(hit)].sort((a, b) => a - b);
  }
  const kept: Range[] = [];
  for (const u of hit) {
    if (unitHasLiterals(units[u]!, rest, index, literals)) kept.push(units[u]!);
  }
  return kept;
}

/** Whether every clause has a literal inside the unit (as unitsWithLiterals would keep it). */
export function unitHasLiterals(
  unit: Range,
  clauses: readonly (readonly string[])[],
  index: FoldedIndex,
  literals: LiteralIndex,
): boolean {
  if (clauses.length === 0) return true;
  const a = firstAtOrAfter(index.sourceOffsets, unit.start);
  const b = firstAtOrAfter(index.sourceOffsets, unit.end);
  return clauses.every((clause) =>
    clause.some((l) => occursWithin(literals.positions(l), a, b - l.length)),
  );
}

/** Whether a sorted list of positions has one in [from, to]. */
function occursWithin(positions: readonly number[], from: number, to: number): boolean {
  if (to < from) return false;
  const at = firstAtOrAfter(positions, from);
  return at < positions.length && positions[at]! <= to;
}

const sortedClauses = new WeakMap<readonly (readonly string[])[], readonly (readonly string[])[]>();

/** The clauses, most selective first (a pattern's clauses are sorted once). */
function bySelectivity(clauses: readonly (readonly string[])[]): readonly (readonly string[])[] {
  let sorted = sortedClauses.get(clauses);
  if (!sorted) {
    sorted = [...clauses].sort((a, b) => selectivity(b) - selectivity(a));
    sortedClauses.set(clauses, sorted);
  }
  return sorted;
}

const hitCache = new WeakMap<LiteralIndex, Map<readonly Range[], Map<string, readonly number[]>>>();

/**
 * The indices of the units containing the literal, last character included.
 * Kept per report: many rules look for the same literals (a digit, 件) in
 * the same units.
 */
function unitsHit(
  index: FoldedIndex,
  literals: LiteralIndex,
  units: readonly Range[],
  literal: string,
): readonly number[] {
  let byUnits = hitCache.get(literals);
  if (!byUnits) hitCache.set(literals, (byUnits = new Map()));
  let byLiteral = byUnits.get(units);
  if (!byLiteral) byUnits.set(units, (byLiteral = new Map()));
  const cached = byLiteral.get(literal);
  if (cached) return cached;
  const { order, starts } = sortedStarts(units);
  const offsets = index.sourceOffsets;
  const hit: number[] = [];
  // Positions and units are both in text order: walk them together.
  let k = -1; // the last unit starting at or before the position
  for (const at of literals.positions(literal)) {
    const start = offsets[at]!;
    while (k + 1 < starts.length && starts[k + 1]! <= start) k++;
    if (k >= 0 && offsets[at + literal.length - 1]! < units[order[k]!]!.end) {
      if (hit[hit.length - 1] !== order[k]!) hit.push(order[k]!);
    }
  }
  byLiteral.set(literal, hit);
  return hit;
}

const unitCache = new WeakMap<FoldedIndex, Map<Range, FoldedText>>();

/**
 * A unit folded as foldWithOffsets(text, unit.start, unit.end) would fold
 * it, cut from the whole text's folding (and kept: several rules match the
 * same sentences).
 */
export function foldedUnit(index: FoldedIndex, unit: Range): FoldedText {
  let byUnit = unitCache.get(index);
  if (!byUnit) unitCache.set(index, (byUnit = new Map()));
  let span = byUnit.get(unit);
  if (!span) {
    const a = firstAtOrAfter(index.sourceOffsets, unit.start);
    const b = firstAtOrAfter(index.sourceOffsets, unit.end);
    const sourceOffsets = index.sourceOffsets.slice(a, b + 1);
    sourceOffsets[b - a] = unit.end; // the end maps to the unit's end, as foldWithOffsets does
    span = { folded: index.folded.slice(a, b), sourceOffsets };
    byUnit.set(unit, span);
  }
  return span;
}

/** The index of the first value ≥ `value` in an ascending list (its length if none). */
function firstAtOrAfter(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sortedCache = new WeakMap<readonly Range[], { order: Int32Array; starts: Int32Array }>();

/** The units' indices by start, and their starts (cached: units are reused by many rules). */
function sortedStarts(units: readonly Range[]): { order: Int32Array; starts: Int32Array } {
  let cached = sortedCache.get(units);
  if (!cached) {
    const order = new Int32Array(units.length);
    let sorted = true;
    for (let i = 0; i < units.length; i++) {
      order[i] = i;
      if (i > 0 && units[i]!.start < units[i - 1]!.start) sorted = false;
    }
    if (!sorted) order.sort((a, b) => units[a]!.start - units[b]!.start);
    const starts = new Int32Array(units.length);
    for (let k = 0; k < order.length; k++) starts[k] = units[order[k]!]!.start;
    cached = { order, starts };
    sortedCache.set(units, cached);
  }
  return cached;
}
