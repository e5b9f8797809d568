/**
 * Label folding for the reader, with offsets. The folding itself is
 * @govlint/text's (`foldUnit`: one table, learnt per code unit, that gives
 * exactly `foldLabel`'s result); this module adds the reader's shapes: a
 * span folded with its offsets, a slice folded without them (in a reused
 * buffer), and offsets without the string. Positions always come back
 * through `offsets`.
 */
import { foldCodePoint, foldUnit, foldWithOffsets, unitsToString } from '@govlint/text';

export { foldCodePoint, foldUnit };

const DELETED = -1;
/** Folds to several units, or is a surrogate: folded by code point. */
const COMPLEX = -2;

export interface Folded {
  readonly folded: string;
  /** Source offset of each folded unit, plus one entry for the end. */
  readonly offsets: Int32Array;
}

/** Fold `text[start, end)`, keeping for each folded unit its source offset. */
export function foldRange(text: string, start: number, end: number): Folded {
  const { folded, sourceOffsets } = foldWithOffsets(text, start, end);
  return { folded, offsets: sourceOffsets };
}

/** Fold a string for comparison (no offsets). */
export function fold(text: string): string {
  return foldSlice(text, 0, text.length);
}

/** Scratch units for `foldSlice`: grown on demand, reused by every call. */
let scratch = new Uint16Array(256);

/** The scratch buffer, with room for `extra` units after the first `used`. */
function reserve(used: number, extra: number): Uint16Array {
  if (used + extra > scratch.length) {
    const grown = new Uint16Array(Math.max(scratch.length * 2, used + extra));
    grown.set(scratch.subarray(0, used));
    scratch = grown;
  }
  return scratch;
}

/**
 * `fold(text.slice(start, end))`. Most labels fold to themselves (ideographs
 * only) or differ in a unit or two (`（一）`): the unchanged runs are copied
 * as slices and only the changed units made strings, which costs less than
 * writing every unit to a buffer and decoding it.
 */
export function foldSlice(text: string, start: number, end: number): string {
  let out = '';
  let run = start; // where the current run of unchanged units began
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = foldUnit(c);
    if (v === c) continue;
    if (v === COMPLEX) return foldSliceComplex(text, start, end);
    if (i > run) out += text.slice(run, i);
    if (v !== DELETED) out += String.fromCharCode(v);
    run = i + 1;
  }
  if (run === start) return start === 0 && end === text.length ? text : text.slice(start, end);
  return run < end ? out + text.slice(run, end) : out;
}

/**
 * `foldSlice` for a span holding a unit that folds to several units or a
 * surrogate (rare): the folded units are written to a scratch buffer and
 * made a string once.
 */
function foldSliceComplex(text: string, start: number, end: number): string {
  let n = 0;
  let units = reserve(0, end - start);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = foldUnit(c);
    if (v === DELETED) continue;
    if (v !== COMPLEX) {
      units[n++] = v;
      continue;
    }
    // A surrogate pair cut by `end` is a lone surrogate here, as in the slice.
    const cp = i + 1 < end ? (text.codePointAt(i) as number) : c;
    const f = foldCodePoint(cp);
    units = reserve(n, f.length + (end - i));
    for (let k = 0; k < f.length; k++) units[n++] = f.charCodeAt(k);
    if (cp > 0xffff) i++;
  }
  return unitsToString(units, n, true);
}

/**
 * `foldRange(text, start, end).offsets` without making the folded string:
 * enough to map a match found in an already folded token back to the source.
 */
export function foldOffsets(text: string, start: number, end: number): Int32Array {
  let offsets = new Int32Array(end - start + 1);
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = foldUnit(c);
    if (v === DELETED) continue;
    let units = 1;
    if (v === COMPLEX) {
      const cp = text.codePointAt(i) as number;
      units = foldCodePoint(cp).length;
      if (n + units + (end - i) >= offsets.length) {
        const grown = new Int32Array(Math.max(offsets.length * 2, n + units + (end - i) + 1));
        grown.set(offsets);
        offsets = grown;
      }
      for (let k = 0; k < units; k++) offsets[n++] = i;
      if (cp > 0xffff) i++;
      continue;
    }
    offsets[n++] = i;
  }
  offsets[n] = end;
  return offsets.subarray(0, n + 1);
}

/** Source range of folded units [from, to): from the first unit's code point to the end of the last's. */
export function sourceRange(
  text: string,
  offsets: ArrayLike<number>,
  from: number,
  to: number,
): { start: number; end: number } {
  const start = offsets[from] as number;
  if (to <= from) return { start, end: start };
  const last = offsets[to - 1] as number;
  return { start, end: last + ((text.codePointAt(last) as number) > 0xffff ? 2 : 1) };
}

/**
 * `fold(text.slice(start, end))` as units in a reused buffer, for a reader
 * that only compares it: no string is made, and a line with many changed
 * units (the spaces and pipes of a Markdown table row) costs no more than
 * one without. The result stays valid until the next call.
 */
export interface FoldedUnits {
  units: Uint16Array;
  length: number;
}

const foldedUnits: FoldedUnits = { units: new Uint16Array(256), length: 0 };

/** The reused buffer's most units: a longer span (a flattened report) gets a buffer of its own. */
const KEPT_UNITS = 1 << 16;

/** A buffer of at least `size` units: the reused one, grown up to KEPT_UNITS, or a new one. */
function unitsFor(size: number): FoldedUnits {
  if (size > KEPT_UNITS) return { units: new Uint16Array(size), length: 0 };
  if (size > foldedUnits.units.length) {
    foldedUnits.units = new Uint16Array(
      Math.min(KEPT_UNITS, Math.max(size, foldedUnits.units.length * 2)),
    );
  }
  return foldedUnits;
}

export function foldUnits(text: string, start: number, end: number): FoldedUnits {
  const out = unitsFor(end - start);
  const units = out.units;
  let n = 0;
  for (let i = start; i < end; i++) {
    const v = foldUnit(text.charCodeAt(i));
    if (v >= 0) units[n++] = v;
    else if (v === COMPLEX) return complexUnits(foldSliceComplex(text, start, end));
  }
  out.length = n;
  return out;
}

/** A fold with units that fold to several (rare): made as a string, then copied. */
function complexUnits(folded: string): FoldedUnits {
  const out = unitsFor(folded.length);
  for (let i = 0; i < folded.length; i++) out.units[i] = folded.charCodeAt(i);
  out.length = folded.length;
  return out;
}

/** Whether `units[at, at + s.length)` are the units of `s` (the caller checks there are enough). */
export function unitsEqual(units: Uint16Array, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (units[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** The first `n` units as a string. */
export function unitsString(units: Uint16Array, n: number): string {
  return unitsToString(units, n, true);
}
