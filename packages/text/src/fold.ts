/**
 * Folding for label matching only. Reports come with full-width and
 * half-width forms mixed, stray spaces inside labels (`会 公 益 组 织`), and
 * Markdown or pipe decoration; the template's labels are compared after
 * folding both sides. Positions are never taken from folded text: use the
 * offset map to get back to the source.
 */

/** Characters deleted by folding: whitespace of every width, and decoration. */
const DELETED = /[\s\u00a0\u3000\u200b\ufeff·•|*#]/u;

const QUOTES = /["“”„‟＂「」『』]/u;

/** One code point folded the slow way: NFKC, quotes to one class, deleted chars to ''. */
function foldCodePointSlow(cp: string): string {
  if (DELETED.test(cp)) return '';
  let s = cp.normalize('NFKC');
  if (QUOTES.test(s)) s = '"';
  // NFKC maps U+3000 and friends to spaces: drop whatever became blank.
  return s.replace(/\s+/gu, '');
}

/**
 * Folding runs over every character of every report, so it is table-driven:
 * what each UTF-16 unit folds to is worked out the slow way the first time
 * it is seen and remembered (a report uses a few hundred distinct characters
 * at most). Most units fold to one unit or to nothing; the rest (surrogate
 * pairs, folds to several units) take the slow path every time.
 */
const UNKNOWN = -3;
const COMPLEX = -2;
const GONE = -1;
const table = new Int32Array(0x10000).fill(UNKNOWN);
/**
 * One bit per unit that folding leaves as it is (most of a report: the Han
 * characters, digits, most punctuation), learnt with the table. Looked up
 * first: 8 KB stay in the cache while a lint's other work runs, where the
 * table's 256 KB would not.
 */
const unchanged = new Int32Array(0x10000 >>> 5);

/** What a unit folds to: a unit, GONE (deleted) or COMPLEX (see foldSlowAt). */
function learn(unit: number): number {
  let folded: number;
  if (unit >= 0xd800 && unit <= 0xdfff) folded = COMPLEX;
  else {
    const f = foldCodePointSlow(String.fromCharCode(unit));
    folded = f.length === 0 ? GONE : f.length === 1 ? f.charCodeAt(0) : COMPLEX;
  }
  table[unit] = folded;
  if (folded === unit) unchanged[unit >>> 5]! |= 1 << (unit & 31);
  return folded;
}

const complexCache = new Map<number, string>();

/** The fold of the code point at `at` (a surrogate pair, or a unit that folds to several). */
function foldSlowAt(text: string, at: number, end: number): { folded: string; width: number } {
  let code = text.codePointAt(at) as number;
  // A span that cuts a surrogate pair keeps its half: never read past the end.
  if (code > 0xffff && at + 1 >= end) code = text.charCodeAt(at);
  const width = code > 0xffff ? 2 : 1;
  let folded = complexCache.get(code);
  if (folded === undefined) {
    folded = foldCodePointSlow(text.slice(at, at + width));
    complexCache.set(code, folded);
  }
  return { folded, width };
}

/**
 * What one UTF-16 unit folds to: a unit, -1 when folding deletes it, or -2
 * when it is not one unit (a surrogate, or a fold to several units: ask
 * foldCodePoint). For readers with folding loops of their own.
 */
export function foldUnit(unit: number): number {
  if ((unchanged[unit >>> 5]! & (1 << (unit & 31))) !== 0) return unit;
  const f = table[unit]!;
  return f === UNKNOWN ? learn(unit) : f;
}

/** The fold of one code point, as foldLabel folds it. */
export function foldCodePoint(cp: number): string {
  if (cp <= 0xffff) {
    const f = foldUnit(cp);
    if (f >= 0) return String.fromCharCode(f);
    if (f === GONE) return '';
  }
  let folded = complexCache.get(cp);
  if (folded === undefined) {
    folded = foldCodePointSlow(String.fromCodePoint(cp));
    complexCache.set(cp, folded);
  }
  return folded;
}

/** Fold a label for comparison: `（一）` and `(一) ` fold alike, full-width or not. */
export function foldLabel(text: string): string {
  // Labels are short and mostly unchanged: copy runs of unchanged units as slices.
  let out = '';
  let run = 0; // where the current run of unchanged units began
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i);
    const f = foldUnit(unit);
    if (f === unit) {
      i++;
      continue;
    }
    if (i > run) out += text.slice(run, i);
    if (f >= 0) {
      out += String.fromCharCode(f);
      i++;
    } else if (f === GONE) i++;
    else {
      const { folded, width } = foldSlowAt(text, i, text.length);
      out += folded;
      i += width;
    }
    run = i;
  }
  return run === 0 ? text : out + text.slice(run);
}

