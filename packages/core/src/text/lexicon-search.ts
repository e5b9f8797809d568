/**
 * Searching a pack's lexicon (a word list) in parts of the report. Builtin
 * checks read their words from lexicons, never from code. A lexicon is a
 * set of literals, so it is looked up in the report's literal index (no
 * matcher needed), with the matcher's rules: folded comparison, leftmost
 * matches, the entry declared first wins at one place, no overlaps.
 */
import type { LexiconEntry, PatternMatch } from '@govlint/dsl';
import { foldLabel, type Range } from '@govlint/text';
import type { TextContext } from './context.js';
import type { LiteralIndex, Needles } from './literal-index.js';

/**
 * The matches of a lexicon inside some units, kept as the matcher keeps
 * them, in text order: match k is text[starts[k], ends[k]), entry orders[k].
 * Numbers, not objects: most callers only ask which entries occur.
 */
export interface LexiconHits {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly orders: readonly number[];
}

const NO_HITS: LexiconHits = { starts: [], ends: [], orders: [] };

/** Every match of the lexicon's entries inside the units, in text order. */
export function lexiconMatches(
  ctx: TextContext,
  name: string,
  units: readonly Range[],
): PatternMatch[] {
  const { starts, ends, orders } = lexiconHits(ctx, name, units);
  if (starts.length === 0) return [];
  const entries = ctx.lexicon(name);
  const out: PatternMatch[] = [];
  for (let k = 0; k < starts.length; k++) {
    const note = entries[orders[k]!]!.note;
    const range = { start: starts[k]!, end: ends[k]! };
    const text = ctx.text.slice(range.start, range.end);
    // Two literals, not a spread (slow on Node 20): `note` is absent, not undefined.
    out.push(
      note !== undefined ? { range, text, captures: {}, note } : { range, text, captures: {} },
    );
  }
  return out;
}

/** lexiconMatches as numbers (see LexiconHits). */
export function lexiconHits(ctx: TextContext, name: string, units: readonly Range[]): LexiconHits {
  const entries = ctx.lexicon(name);
  if (entries.length === 0 || units.length === 0) return NO_HITS;
  const offsets = ctx.folded().sourceOffsets;
  const literals = ctx.literals();
  // The units by start, worked out at the first occurrence: most entries occur nowhere.
  let sorted: readonly Range[] | undefined;
  const starts: number[] = [];
  const ends: number[] = [];
  const orders: number[] = [];
  const { needles, ids } = indexedEntries(literals, entries);
  for (let order = 0; order < needles.length; order++) {
    const needle = needles[order]!;
    if (!needle) continue;
    const positions = entryPositions(literals, ids, order, needle);
    for (let p = 0; p < positions.length; p++) {
      const at = positions[p]!;
      const start = offsets[at]!;
      const end = endOf(ctx.text, offsets[at + needle.length - 1]!);
      sorted ??= byStart(units);
      const unit = unitOf(sorted, start);
      if (unit < 0 || end > sorted[unit]!.end) continue;
      starts.push(start);
      ends.push(end);
      orders.push(order);
    }
  }
  if (starts.length === 0) return NO_HITS;
  const kept: { starts: number[]; ends: number[]; orders: number[] } = {
    starts: [],
    ends: [],
    orders: [],
  };
  let taken = -1;
  const byPlace = textOrder(starts);
  for (let i = 0; i < byPlace.length; i++) {
    const k = byPlace[i]!;
    if (starts[k]! < taken) continue;
    taken = ends[k]!;
    kept.starts.push(starts[k]!);
    kept.ends.push(taken);
    kept.orders.push(orders[k]!);
  }
  return kept;
}

/** Up to this many matches, textOrder sorts by insertion (no call per comparison). */
const FEW = 48;

/**
 * The matches' indices by start, and at one start in the order they were
 * found (the entry declared first, first). Entries were searched one after
 * the other, so their matches interleave; a section has a few dozen, which
 * an insertion sort orders faster than a sort calling a comparator per
 * pair (or a typed array, costly to allocate).
 */
