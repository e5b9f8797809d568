/**
 * section-subheading-format: sub-headings inside a section. A numeral with
 * nothing after it (“一存在问题”, “二改进情况”) is a warning; full-width
 * “（一）” mixed with half-width “(六)” in one section is a notice. Only
 * short lines standing alone count as sub-headings, and a bare numeral must
 * recur in sequence (一…二…) before it is taken for one.
 */
import type { Paragraph } from '@govlint/report';
import type { Diagnostic, Range } from '@govlint/text';
import type { TextContext } from './context.js';

const RULE = 'section-subheading-format';
const NUMERALS = '一二三四五六七八九十';
/** A numeral run, then a Chinese character that is not the start of 一是, 一方面 … */
const BARE = /^([一二三四五六七八九十]{1,3})(?![是方些般直定步律体站批年])[\u4e00-\u9fff]/u;
const BRACKETED = /^([（(])([一二三四五六七八九十]{1,3})([）)])/u;
const MAX_HEADING = 20;
/** What BARE or BRACKETED can start with. */
const OPENERS = `${NUMERALS}（(`;

interface Heading {
  readonly text: string;
  readonly range: Range;
  readonly section: string | null;
}

export function subheadingFormat(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(RULE)) return [];
  const headings = ctx.model.paragraphs.map((p) => headingOf(ctx.text, p));
  const bySection = new Map<string | null, Heading[]>();
  for (const h of headings) {
    if (!h) continue;
    let list = bySection.get(h.section);
    if (!list) bySection.set(h.section, (list = []));
    list.push(h);
  }
  const out: Diagnostic[] = [];
  for (const list of bySection.values()) {
    out.push(...bareNumerals(ctx, list), ...mixedBrackets(ctx, list));
  }
  return out;
}

/** Whitespace and Markdown decoration (`#`, `*`, `>`) before a heading's text. */
export function isDecoration(c: number): boolean {
  if (c < 0x80) return c === 35 || c === 42 || c === 62 || c === 32 || (c >= 9 && c <= 13);
  if (c >= 0x4e00 && c <= 0x9fff) return false;
  return /\s/u.test(String.fromCharCode(c));
}

/** The first line of a paragraph, without Markdown decoration. */
function headingOf(text: string, p: Paragraph): Heading | null {
  const lineEnd = text.indexOf('\n', p.range.start);
  const end = lineEnd < 0 || lineEnd > p.range.end ? p.range.end : lineEnd;
  let start = p.range.start;
  while (start < end && isDecoration(text.charCodeAt(start))) start++;
  // Only a line starting with a numeral or a bracket can be a sub-heading.
  if (!OPENERS.includes(text[start] ?? '')) return null;
  const line = text.slice(start, end).replace(/[\s*]+$/u, '');
  return line
    ? { text: line, range: { start, end: start + line.length }, section: p.section }
    : null;
}

function bareNumerals(ctx: TextContext, headings: readonly Heading[]): Diagnostic[] {
  const bare = headings.filter(
    (h) => h.text.length <= MAX_HEADING && !/[。；;！？]/u.test(h.text) && BARE.test(h.text),
  );
  const numbers = bare.map((h) => numeral(BARE.exec(h.text)![1]!));
  // At least two, numbered in sequence: otherwise it is prose that starts with a numeral.
  if (!numbers.some((n, i) => i > 0 && n === numbers[i - 1]! + 1)) return [];
  const out: Diagnostic[] = [];
  for (const h of bare) {
    const n = BARE.exec(h.text)![1]!;
    const expected = `${n}、${h.text.slice(n.length)}`;
    const d = ctx.report(RULE, h.range, { found: h.text, expected });
    if (d) out.push(d);
  }
  return out;
}

function mixedBrackets(ctx: TextContext, headings: readonly Heading[]): Diagnostic[] {
  const numbered = headings.flatMap((h) => {
    const m = BRACKETED.exec(h.text);
    return m ? [{ h, full: m[1] === '（' && m[3] === '）', n: m[2]! }] : [];
  });
  const full = numbered.filter((x) => x.full).length;
  const half = numbered.length - full;
  if (full === 0 || half === 0) return [];
  // The less used style is the odd one out; on a tie, the half-width one.
  const odd = half <= full ? numbered.filter((x) => !x.full) : numbered.filter((x) => x.full);
  const out: Diagnostic[] = [];
  for (const { h, n, full: isFull } of odd) {
    const expected = isFull ? `(${n})` : `（${n}）`;
    const marker = BRACKETED.exec(h.text)![0];
    const range = { start: h.range.start, end: h.range.start + marker.length };
    const d = ctx.report(RULE, range, { found: marker, expected }, { severity: 'info' });
    if (d) out.push(d);
  }
  return out;
}

function numeral(text: string): number {
  if (text.length === 1) return NUMERALS.indexOf(text) + 1;
  // 十一 … 十九, 二十 …
  const [a, b, c] = [...text];
  if (a === '十') return 10 + (b ? NUMERALS.indexOf(b) + 1 : 0);
  return (NUMERALS.indexOf(a!) + 1) * 10 + (c ? NUMERALS.indexOf(c) + 1 : 0) * (b === '十' ? 1 : 0);
}