export interface FoldedText {
  /** The folded text. */
  readonly folded: string;
  /**
   * For each UTF-16 unit of `folded`, the offset in the source of the code
   * point it came from; one extra entry maps the end.
   */
  readonly sourceOffsets: Int32Array;
}

/**
 * The buffers a text is folded into, kept from one call to the next: a
 * typed array of more than a few units lives outside the heap, and making
 * two per call cost more than filling them. Every folding loop (this
 * module's and the literal index's, which folds and searches in one pass)
 * takes them here and copies its result out (`foldedFrom`), so one call's
 * result never shares them with the next; a very long text's are not kept.
 */
export interface FoldBuffers {
  units: Uint16Array;
  offsets: Int32Array;
}

const scratch: FoldBuffers = { units: new Uint16Array(0), offsets: new Int32Array(0) };
const KEPT = 1 << 20;

/** The kept buffers, with room for folding `length` source units (folding seldom lengthens a text). */
export function foldBuffers(length: number): FoldBuffers {
  if (scratch.units.length < length + 1) {
    scratch.units = new Uint16Array(length + 1);
    scratch.offsets = new Int32Array(length + 2);
  }
  return scratch;
}

/** Grow the buffers if `n` folded units plus `more` may not fit (a unit that folds to several). */
export function makeRoom(buffers: FoldBuffers, n: number, more: number): void {
  if (n + more < buffers.units.length) return;
  const size = 2 * buffers.units.length + more + 1;
  const units = new Uint16Array(size);
  const offsets = new Int32Array(size + 1);
  units.set(buffers.units);
  offsets.set(buffers.offsets);
  buffers.units = units;
  buffers.offsets = offsets;
}

/** The first `n` folded units and their offsets (`end` maps the end), copied out of the buffers. */
export function foldedFrom(
  buffers: FoldBuffers,
  n: number,
  end: number,
  surrogates: boolean,
): FoldedText {
  buffers.offsets[n] = end;
  const folded = unitsToString(buffers.units, n, surrogates);
  const sourceOffsets = buffers.offsets.slice(0, n + 1);
  if (buffers.units.length > KEPT) {
    buffers.units = new Uint16Array(0);
    buffers.offsets = new Int32Array(0);
  }
  return { folded, sourceOffsets };
}

/** Fold a span of source text and keep where each folded unit came from. */
export function foldWithOffsets(text: string, start = 0, end = text.length): FoldedText {
  const buffers = foldBuffers(end - start);
  let { units, offsets } = buffers;
  let n = 0;
  let surrogates = false;
  for (let i = start; i < end;) {
    const unit = text.charCodeAt(i);
    const f = foldUnit(unit);
    if (f >= 0) {
      units[n] = f;
      offsets[n++] = i++;
      continue;
    }
    if (f === GONE) {
      i++;
      continue;
    }
    const { folded, width } = foldSlowAt(text, i, end);
    if (unit >= 0xd800 && unit <= 0xdfff) surrogates = true;
    makeRoom(buffers, n, folded.length + (end - i));
    ({ units, offsets } = buffers);
    for (let k = 0; k < folded.length; k++) {
      units[n] = folded.charCodeAt(k);
      offsets[n++] = i;
    }
    i += width;
  }
  return foldedFrom(buffers, n, end, surrogates);
}

// The platform's own byte order, as a Uint16Array's bytes are laid out; a
// leading U+FEFF is text here, not a byte-order mark.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = new TextDecoder(LITTLE_ENDIAN ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });

/**
 * The string of the first n units (`surrogates`: whether any of them may be
 * one), for readers that fold into units of their own. TextDecoder is
 * several times faster than String.fromCharCode, but it would replace a lone
 * surrogate: with any surrogate about, the units go through fromCharCode, a
 * chunk at a time (apply has an argument limit).
 */
export function unitsToString(units: Uint16Array, n: number, surrogates: boolean): string {
  if (!surrogates) return utf16.decode(units.subarray(0, n));
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let at = 0; at < n; at += CHUNK) {
    const chunk = units.subarray(at, Math.min(n, at + CHUNK));
    parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return parts.join('');
}

/** Levenshtein distance, bounded: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}
