import { describe, expect, it } from 'vitest';
import { cellName, relativeCellName, tableName } from './cell-names.js';
import { fixtureTemplate } from './test/template-fixture.js';

describe('cellName', () => {
  it('joins the table, the row path, the row and the column labels from the template', () => {
    expect(cellName(fixtureTemplate, { table: 'T3', row: '三.四.1', column: 'TOT' })).toBe(
      '表三 › 三、本年度办理结果 › （四）无法提供 › 1.本机关不掌握相关政府信息 › 总计',
    );
  });

  it('keeps a column group only where it tells columns apart', () => {
    expect(cellName(fixtureTemplate, { table: 'T3', row: '三.七', column: 'BE' })).toBe(
      '表三 › 三、本年度办理结果 › （七）总计 › 法人或其他组织 › 商业企业',
    );
    // Table 四 has one unlabelled row: the groups are what names the cell.
    expect(cellName(fixtureTemplate, { table: 'T4', row: '一', column: 'LR.总计' })).toBe(
      '表四 › 行政诉讼 › 复议后起诉 › 总计',
    );
  });

  it('calls a table by the numeral of its section, else by its title', () => {
    const table = fixtureTemplate.tables[0]!;
    expect(tableName({ ...table, section: '三' })).toBe('表三');
    expect(tableName({ ...table, section: 'applications' })).toBe('收到和处理政府信息公开申请情况');
  });

  it('falls back to ids for a cell the template does not know', () => {
    expect(cellName(fixtureTemplate, { table: 'T9', row: 'x', column: 'y' })).toBe('T9[x, y]');
  });
});

describe('relativeCellName', () => {
  const from = { table: 'T3', row: '三.七', column: 'TOT' };
  it('names a cell of the same row by its column, of the same column by its row', () => {
    expect(relativeCellName(fixtureTemplate, { ...from, column: 'NP' }, from)).toBe('自然人');
    expect(relativeCellName(fixtureTemplate, { ...from, row: '三.四.1' }, from)).toBe(
      '1.本机关不掌握相关政府信息',
    );
    expect(relativeCellName(fixtureTemplate, { ...from, row: '三.四.1', column: 'NP' }, from)).toBe(
      '1.本机关不掌握相关政府信息（自然人）',
    );
  });

  it('keeps the groups of a column whose label another column shares', () => {
    const from = { table: 'T4', row: '一', column: 'RV.维持' };
    expect(relativeCellName(fixtureTemplate, { ...from, column: 'LR.总计' }, from)).toBe(
      '行政诉讼 › 复议后起诉 › 总计',
    );
  });
});
