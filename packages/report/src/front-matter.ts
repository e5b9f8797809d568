/**
 * What surrounds the six sections: a crawler's metadata header
 * (`标题: …`, `发布时间: …`), the title (often split over two lines or two
 * Markdown headings), the agency, the report year, and dates (signature
 * block, metadata, body).
 */
import type { Range } from '@govlint/text';
import { type Lines, isBlank, lineOf, trimEnd, trimStart, trimmed } from './lines.js';
import type { ReportModel } from './model.js';

export interface Metadata {
  /** Lines [0, endLine) are the metadata header. */
  readonly endLine: number;
  readonly title: { text: string; range: Range } | null;
  readonly dates: { value: string; range: Range }[];
}

const META_LINE = /^\s*([^\s:：]{1,12})\s*[:：]\s*(.*?)\s*$/u;
const SEPARATOR = /^\s*[=\-_*]{5,}.*$/u;
const TITLE_KEY = /标题|题目|title/iu;
const DATE_KEY = /时间|日期|date/iu;
const ISO_DATE = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/u;

export function readMetadata(text: string, lines: Lines): Metadata {
  let n = 0;
  let title: Metadata['title'] = null;
  const dates: Metadata['dates'] = [];
  const max = Math.min(lines.starts.length, 30);
  while (n < max) {
    const start = lines.starts[n] as number;
    const end = lines.ends[n] as number;
    const line = text.slice(start, end);
    const m = META_LINE.exec(line);
    if (!m || line.length > 300) break;
    const key = m[1] as string;
    const value = m[2] as string;
    const at = start + line.indexOf(value, line.indexOf(key) + key.length);
    if (TITLE_KEY.test(key) && value)
      title = { text: value, range: { start: at, end: at + value.length } };
    const d = DATE_KEY.test(key) ? ISO_DATE.exec(value) : null;
    if (d) {
      const iso = isoDate(d[1] as string, d[2] as string, d[3] as string);
      if (iso)
        dates.push({ value: iso, range: { start: at + d.index, end: at + d.index + d[0].length } });
    }
    n++;
  }
  if (n < 2) return { endLine: 0, title: null, dates: [] };
  // The header may end with a separator line (`==== 正文 ====`), after a note or two.
  for (let k = n; k < Math.min(n + 3, lines.starts.length); k++) {
    if (SEPARATOR.test(text.slice(lines.starts[k], lines.ends[k]))) {
      n = k + 1;
      break;
    }
  }
  return { endLine: n, title, dates };
}

export function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const TITLE_MAX = 80;
const YEAR = /([0-9０-９]{4})\s*年/u;
const PROSE_END = /[。！？；!?;]$/u;
/**
 * What a title line's decoration is made of: `/^[\s#*>|]+|[\s#*|]+$/u`
 * stripped, as a table by code unit (JavaScript's `\s` listed out; `>`
 * only at the start), so that no line before the first section is run
 * through a regex (a regex ending in `$` is tried at every position).
 */
const DECORATION = new Uint8Array(0x10000);
for (const c of '\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff#*|')
  DECORATION[c.charCodeAt(0)] = 1;
for (let c = 0x2000; c <= 0x200a; c++) DECORATION[c] = 1;
/** 。！？；!?; ending a line, by code unit. */
const ENDS_PROSE = new Uint8Array(0x10000);
for (const c of '。！？；!?;') ENDS_PROSE[c.charCodeAt(0)] = 1;

/** A line before the first section: trimmed `[start, end)`, without decoration `[from, to)`. */
interface TitleLine {
  readonly start: number;
  readonly end: number;
  readonly from: number;
  readonly to: number;
}

function titleLine(text: string, start: number, end: number): TitleLine {
  let from = start;
  for (let c = text.charCodeAt(from); from < end && (DECORATION[c] === 1 || c === 62);)
    c = text.charCodeAt(++from);
  let to = end;
  while (to > from && DECORATION[text.charCodeAt(to - 1)] === 1) to--;
  return { start, end, from, to };
}

/** Too long, ending a sentence or only decoration: no part of a title. */
function notTitlePart(text: string, l: TitleLine): boolean {
  const length = l.to - l.from;
  return length > TITLE_MAX || length === 0 || ENDS_PROSE[text.charCodeAt(l.to - 1)] === 1;
}

