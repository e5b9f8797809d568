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

/** One code point folded: NFKC, then quotes to one class, deleted chars to ''. */
function foldCodePoint(cp: string): string {
  if (DELETED.test(cp)) return '';
  let s = cp.normalize('NFKC');
  if (QUOTES.test(s)) s = '"';
  // NFKC maps U+3000 and friends to spaces: drop whatever became blank.
  return s.replace(/\s+/gu, '');
}

/** Fold a label for comparison: `（一）予以公开` and `(一) 予以公开` fold alike. */
export function foldLabel(text: string): string {
  let out = '';
  for (const cp of text) out += foldCodePoint(cp);
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
  const parts: string[] = [];
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const code = text.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const folded = foldCodePoint(text.slice(i, i + width));
    for (let k = 0; k < folded.length; k++) offsets.push(i);
    if (folded) parts.push(folded);
    i += width;
  }
  offsets.push(end);
  return { folded: parts.join(''), sourceOffsets: Int32Array.from(offsets) };
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
