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
import { isSpace } from '@govlint/text';

const RULE = 'section-subheading-format';
const NUMERALS = '一二三四五六七八九十';
/** A numeral run, then a Chinese character that is not the start of 一是, 一方面 … */
const BARE = /^([一二三四五六七八九十]{1,3})(?![是方些般直定步律体站批年])[\u4e00-\u9fff]/u;
/** （一） or (一), sticky: matched where a heading starts in the whole text. */
const BRACKETED_AT = /([（(])([一二三四五六七八九十]{1,3})([）)])/uy;
const MAX_HEADING = 20;
/** What BARE or BRACKETED_AT can start with, as code units. */
const OPENERS = [...`${NUMERALS}（(`].map((c) => c.charCodeAt(0));

/**
 * Whether a paragraph can start a sub-heading. Asked of every paragraph: a
 * loop over a dozen numbers stays in the cache, where a set's table is cold
 * by the time a lint gets here.
 */
function isOpener(c: number): boolean {
  for (let k = 0; k < OPENERS.length; k++) if (OPENERS[k] === c) return true;
  return false;
}

interface Heading {
  /** The line without decoration and trailing spaces. */
  readonly range: Range;
  readonly section: string | null;
}

export function subheadingFormat(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(RULE)) return [];
  const bySection = new Map<string | null, Heading[]>();
  for (const p of ctx.model.paragraphs) {
    const h = headingOf(ctx.text, p);
    if (!h) continue;
    let list = bySection.get(h.section);
    if (!list) bySection.set(h.section, (list = []));
    list.push(h);
  }
  const out: Diagnostic[] = [];
  for (const list of bySection.values()) {
    for (const d of bareNumerals(ctx, list)) out.push(d);
    for (const d of mixedBrackets(ctx, list)) out.push(d);
  }
  return out;
}

/** Whitespace and Markdown decoration (`#`, `*`, `>`) before a heading's text. */
export function isDecoration(c: number): boolean {
  if (c < 0x80) return c === 35 || c === 42 || c === 62 || c === 32 || (c >= 9 && c <= 13);
  return isSpace(c);
}

/**
 * Where `text.slice(start, end).replace(/[\s*]+$/u, '')` ends, found by a
 * backward scan: the regular expression tries every position of the line,
 * and a paragraph's first line is often long.
 */
export function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isTrailing(text.charCodeAt(end - 1))) end--;
  return end;
}

function isTrailing(c: number): boolean {
  if (c < 0x80) return c === 42 || c === 32 || (c >= 9 && c <= 13);
  return isSpace(c);
}

/**
 * The first line of a paragraph, without Markdown decoration (its text
 * sliced only when needed). Its first character is looked at before its
 * end is searched: most paragraphs start with a word, not a numeral.
 */
export function headingOf(text: string, p: Paragraph): Heading | null {
  let start = p.range.start;
  // Decoration stops at the first line's end (a newline is decoration too).
  while (
    start < p.range.end &&
    text.charCodeAt(start) !== 10 &&
    isDecoration(text.charCodeAt(start))
  ) {
    start++;
  }
  // Only a line starting with a numeral or a bracket can be a sub-heading.
  if (start >= p.range.end || !isOpener(text.charCodeAt(start))) return null;
  const lineEnd = text.indexOf('\n', start);
  const end = trimmedEnd(text, start, lineEnd < 0 || lineEnd > p.range.end ? p.range.end : lineEnd);
  return end > start ? { range: { start, end }, section: p.section } : null;
}

function bareNumerals(ctx: TextContext, headings: readonly Heading[]): Diagnostic[] {
  const bare: { h: Heading; text: string; n: string }[] = [];
  for (const h of headings) {
    if (h.range.end - h.range.start > MAX_HEADING) continue;
    const text = ctx.text.slice(h.range.start, h.range.end);
    const m = /[。；;！？]/u.test(text) ? null : BARE.exec(text);
    if (m) bare.push({ h, text, n: m[1]! });
  }
  // At least two, numbered in sequence: otherwise it is prose that starts with a numeral.
  if (!bare.some((b, i) => i > 0 && numeral(b.n) === numeral(bare[i - 1]!.n) + 1)) return [];
  const out: Diagnostic[] = [];
  for (const { h, text, n } of bare) {
    const expected = `${n}、${text.slice(n.length)}`;
    const d = ctx.report(RULE, h.range, { found: text, expected });
    if (d) out.push(d);
  }
  return out;
}

/**
 * `/^([（(])([一…十]{1,3})([）)])/u` on the heading's text, matched in place
 * (sticky, no slice of the line): a match cannot run past the line's end,
 * since what follows the line is whitespace or `*`; the check keeps that certain.
 */
export function bracketAt(text: string, range: Range): RegExpExecArray | null {
  BRACKETED_AT.lastIndex = range.start;
  const m = BRACKETED_AT.exec(text);
  return m && m.index + m[0].length <= range.end ? m : null;
}

function mixedBrackets(ctx: TextContext, headings: readonly Heading[]): Diagnostic[] {
  const numbered: { h: Heading; full: boolean; n: string; marker: string }[] = [];
  let full = 0;
  for (const h of headings) {
    const m = bracketAt(ctx.text, h.range);
    if (!m) continue;
    const isFull = m[1] === '（' && m[3] === '）';
    if (isFull) full++;
    numbered.push({ h, full: isFull, n: m[2]!, marker: m[0] });
  }
  const half = numbered.length - full;
  if (full === 0 || half === 0) return [];
  // The less used style is the odd one out; on a tie, the half-width one.
  const oddIsFull = half > full;
  const out: Diagnostic[] = [];
  for (const { h, n, full: isFull, marker } of numbered) {
    if (isFull !== oddIsFull) continue;
    const expected = isFull ? `(${n})` : `（${n}）`;
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