/**
 * The title: the last run of one to three short lines before the first
 * section that ends like a title (`…报告`) and names a year; a line that
 * starts with the year takes the short line before it (the agency, in
 * `# 石嘴山市商务局` / `## 2023 年政府信息公开工作年度报告`).
 */
export function findTitle(
  text: string,
  lines: Lines,
  fromLine: number,
  beforeOffset: number,
): { text: string; range: Range } | null {
  const candidates: TitleLine[] = [];
  for (
    let n = fromLine;
    n < lines.starts.length && (lines.starts[n] as number) < beforeOffset;
    n++
  ) {
    const lineEnd = Math.min(lines.ends[n] as number, beforeOffset);
    const s = trimStart(text, lines.starts[n] as number, lineEnd);
    const e = trimEnd(text, s, lineEnd);
    if (s === e) continue;
    candidates.push(titleLine(text, s, e));
  }
  const textOf = (l: TitleLine): string => text.slice(l.from, l.to);
  for (let i = candidates.length - 1; i >= 0; i--) {
    // Each longer span adds one line before the others, which passed already.
    for (let span = 1; span <= 3 && i - span + 1 >= 0; span++) {
      if (notTitlePart(text, candidates[i - span + 1] as TitleLine)) break;
      const parts = candidates.slice(i - span + 1, i + 1);
      const joined = parts.map(textOf).join('');
      if (!/报告[)）]?$/u.test(joined) || !YEAR.test(joined)) continue;
      let first = parts[0] as TitleLine;
      let title = joined;
      const before = candidates[i - span];
      const beforeText = before ? textOf(before) : '';
      if (
        joined.search(YEAR) === 0 &&
        before &&
        beforeText.length <= 30 &&
        !PROSE_END.test(beforeText) &&
        !YEAR.test(beforeText) &&
        !/[>›»/]/u.test(beforeText)
      ) {
        first = before;
        title = beforeText + joined;
      }
      return {
        text: title,
        range: { start: first.start, end: (parts.at(-1) as TitleLine).end },
      };
    }
  }
  return null;
}

/** The agency: the title before its year. */
export function agencyOf(title: string): string | null {
  const at = title.search(YEAR);
  const agency = (at > 0 ? title.slice(0, at) : '').replace(/\s+/gu, '').trim();
  return agency.length >= 2 ? agency : null;
}

type Year = NonNullable<ReportModel['year']>;

/** The report year: title, then the statistical period, then the most frequent year in the overview. */
export function findYear(
  text: string,
  title: { text: string; range: Range } | null,
  overview: Range | null,
): Year | null {
  if (title) {
    const m = YEAR.exec(title.text);
    const at = m ? text.indexOf(m[1] as string, title.range.start) : -1;
    if (m && at >= 0 && at < title.range.end + 40) {
      return {
        value: toNumber(m[1] as string),
        range: { start: at, end: at + 4 },
        source: 'title',
      };
    }
    if (m) return { value: toNumber(m[1] as string), range: title.range, source: 'title' };
  }
  const head = text.length > 2_000_000 ? text.slice(0, 2_000_000) : text;
  const period = endsPeriod(head) ? PERIOD.exec(head) : null;
  if (period) {
    return {
      value: toNumber(period[1] as string),
      range: { start: period.index, end: period.index + 4 },
      source: 'period',
    };
  }
  if (overview) {
    const counts = new Map<string, { n: number; at: number }>();
    const body = text.slice(overview.start, Math.min(overview.end, overview.start + 200_000));
    for (const m of body.matchAll(/([0-9０-９]{4})\s*年/gu)) {
      const c = counts.get(m[1] as string) ?? { n: 0, at: overview.start + (m.index ?? 0) };
      c.n++;
      counts.set(m[1] as string, c);
    }
    let best: [string, { n: number; at: number }] | undefined;
    for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
    if (best)
      return {
        value: toNumber(best[0]),
        range: { start: best[1].at, end: best[1].at + 4 },
        source: 'body',
      };
  }
  return null;
}

/** A calendar-year period: `2023年1月1日至12月31日`, `2022年1月1日至2022年12月31日`. */
const PERIOD =
  /([0-9０-９]{4})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起\s*)?(?:至|到|—|–|-|~|～)\s*(?:[0-9０-９]{4}\s*年\s*)?12\s*月\s*31\s*日/u;

