/**
 * readReport: any layout, guided by a compiled template, into the report
 * model. Pure, synchronous, linear in the input, and it never throws: a
 * broken input yields a model and findings.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import type { Range } from '@govlint/text';
import { Findings, extend } from './findings.js';
import { type Folded, foldRange } from './fold.js';
import {
  agencyOf,
  findDates,
  findTitle,
  findYear,
  readMetadata,
  signatureAgency,
} from './front-matter.js';
import { type View, htmlView, looksLikeHtml } from './html-view.js';
import { isBlank, lineOf, splitLines } from './lines.js';
import { mapModel } from './map-model.js';
import type { ReportModel, Section } from './model.js';
import { findParagraphs } from './paragraphs.js';
import { sectionFindings } from './section-findings.js';
import { findSections } from './sections.js';
import { readTables } from './tables/read.js';

export interface ReadOptions {
  readonly uri: string;
}

export function readReport(
  text: string,
  template: CompiledTemplate,
  options: ReadOptions,
): ReportModel {
  try {
    return read(typeof text === 'string' ? text : '', template, options);
  } catch (error) {
    // A bug, not a property of the input: still a model and a finding, never an exception.
    return {
      ...emptyModel(options.uri, template, typeof text === 'string' ? text.length : 0, false),
      findings: [
        {
          ruleId: 'reader-failure',
          severity: 'error',
          message: `读取报告时出错：${error instanceof Error ? error.message : String(error)}`,
          range: { start: 0, end: 0 },
        },
      ],
    };
  }
}

function emptyModel(
  uri: string,
  template: CompiledTemplate,
  length: number,
  isReport: boolean,
): ReportModel {
  return {
    uri,
    template: template.id,
    length,
    isReport,
    title: null,
    agency: null,
    year: null,
    dates: [],
    sections: [],
    tables: [],
    cells: [],
    paragraphs: [],
    findings: [],
  };
}

function read(source: string, template: CompiledTemplate, options: ReadOptions): ReportModel {
  const view: View | null = looksLikeHtml(source) ? htmlView(source) : null;
  const text = view ? view.text : source;
  // An HTML view found its lines while it was written.
  const lines = view ? view.lines : splitLines(text);
  // The whole text folded, only when a heading or a table must be searched inside running text.
  let folded: Folded | null = null;
  const whole = (): Folded => (folded ??= foldRange(text, 0, text.length));
  const meta = readMetadata(text, lines);
  const found = findSections(text, lines, template);
  const findings = new Findings(template);
  const tables = readTables({
    text,
    lines,
    whole,
    template,
    sections: found,
    findings,
    html: view !== null,
  });

  if (found.length < 2 && !tables.anyFound) {
    const model = emptyModel(options.uri, template, source.length, false);
    model.findings.push({
      ruleId: 'not-a-report',
      severity: 'error',
      message: `未找到“${template.title}”规定的章节或表格，这不是一份政府信息公开工作年度报告`,
      range: { start: 0, end: 0 },
      data: { template: template.id, templateTitle: template.title },
    });
    return model;
  }

  const tableRanges = tables.tables.map((t) => t.range);
  sectionFindings(text, lines, template, found, tableRanges, findings);

  const bodyStart = found[0]?.start ?? Math.min(text.length, ...tableRanges.map((r) => r.start));
  const metaEnd = meta.endLine > 0 ? (lines.starts[meta.endLine] ?? text.length) : 0;
  const title = meta.title ?? findTitle(text, lines, meta.endLine, bodyStart);
  if (!title) {
    const at = firstTextLine(text, lines, meta.endLine);
    findings.add(
      'title-missing',
      at,
      '未找到报告标题（“{机关}{年度}年政府信息公开工作年度报告”）',
      {},
    );
  }
  const sections: Section[] = found.map((s, i) => ({
    id: s.decl.id,
    heading: text.slice(s.start, s.end),
    headingRange: { start: s.start, end: s.end },
    bodyRange: { start: s.end, end: found[i + 1]?.start ?? text.length },
    match: s.match,
  }));
  // The last section whose heading starts at or before the offset (a loop: it runs per paragraph).
  const sectionAt = (offset: number): string | null => {
    let id: string | null = null;
    for (const s of sections) if (s.headingRange.start <= offset) id = s.id;
    return id;
  };
  const excluded: Range[] = [
    ...tableRanges,
    ...sections.map((s) => headingLine(text, lines, s.headingRange)),
    { start: 0, end: metaEnd },
  ];
  if (title && !meta.title) excluded.push(title.range);
  const paragraphs = findParagraphs(text, lines, excluded, sectionAt);
  const dates = [
    ...meta.dates.map((d) => extend(d, { kind: 'metadata' as const })),
    ...findDates(text, lines).filter((d) => d.range.start >= metaEnd),
  ];
  const overview = sections.find((s) => s.id === template.sections[0]?.id)?.bodyRange ?? null;
  const model: ReportModel = {
    uri: options.uri,
    template: template.id,
    length: source.length,
    isReport: true,
    title,
    agency: (title && agencyOf(title.text)) ?? signatureAgency(text, lines, dates),
    year: findYear(text, title, overview),
    dates,
    sections,
    tables: tables.tables,
    cells: tables.cells,
    paragraphs,
    findings: findings.list,
  };
  return view ? mapModel(model, view) : model;
}

/** What may surround a heading on its line. */
const DECORATION = /^[\s#*>|_`。：:；;]*$/u;

/** A heading's whole line when the rest of it is decoration (`### 一、…`), else the heading. */
function headingLine(text: string, lines: ReturnType<typeof splitLines>, heading: Range): Range {
  const n = lineOf(lines, heading.start);
  const start = lines.starts[n] as number;
  const end = lines.ends[n] as number;
  const bare =
    heading.end <= end &&
    DECORATION.test(text.slice(start, heading.start)) &&
    DECORATION.test(text.slice(heading.end, end));
  return bare ? { start, end } : heading;
}

function firstTextLine(text: string, lines: ReturnType<typeof splitLines>, from: number): Range {
  for (let n = from; n < lines.starts.length; n++) {
    const start = lines.starts[n] as number;
    const end = lines.ends[n] as number;
    if (!isBlank(text, start, end)) return { start, end: Math.min(end, start + 40) };
  }
  return { start: 0, end: 0 };
}
