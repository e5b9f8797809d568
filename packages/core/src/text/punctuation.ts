/**
 * punctuation-halfwidth (a notice): ASCII ( ) : , ; < > between Chinese
 * characters, where the template and the 公文 style use full-width marks.
 * One notice per section (its first such mark): a report typed with
 * half-width punctuation would otherwise drown in them.
 */
import type { Diagnostic } from '@govlint/text';
import type { TextContext } from './context.js';

const RULE = 'punctuation-halfwidth';

const FULL_WIDTH: Readonly<Record<string, string>> = {
  '(': '（',
  ')': '）',
  ':': '：',
  ',': '，',
  ';': '；',
  '<': '〈',
  '>': '〉',
};

/** `test` builds no match: each mark is one code unit, just before lastIndex. */
const HALF_WIDTH = /[():,;<>]/g;

const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
/** Chinese text or full-width punctuation: what makes a neighbour “Chinese”. */
const isChinese = (c: number): boolean =>
  isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);

export function halfWidthPunctuation(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(RULE)) return [];
  const { text } = ctx;
  const out: Diagnostic[] = [];
  const done = new Set<string | null>();
  const marks = new MarkCursor(text);
  for (const p of ctx.model.paragraphs) {
    if (done.has(p.section)) continue;
    for (let i = marks.from(p.range.start); i < p.range.end; i = marks.from(i + 1)) {
      const found = text[i]!;
      const expected = FULL_WIDTH[found]!;
      const before = neighbour(text, i, -1);
      const after = neighbour(text, i, 1);
      // Opening marks need Chinese after them, closing marks before; others on either side.
      const chinese =
        found === '(' || found === '<'
          ? isChinese(after)
          : found === ')' || found === '>'
            ? isChinese(before)
            : isChinese(before) || isChinese(after);
      if (!chinese) continue;
      const d = ctx.report(RULE, { start: i, end: i + 1 }, { found, expected });
      if (d) out.push(d);
      done.add(p.section);
      break;
    }
  }
  return out;
}

/**
 * The next half-width mark at or after a position, by the native search
 * over the whole text: the last answer is kept, so paragraphs without a
 * mark before it cost no search, and the text is searched about once in
 * all (a paragraph-by-paragraph search stopped at every mark and started
 * again per paragraph). Sections already reported are not searched.
 */
export class MarkCursor {
  private searchedFrom = Infinity;
  /** The first mark at or after searchedFrom (Infinity: none). */
  private next = Infinity;

  constructor(private readonly text: string) {}

  from(position: number): number {
    if (position < this.searchedFrom || position > this.next) {
      HALF_WIDTH.lastIndex = position;
      this.searchedFrom = position;
      this.next = HALF_WIDTH.test(this.text) ? HALF_WIDTH.lastIndex - 1 : Infinity;
    }
    return this.next;
  }
}

/** The nearest non-space character on one side. */
function neighbour(text: string, i: number, step: 1 | -1): number {
  let k = i + step;
  while (k >= 0 && k < text.length && text.charCodeAt(k) === 32) k += step;
  return text.charCodeAt(k);
}
