/** Test helpers: the real reports of /work/shared, read by path relative to the repo. */
import { readFileSync, readdirSync } from 'node:fs';
import { LineIndex } from '@govlint/text';
import type { ReportModel } from '../model.js';

const shared = new URL('../../../../../shared/', import.meta.url);

export function seedText(prefix: string): string {
  const dir = new URL('seeds/', shared);
  const name = readdirSync(dir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(name, dir), 'utf8');
}

export function corpusText(name: string): string {
  return readFileSync(new URL(`corpus/${name}`, shared), 'utf8');
}

/** `[row, column, value, 1-based line]` of every cell of a table. */
export function cellsOf(
  model: ReportModel,
  text: string,
  table: string,
): [string, string, number | null, number][] {
  const lines = new LineIndex(text);
  return model.cells
    .filter((c) => c.table === table)
    .map((c) => [c.row, c.column, c.value, lines.lineColumn(c.range.start).line]);
}

/**
 * Expected cells, written compactly: a row id, the line of its first value,
 * whether each next value is on the next line (one cell per line) or on the
 * same line, and the values.
 */
export type RowExpectation = readonly [row: string, line: number, perLine: boolean, values: string];

export function expectedCells(
  columns: readonly string[],
  rows: readonly RowExpectation[],
): [string, string, number | null, number][] {
  return rows.flatMap(([row, line, perLine, values]) => {
    const list = values.split(' ');
    if (list.length !== columns.length) throw new Error(`row ${row}: ${list.length} values`);
    return list.map((v, i): [string, string, number | null, number] => [
      row,
      columns[i] as string,
      v === 'null' ? null : Number(v),
      perLine ? line + i : line,
    ]);
  });
}

/** Error and warning findings as `rule@line`, sorted: what the oracle speaks about. */
export function serious(model: ReportModel, text: string): string[] {
  const lines = new LineIndex(text);
  return model.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.ruleId}@${lines.lineColumn(f.range.start).line}`)
    .sort();
}
