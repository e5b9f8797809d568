/**
 * Every literal the text checks look for (the words their patterns are
 * found by, see prefilter.ts, the template's markers and the entries of the
 * lexicons searched), found in the same pass that folds the report.
 * Searching each of a few hundred words with indexOf scanned the whole
 * report a few hundred times; then folding and finding were two passes over
 * two copies of the text. Now each source unit is folded into a buffer and,
 * right there, the words that END at it are looked up by a hash of its last
 * folded units (one, two, or three for longer words: many end alike, in
 * 公开), in tables small enough to stay in the cache, and checked against
 * the buffer: most positions cost three table reads.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import {
  type FoldedText,
  foldBuffers,
  foldCodePoint,
  foldLabel,
  foldUnit,
  foldedFrom,
  makeRoom,
} from '@govlint/text';
import { patternNeedles } from './prefilter.js';

export interface LiteralIndex {
  /** The folded text the positions are offsets into. */
  readonly folded: string;
  /** Where the (folded) literal starts in the folded text, ascending; overlaps included. */
  positions(literal: string): readonly number[];
  /** The same for each needle, by its id in `needles` (undefined: it occurs nowhere). */
  readonly hits: readonly (readonly number[] | undefined)[];
  /** The needles the index was built with. */
  readonly needles: Needles;
  /** Every occurrence of a needle as (position, needle id) pairs, flat, by position. */
  readonly occurrences: readonly number[];
}

/** A set of literals, grouped by how they end, for the one-pass search. */
export interface Needles {
  readonly list: readonly string[];
  readonly ids: ReadonlyMap<string, number>;
  /**
   * For each bucket (a hash of a needle's last unit, two units or three, by
   * its length: one, two, three or more): 1 + the index of the group of
   * needles that hash there, or 0.
   */
  readonly one: Uint16Array;
  readonly two: Uint16Array;
  readonly three: Uint16Array;
  /** A bit per unit that ends some needle: most units end none, known from 8 KB. */
  readonly ends: Int32Array;
  /** Group g's needle ids are groupIds[groupStart[g] .. groupStart[g + 1]). */
  readonly groupStart: Int32Array;
  readonly groupIds: Int32Array;
  /** Every needle's units, one after the other: needle i's from unitStart[i] to unitStart[i + 1]. */
  readonly units: Uint16Array;
  readonly unitStart: Int32Array;
}

const BUCKETS = 8192;
const MASK = BUCKETS - 1;

/** The bucket of two consecutive folded units, or three. */
const pairBucket = (prev: number, unit: number): number => ((prev * 33) ^ unit) & MASK;
const tripleBucket = (before: number, prev: number, unit: number): number =>
  ((before * 961) ^ (prev * 33) ^ unit) & MASK;

export function needlesOf(literals: Iterable<string>): Needles {
  const list = [...new Set(literals)].filter((l) => l.length > 0);
  const ids = new Map(list.map((l, id) => [l, id]));
  const groups = [
    new Map<number, number[]>(),
    new Map<number, number[]>(),
    new Map<number, number[]>(),
  ];
  list.forEach((literal, id) => {
    const n = literal.length;
    const at = (k: number) => literal.charCodeAt(n - k);
    const [table, bucket] =
      n === 1
        ? [groups[0]!, at(1) & MASK]
        : n === 2
          ? [groups[1]!, pairBucket(at(2), at(1))]
          : [groups[2]!, tripleBucket(at(3), at(2), at(1))];
    let group = table.get(bucket);
    if (!group) table.set(bucket, (group = []));
    group.push(id);
  });
  const tables = [new Uint16Array(BUCKETS), new Uint16Array(BUCKETS), new Uint16Array(BUCKETS)];
  const groupStart = [0];
  const groupIds: number[] = [];
  groups.forEach((table, t) => {
    for (const [bucket, group] of table) {
      tables[t]![bucket] = groupStart.length;
      groupIds.push(...group);
      groupStart.push(groupIds.length);
    }
  });
  const unitStart = [0];
  for (const l of list) unitStart.push(unitStart[unitStart.length - 1]! + l.length);
  const units = new Uint16Array(unitStart[list.length]!);
  list.forEach((l, id) => {
    for (let k = 0; k < l.length; k++) units[unitStart[id]! + k] = l.charCodeAt(k);
  });
  return {
    list,
    ids,
    one: tables[0]!,
    two: tables[1]!,
    three: tables[2]!,
    ends: endsOf(list),
    groupStart: Int32Array.from(groupStart),
    groupIds: Int32Array.from(groupIds),
    units,
    unitStart: Int32Array.from(unitStart),
  };
}

