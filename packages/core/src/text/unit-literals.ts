/**
 * Which units of a scope can hold a match, for every text check at once.
 * The literal index knows where each literal of the checks occurs; walking
 * those occurrences with the units of a scope gives, once per report and
 * unit list, a bitset per unit of the literals inside it. A pattern's
 * prefilter clauses (prefilter.ts) are then tested against bits: no binary
 * search, no scan of the unit, and the same answer for every check.
 */
import type { CompiledTemplate, LexiconEntry, TextPattern } from '@govlint/dsl';
import type { FoldedText, Range } from '@govlint/text';
import type { LiteralIndex, Needles } from './literal-index.js';
import { firstAtOrAfter } from './anchored-starts.js';
import { anchorsOf, literalClauses, selectivity } from './prefilter.js';

type Lexicons = Readonly<Record<string, readonly LexiconEntry[]>>;

/** The literals of a template's text checks, numbered, and each pattern's clauses in that numbering. */
export interface LiteralPlan {
  readonly list: readonly string[];
  /** Uint32 words of a unit's bitset. */
  readonly words: number;
  readonly filters: ReadonlyMap<TextPattern, PatternFilter>;
  /** Per literal index's needles: each needle's id in the plan, or -1 (see planIdsOf). */
  readonly planIds: WeakMap<Needles, Int32Array | null>;
}

/** A pattern's prefilter: its clauses, most selective first. */
export interface PatternFilter {
  /**
   * Every clause as (word, mask) pairs of a unit's bitset: the clause holds
   * when one pair has a common bit. Empty: the pattern says nothing (every
   * unit is a candidate).
   */
  readonly clauses: readonly Int32Array[];
}

const plans = new WeakMap<CompiledTemplate, LiteralPlan>();

/** Worked out once per template, for the patterns it scans for. */
export function literalPlan(template: CompiledTemplate): LiteralPlan {
  let plan = plans.get(template);
  if (!plan) {
    // The patterns scanned for: the others are found by their anchors (prefilter.ts).
    const patterns: TextPattern[] = [];
    for (const rule of template.rules) {
      if (rule.check.kind !== 'text') continue;
      for (const p of [...rule.check.patterns, ...(rule.check.unless ?? [])]) {
        if (!anchorsOf(p, template.lexicons)) patterns.push(p);
      }
    }
    plans.set(template, (plan = planOf(patterns, template.lexicons)));
  }
  return plan;
}

/** The literals of the patterns' clauses (prefilter.ts), numbered, and each pattern's filter. */
export function planOf(patterns: readonly TextPattern[], lexicons: Lexicons): LiteralPlan {
  const ids = new Map<string, number>();
  const idOf = (literal: string): number => {
    let id = ids.get(literal);
    if (id === undefined) ids.set(literal, (id = ids.size));
    return id;
  };
  const filters = new Map<TextPattern, PatternFilter>();
  for (const p of patterns) {
    const clauses = literalClauses(p.node, lexicons)
      .sort((a, b) => selectivity(b) - selectivity(a))
      .map((clause) => masks(clause.map(idOf)));
    filters.set(p, { clauses });
  }
  return {
    list: [...ids.keys()],
    words: Math.max(1, Math.ceil(ids.size / 32)),
    filters,
    planIds: new WeakMap(),
  };
}

const NO_FILTER: PatternFilter = { clauses: [] };

/** A pattern's filter; one the template does not hold is matched in every unit. */
export function filterOf(plan: LiteralPlan, pattern: TextPattern): PatternFilter {
  return plan.filters.get(pattern) ?? NO_FILTER;
}

/** Literal ids as (word, mask) pairs, one per word. */
function masks(ids: readonly number[]): Int32Array {
  const byWord = new Map<number, number>();
  for (const id of ids) byWord.set(id >>> 5, (byWord.get(id >>> 5) ?? 0) | (1 << (id & 31)));
  return Int32Array.from([...byWord].flat());
}

