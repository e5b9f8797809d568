/**
 * A tiny reader for test reports in one layout (one row per line, fields
 * separated by TAB, the row label first; the review/litigation row starts
 * with `T4`), producing a model that honours model.ts: cell ranges point at
 * the value's text, so fixes can be applied and the text read again.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS } from './fixture.js';

type Cell = ReportModel['cells'][number];
type Finding = ReportModel['findings'][number];

export function readTestReport(
  text: string,
  template: CompiledTemplate,
  options: { uri: string },
): ReportModel {
  const cells: Cell[] = [];
  const findings: Finding[] = [];
  const found = new Set<string>();
  const rows: ReportModel['tables'][number]['rows'] = [];
  const labels = new Map(T3_ROWS.map(([id, label]) => [label, id]));
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const fields = line.replace(/\r$/, '').split('\t');
    const head = fields[0] ?? '';
    const row = head === 'T4' ? 'v' : labels.get(head);
    if (row !== undefined) {
      const table = head === 'T4' ? 'T4' : 'T3';
      const columns = table === 'T4' ? T4_COLUMNS : T3_COLUMNS.map(([id]) => id);
      found.add(row);
      rows.push({
        table,
        row,
        label: head,
        labelRange: { start: lineStart, end: lineStart + head.length },
        match: 'exact',
      });
      let at = lineStart + head.length + 1;
      columns.forEach((column, i) => {
        const raw = fields[i + 1];
        if (raw === undefined) {
          const end = lineStart + line.length;
          cells.push({
            table,
            row,
            column,
            value: null,
            status: 'missing',
            raw: '',
            range: { start: end, end },
          });
          return;
        }
        const range = { start: at, end: at + raw.length };
        at += raw.length + 1;
        const trimmed = raw.trim();
        if (/^\d+(\.\d+)?$/.test(trimmed)) {
          cells.push({ table, row, column, value: Number(trimmed), status: 'number', raw, range });
        } else if (trimmed === '') {
          cells.push({ table, row, column, value: 0, status: 'blank', raw, range });
          findings.push({ ruleId: 'cell-blank', severity: 'info', message: 'blank cell', range });
        } else {
          cells.push({ table, row, column, value: 0, status: 'non-numeric', raw, range });
        }
      });
    }
    lineStart += line.length + 1;
  }
  const missingRows = T3_ROWS.map(([id]) => id).filter((id) => !found.has(id));
  const anyT3 = T3_ROWS.some(([id]) => found.has(id));
  if (anyT3 && missingRows.length > 0) {
    findings.push({
      ruleId: 'table-rows-missing',
      severity: 'error',
      message: `T3 lacks ${missingRows.length} rows`,
      range: { start: lineStart - 1, end: lineStart - 1 },
      data: { table: '表三', count: missingRows.length, rows: missingRows },
    });
  }
  const year = /(\d{4})\s*年/.exec(text);
  return {
    uri: options.uri,
    template: template.id,
    length: text.length,
    isReport: anyT3,
    title: null,
    agency: null,
    year: year
      ? {
          value: Number(year[1]),
          range: { start: year.index, end: year.index + 4 },
          source: 'title',
        }
      : null,
    dates: [],
    sections: [],
    tables: anyT3
      ? [
          {
            id: 'T3',
            range: { start: 0, end: text.length },
            layout: 'tab-rows',
            missingRows,
            rows,
          },
        ]
      : [],
    cells,
    paragraphs: [],
    findings,
  };
}

/** Build a test report: T3 rows from `values` (all 0 by default), overridden per row. */
export function testReport(options: {
  year?: number;
  rows?: Readonly<Record<string, readonly (number | string)[]>>;
  omit?: readonly string[];
  t4?: readonly (number | string)[];
  before?: string;
  after?: string;
  lineEnd?: string;
}): string {
  const eol = options.lineEnd ?? '\n';
  const lines = [`示例局${options.year ?? 2023}年政府信息公开工作年度报告`, '本年制发件数'];
  if (options.before) lines.push(options.before);
  for (const [id, label] of T3_ROWS) {
    if (options.omit?.includes(id)) continue;
    const values = options.rows?.[id] ?? [0, 0, 0, 0, 0, 0, 0];
    lines.push([label, ...values].join('\t'));
  }
  lines.push(['T4', ...(options.t4 ?? T4_COLUMNS.map(() => 0))].join('\t'));
  if (options.after) lines.push(options.after);
  return lines.join(eol) + eol;
}

/** Seed 000's applications table: one application not held, total cells left at 0. */
export const seed000Rows = {
  一: [2, 0, 0, 0, 0, 0, 2],
  '三.四.1': [2, 0, 0, 0, 0, 0, 0],
  '三.七': [2, 0, 0, 0, 0, 0, 0],
};

/** Seed 002's: twelve applications, the grand total's total cell left at 0. */
export const seed002Rows = {
  一: [12, 0, 0, 0, 0, 0, 12],
  '三.一': [7, 0, 0, 0, 0, 0, 7],
  '三.二': [3, 0, 0, 0, 0, 0, 3],
  '三.三.5': [1, 0, 0, 0, 0, 0, 1],
  '三.四.1': [1, 0, 0, 0, 0, 0, 1],
  '三.七': [12, 0, 0, 0, 0, 0, 0],
};