function endsOf(list: readonly string[]): Int32Array {
  const ends = new Int32Array(0x10000 >>> 5);
  for (const l of list) {
    const last = l.charCodeAt(l.length - 1);
    ends[last >>> 5]! |= 1 << (last & 31);
  }
  return ends;
}

/**
 * The lexicons builtin checks look for in the text (lexicon-search.ts
 * callers); a pattern's own lexicons come with its clauses. A lexicon
 * searched but missing here is still found, by a scan of its own.
 */
export const SEARCHED_LEXICONS = [
  'spam',
  'overview-aspects',
  'fee-terms',
  'fee-waived',
  'sum-part-cues',
  'period-cues',
] as const;

const byTemplates = new WeakMap<readonly CompiledTemplate[], Needles>();

/**
 * The literals a lint looks for: every template's markers, the literals its
 * text checks' patterns are found by (prefilter.ts) and the entries of the
 * lexicons searched, folded (worked out once).
 */
export function templateNeedles(templates: readonly CompiledTemplate[]): Needles {
  let needles = byTemplates.get(templates);
  if (!needles) {
    const literals: string[] = [];
    for (const template of templates) {
      for (const marker of template.markers) literals.push(foldLabel(marker));
      for (const rule of template.rules) {
        if (rule.check.kind !== 'text') continue;
        for (const p of [...rule.check.patterns, ...(rule.check.unless ?? [])]) {
          literals.push(...patternNeedles(p, template.lexicons));
        }
      }
      // Lexicons the builtin checks search (the others are word lists to
      // compare with, not to find: the allowed Latin words, reduplications…).
      for (const name of SEARCHED_LEXICONS) {
        for (const e of template.lexicons[name] ?? []) literals.push(foldLabel(e.text));
      }
    }
    byTemplates.set(templates, (needles = needlesOf(literals)));
  }
  return needles;
}

/** A report folded once, and its literals found once, for every check that searches words. */
export interface FoldedReport {
  readonly folded: FoldedText;
  readonly literals: LiteralIndex;
}

/** Fold the whole report (as foldWithOffsets does) and find every needle in it, in one pass. */
export function foldReport(text: string, needles: Needles): FoldedReport {
  const end = text.length;
  const buffers = foldBuffers(end);
  let { units, offsets } = buffers;
  const hits = new Array<number[] | undefined>(needles.list.length);
  const { one, two, three, ends } = needles;
  let n = 0;
  let prev = -1; // the folded unit before, or -1
  let before = -1; // and the one before it
  let surrogates = false;
  for (let i = 0; i < end;) {
    const unit = text.charCodeAt(i);
    const f = foldUnit(unit);
    if (f >= 0) {
      units[n] = f;
      offsets[n++] = i++;
      // The needles ending here: by this unit alone, with the one before, or two before.
      if ((ends[f >>> 5]! & (1 << (f & 31))) !== 0) {
        const single = one[f & MASK]!;
        if (single !== 0) check(needles, single - 1, units, n, hits);
        const pair = two[pairBucket(prev, f)]!;
        if (pair !== 0 && prev >= 0) check(needles, pair - 1, units, n, hits);
        const triple = three[tripleBucket(before, prev, f)]!;
        if (triple !== 0 && before >= 0) check(needles, triple - 1, units, n, hits);
      }
      before = prev;
      prev = f;
      continue;
    }
    if (f === -1) {
      i++; // deleted
      continue;
    }
    // A surrogate pair, or a unit that folds to several.
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp);
    if (unit >= 0xd800 && unit <= 0xdfff) surrogates = true;
    makeRoom(buffers, n, folded.length + (end - i));
    ({ units, offsets } = buffers);
    for (let k = 0; k < folded.length; k++) {
      const u = folded.charCodeAt(k);
      units[n] = u;
      offsets[n++] = i;
      endingAt(needles, units, n, hits);
      before = prev;
      prev = u;
    }
    i += width;
  }
  const folded = foldedFrom(buffers, n, end, surrogates);
  return { folded, literals: literalIndex(folded.folded, needles, hits) };
}

