/**
 * The matches of a text check's patterns in the units of its scope (its
 * sentences, paragraphs, a section or the title), for one report.
 *
 * A pattern with anchors (prefilter.ts) is not scanned for: the positions
 * where its matches can begin come from the literal index, each is placed
 * in its unit by a binary search, and the matcher runs anchored there, on
 * the report's one folding (no unit is cut out). A pattern without anchors,
 * or units out of order (never built by units.ts), take the older way:
 * the units holding the pattern's literals (unit-literals.ts), each scanned.
 *
 * Patterns of one check never overlap: at one place the pattern declared
 * first wins, and the matches of a unit come out by position.
 */
import {
  findMatchesAt,
  findMatchesFolded,
  type FoldedWindow,
  type LexiconEntry,
  type PatternMatch,
  type Program,
  type TextPattern,
  compilePattern,
} from '@govlint/dsl';
import type { Range } from '@govlint/text';
import type { TextContext } from './context.js';
import { lexiconMatches } from './lexicon-search.js';
import { anchoredStarts, firstAtOrAfter, mayStart } from './anchored-starts.js';
import { type AnchorPlan, anchorPlans } from './prefilter.js';
import {
  filterOf,
  foldedSpan,
  literalPlan,
  unitLiterals,
  type UnitLiterals,
  unitPasses,
} from './unit-literals.js';

type Lexicons = Readonly<Record<string, readonly LexiconEntry[]>>;

export interface Found {
  readonly match: PatternMatch;
  readonly pattern: TextPattern;
  /** The index of the unit it lies in. */
  readonly unit: number;
}

interface Tagged extends Found {
  readonly order: number;
}

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

/**
 * Whether a check's patterns may match at all: false when each begins with
 * literals that occur nowhere in the report, the common case, known without
 * building the scope's units.
 */
export function mayMatch(ctx: TextContext, patterns: readonly TextPattern[]): boolean {
  const literals = ctx.literals();
  const plans = anchorPlans(patterns, ctx.template.lexicons, literals.needles);
  for (const plan of plans) if (!plan || mayStart(plan, literals)) return true;
  return false;
}

const matchers = new WeakMap<readonly Range[], ScopeMatcher>();

/** The matcher of a scope's units, one per report and unit list (ctx.units keeps the lists). */
export function scopeMatcher(ctx: TextContext, units: readonly Range[]): ScopeMatcher {
  let matcher = matchers.get(units);
  if (!matcher) matchers.set(units, (matcher = new ScopeMatcher(ctx, units)));
  return matcher;
}

export class ScopeMatcher {
  /** Units sorted by start, none overlapping the next: a position lies in one unit at most. */
  private readonly ordered: boolean;
  private readonly win = { lo: 0, hi: 0, end: 0 };
  /** The starts of the patterns asked about unit by unit (a check's `unless`). */
  private starts: Map<TextPattern, readonly number[]> | undefined;

  constructor(
    private readonly ctx: TextContext,
    readonly units: readonly Range[],
  ) {
    let ordered = true;
    for (let k = 1; k < units.length && ordered; k++) {
      ordered = units[k - 1]!.end <= units[k]!.start && units[k - 1]!.start <= units[k]!.start;
    }
    this.ordered = ordered;
  }

  /**
   * The leftmost matches of the patterns (in every unit, or in unit `only`),
   * without overlaps, by unit and position, the first pattern first.
   */
  matches(patterns: readonly TextPattern[], only?: number): Found[] {
    const all: Tagged[] = [];
    const plans = anchorPlans(patterns, this.ctx.template.lexicons, this.ctx.literals().needles);
    for (let order = 0; order < patterns.length; order++) {
      this.collect(patterns[order]!, plans[order]!, order, only, all);
    }
    if (all.length > 1) {
      all.sort(
        (a, b) => a.unit - b.unit || a.match.range.start - b.match.range.start || a.order - b.order,
      );
    }
    if (all.length < 2) return all; // most checks find nothing in most reports
    const kept: Found[] = [];
    let unit = -1;
    let end = -1;
    for (const f of all) {
      if (f.unit !== unit) {
        unit = f.unit;
        end = -1;
      }
      if (f.match.range.start < end) continue;
      kept.push(f);
      end = Math.max(f.match.range.end, f.match.range.start + 1);
    }
    return kept;
  }

