/**
 * Findings about the template's sections: missing, out of order or
 * renumbered, written in a variant wording, empty, and a second top-level
 * numbering sequence inside the report (sub-topics numbered `一、二、三、`).
 */
import type { CompiledTemplate, SectionDecl } from '@govlint/dsl';
import type { Range } from '@govlint/text';
import { type Findings, extend } from './findings.js';
import { fold, foldCodePoint, foldSlice } from './fold.js';
import { type Lines, lineOf } from './lines.js';
import { isTopLevelNumbering, ordinalOf, splitNumbering } from './numbering.js';
import type { FoundSection } from './sections.js';

/** The section's number as its heading writes it (`四` for `四、…`). */
function numberOf(decl: SectionDecl): string {
  let number = numbers.get(decl);
  if (number === undefined) {
    const { numbering } = splitNumbering(fold(decl.heading));
    number = numbering.replace(/[、.()]/gu, '') || String(decl.order + 1);
    numbers.set(decl, number);
  }
  return number;
}

/** Each section's number, worked out once per template. */
const numbers = new WeakMap<SectionDecl, string>();

export function sectionFindings(
  text: string,
  lines: Lines,
  template: CompiledTemplate,
  sections: readonly FoundSection[],
  tableRanges: readonly Range[],
  findings: Findings,
): void {
  missingSections(text, template, sections, findings);
  let highest: FoundSection | null = null;
  for (const s of sections) {
    if (s.renumbered || (highest && s.decl.order < highest.decl.order) || s.match !== 'exact')
      headingFinding(text, s, highest, findings);
    if (!highest || s.decl.order > highest.decl.order) highest = s;
  }
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i] as FoundSection;
    if (hasTable(template, s.decl.id)) continue;
    const end = sections[i + 1]?.start ?? text.length;
    if (!hasContent(text, s.end, end)) {
      findings.add('section-empty', s, `“${s.decl.heading}”部分没有内容`, {
        section: s.decl.id,
        heading: s.decl.heading,
      });
    }
  }
  numberingDuplicate(text, lines, sections, tableRanges, findings);
}

/** The found section of a declaration (a loop: a report has six at most). */
function foundOf(sections: readonly FoundSection[], decl: SectionDecl): FoundSection | undefined {
  for (const s of sections) if (s.decl === decl) return s;
  return undefined;
}

function hasTable(template: CompiledTemplate, section: string): boolean {
  for (const t of template.tables) if (t.section === section) return true;
  return false;
}

/** A missing section is reported where the next section found starts, else at the end. */
function missingSections(
  text: string,
  template: CompiledTemplate,
  sections: readonly FoundSection[],
  findings: Findings,
): void {
  const decls = template.sections;
  for (let i = 0; i < decls.length; i++) {
    const decl = decls[i] as SectionDecl;
    if (foundOf(sections, decl)) continue;
    let next: FoundSection | undefined;
    for (let j = i + 1; j < decls.length && !next; j++)
      next = foundOf(sections, decls[j] as SectionDecl);
    const at = next ? next.start : text.length;
    const number = numberOf(decl);
    findings.add(
      'section-missing',
      { start: at, end: at },
      `缺少第${number}部分“${decl.heading}”`,
      {
        section: decl.id,
        number,
        heading: decl.heading,
      },
    );
  }
}

/** A heading renumbered, out of order or in a variant wording (the first that applies). */
function headingFinding(
  text: string,
  s: FoundSection,
  highest: FoundSection | null,
  findings: Findings,
): void {
  const written = text.slice(s.start, s.end).trim();
  const data = {
    section: s.decl.id,
    found: written,
    heading: s.decl.heading,
    expected: numberOf(s.decl),
  };
  if (s.renumbered) {
    findings.add(
      'section-order',
      s,
      `“${written}”的编号错位：“${s.decl.heading}”应为第${data.expected}部分`,
      extend(data, { previous: highest?.decl.heading ?? '' }),
    );
  } else if (highest && s.decl.order < highest.decl.order) {
    findings.add(
      'section-order',
      s,
      `“${s.decl.heading}”的位置不对：应为第${data.expected}部分，却出现在“${highest.decl.heading}”之后`,
      extend(data, { previous: highest.decl.heading }),
    );
  } else {
    findings.add(
      'section-heading-variant',
      s,
      `标题“${written}”与格式规定的“${s.decl.heading}”不完全一致`,
      data,
    );
  }
}

