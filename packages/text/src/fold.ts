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
 * Folding runs over every character of every report, so the common cases
 * are answered without normalising: CJK ideographs and plain ASCII letters,
 * digits and punctuation fold to themselves; everything else is folded once
 * and cached (a report uses a few hundred distinct characters at most).
 */
const foldCache = new Map<number, string>();

function foldCode(code: number, text: string, at: number, width: number): string {
  if (code >= 0x4e00 && code <= 0x9fff) return text[at] as string;
  if (
    code > 0x20 &&
    code < 0x7f &&
    code !== 0x7c /* | */ &&
    code !== 0x2a /* * */ &&
    code !== 0x23 /* # */
  ) {
    return text[at] as string;
  }
  let folded = foldCache.get(code);
  if (folded === undefined) {
    folded = foldCodePointSlow(text.slice(at, at + width));
    foldCache.set(code, folded);
  }
  return folded;
}

/** Fold a label for comparison: `（一）` and `(一) ` fold alike, full-width or not. */
export function foldLabel(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    out += foldCode(code, text, i, width);
    i += width;
  }
  return out;
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

/** Fold a span of source text and keep where each folded unit came from. */
export function foldWithOffsets(text: string, start = 0, end = text.length): FoldedText {
  let offsets = new Int32Array(end - start + 1);
  let n = 0;
  let folded = '';
  let i = start;
  while (i < end) {
    const code = text.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const f = foldCode(code, text, i, width);
    if (n + f.length >= offsets.length) {
      const grown = new Int32Array(offsets.length * 2 + f.length);
      grown.set(offsets);
      offsets = grown;
    }
    for (let k = 0; k < f.length; k++) offsets[n++] = i;
    folded += f;
    i += width;
  }
  offsets[n] = end;
  return { folded, sourceOffsets: offsets.slice(0, n + 1) };
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