  private collect(
    pattern: TextPattern,
    plan: AnchorPlan | null,
    order: number,
    only: number | undefined,
    out: Tagged[],
  ) {
    const { ctx, units } = this;
    if (!plan || !this.ordered) return this.scan(pattern, order, only, out);
    if (!mayStart(plan, ctx.literals())) return;
    const node = pattern.node;
    if (node.kind === 'lexicon' && only === undefined) {
      // Its words are all it is: lexicon-search.ts finds them in the units that hold one.
      for (const k of this.unitsHolding(plan.first)) {
        for (const match of lexiconMatches(ctx, node.name, [units[k]!])) {
          out.push({ match, pattern, order, unit: k });
        }
      }
      return;
    }
    // Kept for the patterns asked about unit by unit (a check's `unless`).
    let starts = only === undefined ? undefined : this.starts?.get(pattern);
    if (!starts) {
      starts = anchoredStarts(plan, ctx.literals(), ctx.folded().folded);
      if (only !== undefined) (this.starts ??= new Map()).set(pattern, starts);
    }
    const offsets = ctx.folded().sourceOffsets;
    let i = only === undefined ? 0 : firstAtOrAfter(starts, this.window(only).lo);
    let k = only ?? 0;
    while (i < starts.length) {
      // The unit of the next start: the first unit ending after it, if it begins before it.
      const at = offsets[starts[i]!]!;
      if (only === undefined) k = firstEndingAfter(units, at, k);
      if (k >= units.length || at >= units[k]!.end) break;
      const { start, end } = units[k]!;
      if (at < start) {
        while (i < starts.length && offsets[starts[i]!]! < start) i++;
        continue;
      }
      let j = i + 1;
      while (j < starts.length && offsets[starts[j]!]! < end) j++;
      this.run(pattern, order, k, starts, i, j, out);
      if (only !== undefined) break;
      i = j;
    }
  }

  /** The matches in unit k of a pattern whose starts there are starts[i..j). */
  private run(
    pattern: TextPattern,
    order: number,
    k: number,
    starts: readonly number[],
    i: number,
    j: number,
    out: Tagged[],
  ) {
    const { ctx } = this;
    const node = pattern.node;
    // A bare lexicon is a list of literals: lexicon-search.ts finds them without the matcher.
    let matches: PatternMatch[];
    if (node.kind === 'lexicon') matches = lexiconMatches(ctx, node.name, [this.units[k]!]);
    else {
      matches = [];
      const program = programOf(pattern, ctx.template.lexicons);
      findMatchesAt(program, ctx.text, ctx.folded(), this.window(k), starts, i, j, matches);
    }
    for (const match of matches) out.push({ match, pattern, order, unit: k });
  }

  /** The units in which one of the needles begins, ascending. */
  private unitsHolding(ids: Int32Array): number[] {
    const { units } = this;
    const { hits } = this.ctx.literals();
    const offsets = this.ctx.folded().sourceOffsets;
    const out: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const list = hits[ids[i]!];
      if (!list) continue;
      let k = 0;
      for (let j = 0; j < list.length; j++) {
        const at = offsets[list[j]!]!;
        k = firstEndingAfter(units, at, k);
        if (k >= units.length) break;
        if (at >= units[k]!.start && out[out.length - 1] !== k) out.push(k);
      }
    }
    if (ids.length > 1) {
      out.sort((a, b) => a - b);
      let kept = 0;
      for (let i = 0; i < out.length; i++)
        if (i === 0 || out[i] !== out[i - 1]) out[kept++] = out[i]!;
      out.length = kept;
    }
    return out;
  }

  /** A pattern scanned for in each unit holding its literals. */
  private scan(pattern: TextPattern, order: number, only: number | undefined, out: Tagged[]) {
    const { ctx, units } = this;
    const u = literalsIn(ctx, units);
    const filter = filterOf(literalPlan(ctx.template), pattern);
    const node = pattern.node;
    const [from, to] = only === undefined ? [0, units.length] : [only, only + 1];
    for (let k = from; k < to; k++) {
      if (!unitPasses(u, filter, k)) continue;
      const matches =
        node.kind === 'lexicon'
          ? lexiconMatches(ctx, node.name, [units[k]!])
          : findMatchesFolded(
              programOf(pattern, ctx.template.lexicons),
              ctx.text,
              foldedSpan(u, ctx.folded(), k),
            );
      for (const match of matches) out.push({ match, pattern, order, unit: k });
    }
  }

  /**
   * Unit k's stretch of the folded text: the folded units from its source
   * range, by two binary searches (cheaper than keeping them for every unit:
   * few units are asked for).
   */
  private window(k: number): FoldedWindow {
    const unit = this.units[k]!;
    const offsets = this.ctx.folded().sourceOffsets;
    // One object, refilled: it is read at once, by the caller or the matcher.
    const w = this.win;
    w.lo = firstAtOrAfter(offsets, unit.start);
    w.hi = firstAtOrAfter(offsets, unit.end);
    w.end = unit.end;
    return w;
  }
}

/** The first unit from `from` on whose end is past `at` (units ordered). */
function firstEndingAfter(units: readonly Range[], at: number, from: number): number {
  let lo = from;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