export function textOrder(starts: readonly number[]): number[] {
  const n = starts.length;
  const order: number[] = [];
  if (n > FEW) {
    for (let k = 0; k < n; k++) order.push(k);
    return order.sort((a, b) => starts[a]! - starts[b]! || a - b);
  }
  for (let k = 0; k < n; k++) {
    // Stable: k goes after every index of an equal start.
    order.push(k);
    let i = k;
    for (; i > 0 && starts[order[i - 1]!]! > starts[k]!; i--) order[i] = order[i - 1]!;
    order[i] = k;
  }
  return order;
}

/** After the source character at `last` (two units when it is astral). */
function endOf(text: string, last: number): number {
  return last + ((text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1);
}

/** A lexicon's entries folded, and each one's id in a literal index (-1: not one of its needles). */
interface IndexedEntries {
  readonly needles: readonly string[];
  readonly ids: Int32Array;
  /** The literal index's needles the ids are of. */
  readonly of: Needles;
}

const indexed = new WeakMap<readonly LexiconEntry[], IndexedEntries>();

/**
 * The entries folded and their ids in the literal index, worked out once
 * per pack (again only for another set of needles): the entries' positions
 * are then read by id. One table lookup per search, where a lint would
 * otherwise look up each folded word in the index's map, cold by then.
 */
function indexedEntries(literals: LiteralIndex, entries: readonly LexiconEntry[]): IndexedEntries {
  let found = indexed.get(entries);
  if (!found || found.of !== literals.needles) {
    const needles = found?.needles ?? entries.map((e) => foldLabel(e.text));
    const of = literals.needles;
    const ids = Int32Array.from(needles, (n) => (n ? (of.ids.get(n) ?? -1) : -1));
    indexed.set(entries, (found = { needles, ids, of }));
  }
  return found;
}

const NOWHERE: readonly number[] = [];

/** literals.positions(needle), entry `order`'s folded text, read by id when it has one. */
function entryPositions(
  literals: LiteralIndex,
  ids: Int32Array,
  order: number,
  needle: string,
): readonly number[] {
  const id = ids[order]!;
  return id >= 0 ? (literals.hits[id] ?? NOWHERE) : literals.positions(needle);
}

/** The units by start (as given when they already are). */
function byStart(units: readonly Range[]): readonly Range[] {
  return isSorted(units) ? units : [...units].sort((a, b) => a.start - b.start);
}

function isSorted(units: readonly Range[]): boolean {
  for (let i = 1; i < units.length; i++) if (units[i]!.start < units[i - 1]!.start) return false;
  return true;
}

/**
 * Whether any entry of the lexicon occurs inside the units: the first
 * match found answers (the leftmost of all is always kept).
 */
export function hasLexicon(ctx: TextContext, name: string, units: readonly Range[]): boolean {
  const entries = ctx.lexicon(name);
  if (entries.length === 0 || units.length === 0) return false;
  const offsets = ctx.folded().sourceOffsets;
  const literals = ctx.literals();
  let sorted: readonly Range[] | undefined;
  const { needles, ids } = indexedEntries(literals, entries);
  for (let order = 0; order < needles.length; order++) {
    const needle = needles[order]!;
    if (!needle) continue;
    for (const at of entryPositions(literals, ids, order, needle)) {
      const start = offsets[at]!;
      sorted ??= byStart(units);
      const unit = unitOf(sorted, start);
      if (unit >= 0 && endOf(ctx.text, offsets[at + needle.length - 1]!) <= sorted[unit]!.end) {
        return true;
      }
    }
  }
  return false;
}

/** Whether any entry of the lexicon occurs anywhere in the text (before any unit is worked out). */
export function lexiconOccurs(ctx: TextContext, name: string): boolean {
  const literals = ctx.literals();
  const entries = ctx.lexicon(name);
  const { needles, ids } = indexedEntries(literals, entries);
  for (let order = 0; order < needles.length; order++) {
    const needle = needles[order]!;
    if (needle && entryPositions(literals, ids, order, needle).length > 0) return true;
  }
  return false;
}

const SENTENCES = { unit: 'sentence' } as const;

/** The sentences of the narrative (outside tables, headings and the title). */
export function sentences(ctx: TextContext, section?: string): readonly Range[] {
  return ctx.units(section ? { section, unit: 'sentence' } : SENTENCES);
}

/** The index of the unit (sorted, not overlapping) containing `offset`, or -1. */
function unitOf(sorted: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset < sorted[found]!.end ? found : -1;
}