/**
 * The text holds `31日` (blanks allowed between), as every period ends: the
 * regex, which starts with a digit class and is tried at every position of
 * the text, runs only then. Searched from each 日 (a native search).
 */
function endsPeriod(text: string): boolean {
  for (let i = text.indexOf('日'); i >= 0; i = text.indexOf('日', i + 1)) {
    let q = i - 1;
    while (q >= 0 && isSpace(text.charCodeAt(q))) q--;
    if (q >= 1 && text.charCodeAt(q) === 49 && text.charCodeAt(q - 1) === 51) return true;
  }
  return false;
}

/** JavaScript's `\s`, by code unit (the decoration table less `#`, `*` and `|`). */
const isSpace = (c: number): boolean => DECORATION[c] === 1 && c !== 35 && c !== 42 && c !== 124;

function toNumber(digits: string): number {
  // ASCII digits (most years) need no normalisation.
  for (let i = 0; i < digits.length; i++) {
    if (digits.charCodeAt(i) > 127) return Number(digits.normalize('NFKC'));
  }
  return Number(digits);
}

const DATE = /([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日/gu;

/** Dates standing alone on their line: at the end a signature date, elsewhere a body date. */
export function findDates(text: string, lines: Lines): ReportModel['dates'] {
  const out: ReportModel['dates'] = [];
  // Every 日, found by forward searches (lastIndexOf searches backward a few
  // times slower); `k` walks back with the lines to the last 日 before them.
  const days = dayOffsets(text);
  let k = days.length - 1;
  // The signature block: the last four lines with text, read one by one.
  let nonBlankAfter = 0;
  let n = lines.starts.length - 1;
  for (; n >= 0 && out.length < 100 && nonBlankAfter <= 4; n--) {
    const start = lines.starts[n] as number;
    const end = lines.ends[n] as number;
    if (isBlank(text, start, end)) continue;
    nonBlankAfter++;
    if (end - start > 40) continue;
    while (k >= 0 && (days[k] as number) >= end) k--;
    if (k < 0 || (days[k] as number) < start) continue;
    dateLine(text, start, end, nonBlankAfter <= 4 ? 'signature' : 'body', out);
  }
  // Above it only a line holding a 日 can hold a date: from one 日 to the line of the next.
  for (; n >= 0 && out.length < 100; n--) {
    while (k >= 0 && (days[k] as number) >= (lines.ends[n] as number)) k--;
    if (k < 0) break;
    n = lineOf(lines, days[k] as number);
    const start = lines.starts[n] as number;
    const end = lines.ends[n] as number;
    if (end - start <= 40) dateLine(text, start, end, 'body', out);
  }
  return out.reverse();
}

/** The date a short line holding a 日 is made of, if it is one (a few characters around it allowed). */
function dateLine(
  text: string,
  start: number,
  end: number,
  kind: 'signature' | 'body',
  out: ReportModel['dates'],
): void {
  const [s, e] = trimmed(text, start, end);
  DATE.lastIndex = 0;
  const m = DATE.exec(text.slice(s, e));
  if (!m || m[0].length < e - s - 2) return;
  const iso = isoDate(
    toNumber(m[1] as string).toString(),
    (m[2] as string).normalize('NFKC'),
    (m[3] as string).normalize('NFKC'),
  );
  if (!iso) return;
  out.push({ value: iso, range: { start: s + m.index, end: s + m.index + m[0].length }, kind });
}

function dayOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('日'); i >= 0; i = text.indexOf('日', i + 1)) out.push(i);
  return out;
}

/** The signature block's agency: the short line just before the signature date. */
export function signatureAgency(
  text: string,
  lines: Lines,
  dates: ReportModel['dates'],
): string | null {
  const signature = dates.find((d) => d.kind === 'signature');
  if (!signature) return null;
  // The line holding the date, by binary search (not a scan of every line from the top).
  const at = signature.range.start;
  let n = lineOf(lines, at);
  if (!((lines.starts[n] as number) <= at && at <= (lines.ends[n] as number))) n = -1;
  for (n--; n >= 0; n--) {
    const [s, e] = trimmed(text, lines.starts[n] as number, lines.ends[n] as number);
    if (s === e) continue;
    const line = text.slice(s, e);
    return line.length <= 30 && !PROSE_END.test(line) ? line : null;
  }
  return null;
}