/** Every needle in a text already folded. */
export function indexLiterals(folded: string, needles: Needles): LiteralIndex {
  const units = new Uint16Array(folded.length);
  const hits = new Array<number[] | undefined>(needles.list.length);
  for (let n = 0; n < folded.length; n++) {
    units[n] = folded.charCodeAt(n);
    endingAt(needles, units, n + 1, hits);
  }
  return literalIndex(folded, needles, hits);
}

/** Records the needles that end with the last of the `n` folded units. */
function endingAt(
  needles: Needles,
  units: Uint16Array,
  n: number,
  hits: (number[] | undefined)[],
): void {
  const last = units[n - 1]!;
  const single = needles.one[last & MASK]!;
  if (single !== 0) check(needles, single - 1, units, n, hits);
  if (n < 2) return;
  const pair = needles.two[pairBucket(units[n - 2]!, last)]!;
  if (pair !== 0) check(needles, pair - 1, units, n, hits);
  if (n < 3) return;
  const triple = needles.three[tripleBucket(units[n - 3]!, units[n - 2]!, last)]!;
  if (triple !== 0) check(needles, triple - 1, units, n, hits);
}

function check(
  needles: Needles,
  group: number,
  units: Uint16Array,
  n: number,
  hits: (number[] | undefined)[],
): void {
  const { groupStart, groupIds, unitStart } = needles;
  const needleUnits = needles.units;
  for (let g = groupStart[group]!, end = groupStart[group + 1]!; g < end; g++) {
    const id = groupIds[g]!;
    const from = unitStart[id]!;
    const length = unitStart[id + 1]! - from;
    if (length > n) continue;
    const at = n - length;
    let k = length - 1;
    while (k >= 0 && units[at + k] === needleUnits[from + k]) k--;
    if (k < 0) (hits[id] ??= []).push(at);
  }
}

function literalIndex(
  folded: string,
  needles: Needles,
  hits: (number[] | undefined)[],
): LiteralIndex {
  return new FoundLiterals(folded, needles, hits);
}

const NONE: readonly number[] = [];

/** A class, not a literal of closures: one object per report, its methods shared. */
class FoundLiterals implements LiteralIndex {
  /** Literals no check declared (a caller's own word), searched the slow way, once. */
  private extra: Map<string, number[]> | undefined;
  private pairs: number[] | undefined;

  constructor(
    readonly folded: string,
    readonly needles: Needles,
    readonly hits: (number[] | undefined)[],
  ) {}

  get occurrences(): readonly number[] {
    return (this.pairs ??= pairsByPosition(this.hits));
  }

  positions(literal: string): readonly number[] {
    const id = this.needles.ids.get(literal);
    if (id !== undefined) return this.hits[id] ?? NONE;
    let found = this.extra?.get(literal);
    if (!found) {
      found = [];
      if (literal.length > 0) {
        const { folded } = this;
        for (let at = folded.indexOf(literal); at >= 0; at = folded.indexOf(literal, at + 1)) {
          found.push(at);
        }
      }
      (this.extra ??= new Map()).set(literal, found);
    }
    return found;
  }
}

/** Every (position, needle id) pair, by position (then id). */
function pairsByPosition(hits: readonly (readonly number[] | undefined)[]): number[] {
  const pairs: [number, number][] = [];
  hits.forEach((list, id) => list?.forEach((at) => pairs.push([at, id])));
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return pairs.flat();
}
