/**
 * Paragraphs and sentences of the narrative: the text outside tables,
 * headings, the title and the metadata header. A line cut by a page break
 * (`…及时公开⏎⏎等信息`) continues its paragraph, so sentences are
 * whole for the narrative rules.
 */
import type { Range } from '@govlint/text';
import { type Lines, lineOf, trimEnd, trimStart } from './lines.js';
import type { Paragraph } from './model.js';

/** 。！？；!?; — a table, as every character of the narrative is looked at. */
const SENTENCE_END = new Uint8Array(0x10000);
for (const c of [0x3002, 0xff01, 0xff1f, 0xff1b, 33, 63, 59]) SENTENCE_END[c] = 1;
const isSentenceEnd = (c: number): boolean => SENTENCE_END[c] === 1;
/** 。！？；!?;：: ending a line: the clause is complete. */
const endsClause = (c: number): boolean => isSentenceEnd(c) || c === 0xff1a || c === 58;
const STARTS_NUMBERED =
  /^[\s#*>]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、]|[一二三四五六七八九十]是)/u;
/** A line this long that stops mid-clause was cut by a page break. */
const PROSE_LINE = 20;
const HAS_SENTENCE_END = /[。！？；!?;]/u;
const HEADING_LIKE =
  /^\s*(?:#|\*\*|[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+[、.．]|[0-9]+[.．、])/u;
const MAX_GAP_LINES = 3;

export function findParagraphs(
  text: string,
  lines: Lines,
  excluded: readonly Range[],
  sectionAt: (offset: number) => string | null,
): Paragraph[] {
  const spans = narrativeSpans(text.length, excluded);
  const paragraphs: Paragraph[] = [];
  // The paragraph being built, as numbers (no object per line): `line` is its last line.
  let start = -1;
  let end = 0;
  let line = 0;
  for (const span of spans) {
    let n = lineOf(lines, span.start);
    for (; n < lines.starts.length && (lines.starts[n] as number) < span.end; n++) {
      const from = Math.max(span.start, lines.starts[n] as number);
      const to = Math.min(span.end, lines.ends[n] as number);
      const s = trimStart(text, from, to);
      const e = trimEnd(text, s, to);
      if (s >= e) continue;
      if (start < 0 || !continues(text, lines, start, end, line, s, e, n)) {
        if (start >= 0) paragraphs.push(paragraph(text, start, end, sectionAt));
        start = s;
      }
      end = e;
      line = n;
    }
  }
  if (start >= 0) paragraphs.push(paragraph(text, start, end, sectionAt));
  return paragraphs;
}

/** The paragraph `[start, end)` (last line `line`) goes on with the trimmed line `[nextStart, nextEnd)`. */
function continues(
  text: string,
  lines: Lines,
  start: number,
  end: number,
  line: number,
  nextStart: number,
  nextEnd: number,
  nextLine: number,
): boolean {
  const tailStart = Math.max(start, lines.starts[line] as number);
  // Checked on the code units first: most lines are short or end a clause.
  if (end - tailStart < PROSE_LINE || endsClause(text.charCodeAt(end - 1))) return false;
  const tail = text.slice(tailStart, end);
  // A sub-heading (`##### (一) …`, `(二) …` with no sentence in it) is not cut prose.
  if (HEADING_LIKE.test(tail) && !HAS_SENTENCE_END.test(tail)) return false;
  if (nextLine - line > MAX_GAP_LINES) return false;
  return !STARTS_NUMBERED.test(text.slice(nextStart, Math.min(nextEnd, nextStart + 12)));
}

/**
 * 。！？；!?; found by the native regex search, a few times faster than a
 * loop by code unit. It runs on the paragraph alone (a slice shares the
 * text's characters): a search over the text would run on through the
 * tables after a paragraph's last sentence.
 */
const SENTENCE_END_RE = /[。！？；!?;]/g;

function paragraph(
  text: string,
  start: number,
  end: number,
  sectionAt: (offset: number) => string | null,
): Paragraph {
  const sentences: Range[] = [];
  const body = text.slice(start, end);
  let from = start;
  SENTENCE_END_RE.lastIndex = 0;
  // `test` builds no match; every mark is one code unit, just before lastIndex.
  while (SENTENCE_END_RE.test(body)) {
    const next = start + SENTENCE_END_RE.lastIndex;
    pushTrimmed(text, sentences, from, next);
    from = next;
  }
  pushTrimmed(text, sentences, from, end);
  return { range: { start, end }, section: sectionAt(start), sentences };
}

function pushTrimmed(text: string, out: Range[], start: number, end: number): void {
  const s = trimStart(text, start, end);
  const e = trimEnd(text, s, end);
  if (s < e) out.push({ start: s, end: e });
}

/** [0, length) without the excluded ranges. */
function narrativeSpans(length: number, excluded: readonly Range[]): Range[] {
  const sorted = [...excluded].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  let at = 0;
  for (const r of sorted) {
    if (r.start > at) out.push({ start: at, end: r.start });
    at = Math.max(at, r.end);
  }
  if (at < length) out.push({ start: at, end: length });
  return out;
}
