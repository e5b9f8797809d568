/**
 * Fast label folding with offsets. `foldLabel` from @govlint/text folds one
 * code point at a time (NFKC, one quote class, whitespace and decoration
 * deleted); this module gives the same result through a per-code-unit table
 * filled on first use, so a 10 MB report folds in linear time without one
 * `normalize` call per character. Positions always come back through
 * `offsets`.
 */
import { foldLabel } from '@govlint/text';

const UNKNOWN = 0x10000;
const DELETED = 0x10001;
/** Folds to several units, or is a surrogate: handled by code point, cached. */
const COMPLEX = 0x10002;

/** For each BMP code unit: its one-unit fold, DELETED, COMPLEX, or UNKNOWN. */
const table = new Uint32Array(0x10000).fill(UNKNOWN);
for (let c = 0x4e00; c <= 0x9fff; c++) table[c] = c; // CJK ideographs fold to themselves
for (let c = 0xd800; c <= 0xdfff; c++) table[c] = COMPLEX;
const complex = new Map<number, string>();

function classify(c: number): number {
  const f = foldLabel(String.fromCharCode(c));
  const v = f.length === 0 ? DELETED : f.length === 1 ? f.charCodeAt(0) : COMPLEX;
  table[c] = v;
  if (v === COMPLEX) complex.set(c, f);
  return v;
}

/** The folded code unit of a BMP code unit; -1 when folding deletes it, -2 when it is not one unit. */
export function foldUnit(c: number): number {
  let v = table[c] as number;
  if (v === UNKNOWN) v = classify(c);
  return v === DELETED ? -1 : v === COMPLEX ? -2 : v;
}

/** The folded form of one code point, exactly as `foldLabel` folds it. */
export function foldCodePoint(cp: number): string {
  if (cp < 0x10000) {
    let v = table[cp] as number;
    if (v === UNKNOWN) v = classify(cp);
    if (v === DELETED) return '';
    if (v !== COMPLEX) return String.fromCharCode(v);
  }
  let f = complex.get(cp);
  if (f === undefined) {
    f = foldLabel(String.fromCodePoint(cp));
    complex.set(cp, f);
  }
  return f;
}

export interface Folded {
  readonly folded: string;
  /** Source offset of each folded unit, plus one entry for the end. */
  readonly offsets: Int32Array;
}

const CHUNK = 8192;

function unitsToString(units: Uint16Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[],
    );
  }
  return out;
}

/** Fold `text[start, end)`, keeping for each folded unit its source offset. */
export function foldRange(text: string, start: number, end: number): Folded {
  let units = new Uint16Array(end - start + 8);
  let offsets = new Int32Array(end - start + 9);
  let n = 0;
  const grow = (need: number) => {
    if (n + need < units.length) return;
    const size = (units.length + need) * 2;
    const u = new Uint16Array(size);
    u.set(units);
    units = u;
    const o = new Int32Array(size + 1);
    o.set(offsets);
    offsets = o;
  };
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let v = table[c] as number;
    if (v === UNKNOWN) v = classify(c);
    if (v === DELETED) continue;
    if (v !== COMPLEX) {
      if (n + 1 >= units.length) grow(1);
      units[n] = v;
      offsets[n++] = i;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const f = foldCodePoint(cp);
    grow(f.length + 1);
    for (let k = 0; k < f.length; k++) {
      units[n] = f.charCodeAt(k);
      offsets[n++] = i;
    }
    if (cp > 0xffff) i++;
  }
  offsets[n] = end;
  return { folded: unitsToString(units, n), offsets: offsets.subarray(0, n + 1) };
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
 * `fold(text.slice(start, end))`. The folded units are written to a scratch
 * buffer and made a string once: appending them one by one would build a
 * chain of string pieces that every later read must flatten.
 */
export function foldSlice(text: string, start: number, end: number): string {
  // Most labels fold to themselves (ideographs only): no new string then.
  let same = start;
  while (same < end && table[text.charCodeAt(same)] === text.charCodeAt(same)) same++;
  if (same === end) return start === 0 && end === text.length ? text : text.slice(start, end);
  let n = 0;
  let units = reserve(0, end - start);
  for (let i = start; i < same; i++) units[n++] = text.charCodeAt(i);
  for (let i = same; i < end; i++) {
    const c = text.charCodeAt(i);
    let v = table[c] as number;
    if (v === UNKNOWN) v = classify(c);
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
  return unitsToString(units, n);
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
    let v = table[c] as number;
    if (v === UNKNOWN) v = classify(c);
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
  { offsets }: { readonly offsets: Int32Array },
  from: number,
  to: number,
): { start: number; end: number } {
  const start = offsets[from] as number;
  if (to <= from) return { start, end: start };
  const last = offsets[to - 1] as number;
  return { start, end: last + ((text.codePointAt(last) as number) > 0xffff ? 2 : 1) };
}