/** The literals in each unit of one unit list of one report. */
export interface UnitLiterals {
  readonly units: readonly Range[];
  /** words × units: bit `id` of unit k says the plan's literal `id` occurs inside it. */
  readonly bits: Uint32Array;
  readonly words: number;
  /** Where each unit starts and ends in the folded text. */
  readonly foldedStart: readonly number[];
  readonly foldedEnd: readonly number[];
  /** The units folded, as the matcher asks for them (see foldedSpan). */
  readonly spans: (FoldedText | undefined)[];
}

/**
 * One walk over the literal index's occurrences (in text order) with the
 * units sorted by start: an occurrence lies in the last unit starting at or
 * before it, if it ends inside it. Units that overlap (never built by
 * units.ts, but cheap to honour) are asked one by one instead.
 */
export function unitLiterals(
  plan: LiteralPlan,
  units: readonly Range[],
  folded: FoldedText,
  literals: LiteralIndex,
): UnitLiterals {
  const n = units.length;
  const { words, list } = plan;
  const offsets = folded.sourceOffsets;
  const foldedStart: number[] = [];
  const foldedEnd: number[] = [];
  let to = 0; // occurrences from here on are in no unit
  for (let k = 0; k < n; k++) {
    foldedStart.push(firstAtOrAfter(offsets, units[k]!.start));
    foldedEnd.push(firstAtOrAfter(offsets, units[k]!.end));
    to = Math.max(to, foldedEnd[k]!);
  }
  const bits = new Uint32Array(n * words);
  const u: UnitLiterals = { units, bits, words, foldedStart, foldedEnd, spans: new Array(n) };
  const order = byStart(units);
  let overlapping = false;
  for (let i = 1; i < n; i++) overlapping ||= units[order[i - 1]!]!.end > units[order[i]!]!.start;
  const planIds = planIdsOf(plan, literals.needles);
  if (overlapping || !planIds) {
    for (let id = 0; id < list.length; id++) {
      const positions = literals.positions(list[id]!);
      for (let k = 0; k < n; k++) {
        const at = positions[firstAtOrAfter(positions, foldedStart[k]!)];
        if (at !== undefined && at + list[id]!.length <= foldedEnd[k]!) set(u, k, id);
      }
    }
    return u;
  }
  const { occurrences } = literals;
  let j = -1; // in `order`: the last unit starting at or before the occurrence
  const from = n > 0 ? foldedStart[order[0]!]! : 0;
  for (let e = 2 * firstPairAt(occurrences, from); e < occurrences.length; e += 2) {
    const id = planIds[occurrences[e + 1]!]!;
    if (id < 0) continue;
    const at = occurrences[e]!;
    if (at >= to) break;
    while (j + 1 < n && foldedStart[order[j + 1]!]! <= at) j++;
    if (j < 0) continue;
    const k = order[j]!;
    if (at + list[id]!.length <= foldedEnd[k]!) set(u, k, id);
  }
  return u;
}

function set(u: UnitLiterals, k: number, id: number): void {
  u.bits[k * u.words + (id >>> 5)]! |= 1 << (id & 31);
}

/**
 * Each needle's id in the plan, or -1 (worked out once). Null when a literal
 * of the plan is no needle: templateNeedles takes the same clauses, but an
 * index built for other templates would not have them.
 */
function planIdsOf(plan: LiteralPlan, needles: Needles): Int32Array | null {
  let ids = plan.planIds.get(needles);
  if (ids === undefined) {
    const map = new Int32Array(needles.list.length).fill(-1);
    let all = true;
    plan.list.forEach((literal, id) => {
      const needle = needles.ids.get(literal);
      if (needle === undefined) all = false;
      else map[needle] = id;
    });
    plan.planIds.set(needles, (ids = all ? map : null));
  }
  return ids;
}

/** Whether every clause of the filter has a literal in unit k. */
export function unitPasses(u: UnitLiterals, filter: PatternFilter, k: number): boolean {
  for (const clause of filter.clauses) if (!hasAny(u, clause, k)) return false;
  return true;
}

