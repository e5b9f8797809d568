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
  for (const p of ctx.model.paragraphs) {
    if (done.has(p.section)) continue;
    // The paragraph alone (a slice shares the text's characters): a search
    // over the whole text would run on through the tables after it.
    const body = text.slice(p.range.start, p.range.end);
    HALF_WIDTH.lastIndex = 0;
    while (HALF_WIDTH.test(body)) {
      const i = p.range.start + HALF_WIDTH.lastIndex - 1;
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

/** The nearest non-space character on one side. */
function neighbour(text: string, i: number, step: 1 | -1): number {
  let k = i + step;
  while (k >= 0 && k < text.length && text.charCodeAt(k) === 32) k += step;
  return text.charCodeAt(k);
}
