// Regression: a govlint directive comment between the cells of a
// one-cell-per-line table (the language server's "disable for this line"
// action puts one right above the wrong cell) ended the row early, and the
// row lost its last cell (table-cells-missing on seed 002's （七）总计).
import { describe, expect, it } from 'vitest';
import { readReport } from './index.js';
import { gov2021 } from './test/gov-2021.fixture.js';
import { seedText } from './test/seeds.js';

function withLineBefore(text: string, line1Based: number, inserted: string): string {
  const lines = text.split('\n');
  lines.splice(line1Based - 1, 0, inserted);
  return lines.join('\n');
}

const values = (text: string) =>
  readReport(text, gov2021, { uri: 'r.md' })
    .cells.map((c) => `${c.table}|${c.row}|${c.column}|${c.value}|${c.status}`)
    .sort();

describe('HTML comments inside tables', () => {
  it('a directive line between the cells of seed 002 changes no cell', () => {
    const text = seedText('002_84c7f691cd999dc0.txt');
    // Line 291 holds the 总计 cell of the （七）总计 row.
    const commented = withLineBefore(text, 291, '<!-- govlint-disable-next-line t3-row-total -->');
    expect(values(commented)).toEqual(values(text));
    const model = readReport(commented, gov2021, { uri: 'r.md' });
    expect(model.findings.filter((f) => f.ruleId === 'table-cells-missing')).toEqual([]);
  });

  it('a directive line inside a TAB table (seed 004) changes no cell', () => {
    const text = seedText('004_98d78a100eee2400.txt');
    const commented = withLineBefore(text, 60, '  <!-- govlint-disable t3-row-total -->  ');
    expect(values(commented)).toEqual(values(text));
  });
});
