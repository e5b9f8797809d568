/**
 * The matcher for narrative patterns (compiled.ts `PatternNode`). Rules files
 * supply the patterns, so no pattern may hang the linter (issue 7): matching
 * takes time linear in the text times the program's size, whatever the gaps.
 *
 * Each match is found in two phases:
 *  1. pattern-scan.ts finds where the next match starts (the leftmost start),
 *     recognising only, with each gap one state: O(text × program).
 *  2. pattern-anchored.ts finds, from that start only, the match a Pike VM
 *     would report (alternatives in order, shortest gaps, longest numbers)
 *     and its captures: O(positions it reaches × program).
 *
 * Text and literals are compared folded (foldLabel: full/half width, spaces,
 * quotes), and match positions are mapped back to source offsets.
 */
import { type FoldedText, foldWithOffsets, type Range } from '@govlint/text';
import { type Found, matchAt, SearchMemo } from './pattern-anchored.js';
import type { Program } from './pattern-program.js';
import { leftmostStart, type MatchStats } from './pattern-scan.js';
import { matchStarts } from './pattern-starts.js';

export { compilePattern, type Program } from './pattern-program.js';
export type { MatchStats } from './pattern-scan.js';

export interface PatternMatch {
  /** Source range of the whole match. */
  readonly range: Range;
  readonly text: string;
  readonly captures: Readonly<Record<string, { readonly value: number; readonly range: Range }>>;
  /** The note of the lexicon entry that matched, if any. */
  readonly note?: string;
}

/**
 * Every leftmost, non-overlapping match in `source` between `start` and
 * `end` (a sentence, a paragraph, a section body). `stats`, if given, counts
 * the matcher's steps.
 */
export function findMatches(
  program: Program,
  source: string,
  start = 0,
  end = source.length,
  stats?: MatchStats,
): PatternMatch[] {
  return findMatchesFolded(program, source, foldWithOffsets(source, start, end), stats);
}

/**
 * findMatches over a span the caller has already folded (as foldWithOffsets
 * would), so that one folding serves every pattern looking at that span.
 */
export function findMatchesFolded(
  program: Program,
  source: string,
  span: FoldedText,
  stats?: MatchStats,
): PatternMatch[] {
  const { folded, sourceOffsets } = span;
  const out: PatternMatch[] = [];
  let memo: SearchMemo | undefined; // taken (and reset) only when a match is known
  const work = { steps: 0, positions: 0 };
  // Once the forward scans have swept the text a few times over, one pass
  // backwards finds every start at once, keeping the whole search linear.
  let starts: Uint8Array | undefined;
  let base = 0;
  let from = 0;
  while (from <= folded.length) {
    if (!starts && work.positions > 2 * (folded.length + 1)) {
      [starts, base] = [matchStarts(program, folded, from, work), from];
    }
    const start = starts
      ? firstSet(starts, from - base) + base
      : leftmostStart(program, folded, from, work);
    if (start < from) break;
    // Phase 1 proved a match begins at `start`, so phase 2 always finds one.
    const m = matchAt(program, folded, start, (memo ??= memoOf(program)), work)!;
    out.push(toMatch(program, source, span, folded.length, sourceOffsets[folded.length]!, m));
    from = Math.max(m.slots[1]!, m.slots[0]! + 1);
  }
  if (stats) stats.steps += work.steps;
  return out;
}

/** A stretch [lo, hi) of a folded text (a sentence of the whole report's folding). */
export interface FoldedWindow {
  readonly lo: number;
  readonly hi: number;
  /** The source offset the window's end maps to (its unit's end). */
  readonly end: number;
}

/**
 * The matches findMatchesFolded finds in `window` of `span` (as if the
 * window were cut out, its end mapped to its source unit's end), when every
 * match is known to begin at one of `starts[from]`…`starts[to - 1]`
 * (ascending; see pattern-anchors.ts): the matcher runs at those positions
 * only, each anchored, in order, and a match found skips the starts it
 * covers. Appended to `out`.
 */
export function findMatchesAt(
  program: Program,
  source: string,
  span: FoldedText,
  window: FoldedWindow,
  starts: ArrayLike<number>,
  from: number,
  to: number,
  out: PatternMatch[],
): void {
  const { folded } = span;
  const { lo, hi } = window;
  let memo: SearchMemo | undefined;
  let next = lo; // where the next match may begin
  for (let i = from; i < to; i++) {
    const start = starts[i]!;
    if (start < next) continue;
    if (start > hi) break;
    const m = matchAt(program, folded, start, (memo ??= memoOf(program)), undefined, lo, hi);
    if (!m) continue;
    out.push(toMatch(program, source, span, hi, window.end, m));
    next = Math.max(m.slots[1]!, m.slots[0]! + 1);
  }
}

const memos = new WeakMap<Program, SearchMemo>();

/** The program's search memory, reset: matching a short unit should not allocate it anew. */
function memoOf(program: Program): SearchMemo {
  let memo = memos.get(program);
  if (!memo) memos.set(program, (memo = new SearchMemo(program.insts.length, program.gaps)));
  else memo.reset();
  return memo;
}

/** The first index ≥ `from` where `flags` is set, or -1. */
function firstSet(flags: Uint8Array, from: number): number {
  for (let i = from; i < flags.length; i++) if (flags[i]) return i;
  return -1;
}

/** A match in source offsets; folded position `hi` (the window's end) maps to `end`. */
function toMatch(
  program: Program,
  source: string,
  { folded, sourceOffsets: offsets }: FoldedText,
  hi: number,
  end: number,
  t: Found,
): PatternMatch {
  const toSource = (a: number, b: number): Range => {
    const start = a === hi ? end : offsets[a]!;
    if (b <= a) return { start, end: start };
    const lastStart = offsets[b - 1]!;
    const width = (source.codePointAt(lastStart) ?? 0) > 0xffff ? 2 : 1;
    return { start, end: lastStart + width };
  };
  const range = toSource(t.slots[0]!, t.slots[1]!);
  const captures: Record<string, { value: number; range: Range }> = {};
  program.captures.forEach((name, i) => {
    const a = t.slots[2 + 2 * i]!;
    const b = t.slots[3 + 2 * i]!;
    if (a >= 0 && b >= 0)
      captures[name] = { value: Number(folded.slice(a, b)), range: toSource(a, b) };
  });
  const note = t.note >= 0 ? program.notes[t.note] : undefined;
  const text = source.slice(range.start, range.end);
  // Two literals, not a spread (slow on Node 20): `note` is absent, not undefined.
  return note !== undefined ? { range, text, captures, note } : { range, text, captures };
}