/** The patterns of one check (or of its `unless`), filtered together. */
export interface ChecksFilter {
  readonly filters: readonly PatternFilter[];
  /**
   * The union of each pattern's most selective clause, as (word, mask)
   * pairs: a unit with none of these literals is no candidate, known from a
   * word or two. Null when a pattern has no clause (every unit is one).
   */
  readonly gate: Int32Array | null;
}

const checkFilters = new WeakMap<LiteralPlan, WeakMap<readonly TextPattern[], ChecksFilter>>();

/** Worked out once per template and list of patterns. */
export function checksFilter(plan: LiteralPlan, patterns: readonly TextPattern[]): ChecksFilter {
  let byPatterns = checkFilters.get(plan);
  if (!byPatterns) checkFilters.set(plan, (byPatterns = new WeakMap()));
  let cf = byPatterns.get(patterns);
  if (!cf) {
    const filters = patterns.map((p) => filterOf(plan, p));
    let gate: Int32Array | null = null;
    if (filters.every((f) => f.clauses.length > 0)) {
      const union = new Map<number, number>();
      for (const f of filters) {
        const first = f.clauses[0]!;
        for (let i = 0; i < first.length; i += 2) {
          union.set(first[i]!, (union.get(first[i]!) ?? 0) | first[i + 1]!);
        }
      }
      gate = Int32Array.from([...union].flat());
    }
    byPatterns.set(patterns, (cf = { filters, gate }));
  }
  return cf;
}

/** The indices of the units where one of the filters passes, ascending. */
export function candidateUnits(u: UnitLiterals, { filters, gate }: ChecksFilter): number[] {
  const out: number[] = [];
  for (let k = 0; k < u.units.length; k++) {
    if (gate && !hasAny(u, gate, k)) continue;
    for (const filter of filters) {
      if (unitPasses(u, filter, k)) {
        out.push(k);
        break;
      }
    }
  }
  return out;
}

/** Whether unit k has a literal of the (word, mask) pairs. */
function hasAny(u: UnitLiterals, pairs: Int32Array, k: number): boolean {
  const base = k * u.words;
  for (let i = 0; i < pairs.length; i += 2) {
    if ((u.bits[base + pairs[i]!]! & pairs[i + 1]!) !== 0) return true;
  }
  return false;
}

/**
 * Unit k folded as foldWithOffsets(text, unit.start, unit.end) would fold
 * it, cut from the whole text's folding (and kept: several checks match the
 * same sentences). The offsets are a view, copied only when the unit's end
 * is not where the next folded unit comes from.
 */
export function foldedSpan(u: UnitLiterals, folded: FoldedText, k: number): FoldedText {
  const kept = u.spans[k];
  if (kept) return kept;
  const a = u.foldedStart[k]!;
  const b = u.foldedEnd[k]!;
  const end = u.units[k]!.end;
  let sourceOffsets = folded.sourceOffsets.subarray(a, b + 1);
  if (sourceOffsets[b - a] !== end) {
    sourceOffsets = sourceOffsets.slice();
    sourceOffsets[b - a] = end; // the end maps to the unit's end, as foldWithOffsets does
  }
  return (u.spans[k] = { folded: folded.folded.slice(a, b), sourceOffsets });
}

const IDENTITY: number[] = [];

/** The units' indices by start (the identity when they are in order, as they almost always are). */
function byStart(units: readonly Range[]): readonly number[] {
  for (let k = 1; k < units.length; k++) {
    if (units[k]!.start < units[k - 1]!.start) {
      return units.map((_, i) => i).sort((a, b) => units[a]!.start - units[b]!.start);
    }
  }
  while (IDENTITY.length < units.length) IDENTITY.push(IDENTITY.length);
  return IDENTITY;
}

/** The first (position, id) pair whose position is ≥ value, as a pair index. */
function firstPairAt(pairs: readonly number[], value: number): number {
  let lo = 0;
  let hi = pairs.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[2 * mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