/** Anything but blanks and decoration between two headings. */
function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end;) {
    const cp = text.codePointAt(i) as number;
    if (foldCodePoint(cp) !== '') return true;
    i += cp > 0xffff ? 2 : 1;
  }
  return false;
}

/** 一…十 by code unit: looked up for every line. */
const NUMERALS = new Uint8Array(0x10000);
for (const c of '一二三四五六七八九十') NUMERALS[c.charCodeAt(0)] = 1;

/** ` \t#*>` and the ideographic space (compared as code units: no string per character). */
const isDecoration = (c: number): boolean =>
  c === 32 || c === 9 || c === 35 || c === 42 || c === 62 || c === 0x3000;

/**
 * The line starts with `一、` (after decoration): numerals then `、`, `.` or
 * `．`, within eight code units (what `/^[一…十]+[、.．]/u` tested on
 * `text.slice(i, i + 8)` found), read by code unit as it runs on every line.
 */
function startsTopLevel(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isDecoration(text.charCodeAt(i))) i++;
  const limit = Math.min(i + 8, text.length);
  let j = i;
  while (j < limit && NUMERALS[text.charCodeAt(j)] === 1) j++;
  if (j === i || j >= limit) return false;
  const mark = text.charCodeAt(j);
  return mark === 0x3001 || mark === 46 || mark === 0xff0e;
}

const LEADING_MARKS = /^[#*>]+/u;
const SENTENCE_MARK = /[。；]/u;

interface SequenceStart {
  readonly range: Range;
  readonly section: number;
  readonly number: string;
}

/*
 * The line loop is kept small and the rare numbered line handled apart:
 * TurboFan compiles small functions quickly.
 */
function numberingDuplicate(
  text: string,
  lines: Lines,
  sections: readonly FoundSection[],
  tableRanges: readonly Range[],
  findings: Findings,
): void {
  const first = sections[0];
  if (!first) return;
  let sequenceStart: SequenceStart | null = null;
  for (let n = lineOf(lines, first.start); n < lines.starts.length; n++) {
    const start = lines.starts[n] as number;
    const end = lines.ends[n] as number;
    if (start < first.start) continue;
    // A table's lines are skipped at once (in a one-cell-per-line table they are most lines).
    const tableEnd = endOfRangeAt(tableRanges, start);
    if (tableEnd >= 0) {
      n = lineOf(lines, tableEnd - 1);
      continue;
    }
    if (end - start > 200 || !startsTopLevel(text, start, end)) continue;
    if (inHeading(sections, start)) continue;
    sequenceStart = topLevelLine(text, start, end, sections, sequenceStart, findings);
  }
}

/** The end of a range holding `o`, or -1: every line starting before it is in that range. */
function endOfRangeAt(ranges: readonly Range[], o: number): number {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i] as Range;
    if (r.start <= o && o < r.end) return r.end;
  }
  return -1;
}

function inHeading(sections: readonly FoundSection[], o: number): boolean {
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i] as FoundSection;
    if (s.start <= o && o < s.end + 1) return true;
  }
  return false;
}

/** A line numbered like a section (`一、…`): a `二、` after a `一、` in one section is a finding. */
function topLevelLine(
  text: string,
  start: number,
  end: number,
  sections: readonly FoundSection[],
  sequenceStart: SequenceStart | null,
  findings: Findings,
): SequenceStart | null {
  const f = foldSlice(text, start, end).replace(LEADING_MARKS, '');
  const { numbering, body } = splitNumbering(f);
  if (
    !isTopLevelNumbering(numbering) ||
    body.length === 0 ||
    body.length > 40 ||
    SENTENCE_MARK.test(body)
  )
    return sequenceStart;
  let section = 0;
  for (let i = 0; i < sections.length; i++)
    if ((sections[i] as FoundSection).start <= start) section++;
  const ordinal = ordinalOf(numbering);
  if (ordinal === 1) {
    return { range: { start, end }, section, number: numbering.replace(/[、.]/gu, '') };
  }
  if (ordinal === 2 && sequenceStart && sequenceStart.section === section) {
    const found = text.slice(sequenceStart.range.start, sequenceStart.range.end).trim();
    findings.add(
      'section-numbering-duplicate',
      sequenceStart.range,
      `“${found}”重复使用了第${sequenceStart.number}部分的编号：小标题应使用（一）（二）……`,
      { found, number: sequenceStart.number },
    );
    return null;
  }
  return sequenceStart;
}
