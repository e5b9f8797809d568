/**
 * The flattened corpus page: the whole report on one line, cell separators
 * lost, digits of neighbouring cells run together. The template's identities
 * cut them; the result must satisfy every identity (spec: 74 + 1 = 75 + 0).
 */
import { describe, expect, it } from 'vitest';
import { readReport } from './index.js';
import { ReportModelSchema } from './model.js';
import { gov2021 } from './test/gov-2021.fixture.js';
import { checkIdentities } from './test/evaluate.js';
import { corpusText } from './test/seeds.js';

describe('pingtan-2022-flattened.txt', () => {
  const text = corpusText('pingtan-2022-flattened.txt');
  const model = readReport(text, gov2021, { uri: 'pingtan.txt' });

  it('recovers all 175 + 15 cells of tables 三 and 四, and every identity holds', () => {
    const t3 = model.cells.filter((c) => c.table === 'T3');
    const t4 = model.cells.filter((c) => c.table === 'T4');
    expect(t3).toHaveLength(175);
    expect(t4).toHaveLength(15);
    expect([...t3, ...t4].every((c) => c.status === 'number' && c.value !== null)).toBe(true);
    const verdicts = checkIdentities(gov2021, model, ['T3', 'T4']);
    expect(verdicts.failed).toEqual([]);
    expect(verdicts.notEvaluable).toBe(0);
    expect(verdicts.passed).toBe(25 + 7 + 7 + 3);
  });

  it('cuts each run of digits where the row total allows only one cut', () => {
    const row = (id: string) =>
      model.cells.filter((c) => c.table === 'T3' && c.row === id).map((c) => c.value);
    expect(row('一')).toEqual([71, 3, 0, 0, 0, 0, 74]);
    expect(row('三.七')).toEqual([72, 3, 0, 0, 0, 0, 75]);
    // `00000002.其他…`: the next row's number is not a digit of this row.
    expect(row('三.三.1')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row('三.四.1')).toEqual([37, 0, 0, 0, 0, 0, 37]);
    const t4 = model.cells.filter((c) => c.table === 'T4').map((c) => c.value);
    expect(t4).toEqual([0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('points each recovered value at its own digits', () => {
    const cell = model.cells.find((c) => c.table === 'T3' && c.row === '一' && c.column === 'NP');
    expect(text.slice(cell?.range.start, cell?.range.end)).toBe('71');
    const tot = model.cells.find((c) => c.table === 'T3' && c.row === '一' && c.column === 'TOT');
    expect(text.slice(tot?.range.start, tot?.range.end)).toBe('74');
  });

  it('leaves a row that several cuts fit without values, with a warning', () => {
    const ambiguous = model.findings.filter((f) => f.ruleId === 'cells-ambiguous');
    expect(ambiguous.map((f) => f.data?.row)).toEqual(['行政规范性文件']);
    const cells = model.cells.filter((c) => c.row === '行政规范性文件');
    expect(cells.every((c) => c.value === null && c.status === 'missing')).toBe(true);
    const t2 = (row: string) => model.cells.filter((c) => c.row === row).map((c) => c.value);
    expect(t2('规章')).toEqual([0, 0, 0]);
    expect(t2('行政许可')).toEqual([10690]);
    expect(t2('行政事业性收费')).toEqual([9116.36]);
  });

  it('reads the metadata header: title, publication date, year', () => {
    expect(model.title?.text).toBe('平潭综合实验区2022年度政府信息公开工作年度报告');
    expect(model.year).toMatchObject({ value: 2022, source: 'title' });
    expect(model.dates).toEqual([
      expect.objectContaining({ value: '2023-02-20', kind: 'metadata' }),
    ]);
    expect(model.sections.map((s) => `${s.id}:${s.match}`)).toEqual([
      '一:exact',
      '二:exact',
      '三:exact',
      '四:fuzzy',
      '五:exact',
      '六:exact',
    ]);
    expect(model.tables.map((t) => t.layout)).toEqual(['flattened', 'flattened', 'flattened']);
    expect(ReportModelSchema.safeParse(model).success).toBe(true);
  });
});
