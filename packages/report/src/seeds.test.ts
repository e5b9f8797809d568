/**
 * The five seed reports (template-spec §9): every cell of tables 三 and 四
 * (value and line) and of table 二, and the defects that belong to reading.
 */
import { describe, expect, it } from 'vitest';
import { LineIndex } from '@govlint/text';
import { readReport } from './index.js';
import { gov2021, T3_COLUMNS, T4_COLUMNS } from './test/gov-2021.fixture.js';
import { type RowExpectation, cellsOf, expectedCells, seedText, serious } from './test/seeds.js';

const T3_ROWS = gov2021.tables[1]?.blocks[0]?.rows.map((r) => r.id) ?? [];
const T2_COLUMNS: Record<string, string[]> = {
  规章: ['制发', '废止', '有效'],
  行政规范性文件: ['制发', '废止', '有效'],
  行政许可: ['决定'],
  行政处罚: ['决定'],
  行政强制: ['决定'],
  行政事业性收费: ['金额'],
};

const zeros = (n: number) => Array<string>(n).fill('0').join(' ');
const Z7 = zeros(7);

/** T3 rows: every row's values, from the line of its first value. */
function t3(
  lines: readonly number[],
  perLine: boolean,
  nonZero: Record<string, string> = {},
): RowExpectation[] {
  return lines.map((line, i) => {
    const row = T3_ROWS[i] as string;
    return [row, line, perLine, nonZero[row] ?? Z7] as const;
  });
}

function t2(rows: readonly [string, number, boolean, string][]) {
  return rows.flatMap(([row, line, perLine, values]) =>
    expectedCells(T2_COLUMNS[row] as string[], [[row, line, perLine, values]]),
  );
}

function read(prefix: string) {
  const text = seedText(prefix);
  return { text, model: readReport(text, gov2021, { uri: `${prefix}.txt` }) };
}

describe('seed 000 (one cell per line)', () => {
  const { text, model } = read('000');
  it('reads every cell of table 三 with its line', () => {
    const labelLines = [
      97, 106, 116, 126, 137, 148, 159, 170, 181, 192, 203, 214, 225, 236, 247, 258, 269, 280, 291,
      302, 313, 324, 335, 345, 354,
    ];
    const rows = t3(
      labelLines.map((l) => l + 1),
      true,
      {
        一: '2 0 0 0 0 0 2',
        '三.四.1': '2 0 0 0 0 0 0',
        '三.七': '2 0 0 0 0 0 0',
      },
    );
    expect(cellsOf(model, text, 'T3')).toEqual(expectedCells(T3_COLUMNS, rows));
  });
  it('reads table 四 and table 二', () => {
    expect(cellsOf(model, text, 'T4')).toEqual(
      expectedCells(T4_COLUMNS, [['案件', 393, true, zeros(15)]]),
    );
    expect(cellsOf(model, text, 'T2')).toEqual(
      t2([
        ['规章', 40, true, '0 0 0'],
        ['行政规范性文件', 45, true, '1 0 1'],
        ['行政许可', 55, true, '0'],
        ['行政处罚', 63, true, '295'],
        ['行政强制', 66, true, '53'],
        ['行政事业性收费', 74, true, '58.94'],
      ]),
    );
  });
  it('finds the sections, the split title, the year; no structural error', () => {
    expect(model.sections.map((s) => `${s.id}:${s.match}`)).toEqual([
      '一:exact',
      '二:exact',
      '三:exact',
      '四:exact',
      '五:variant',
      '六:exact',
    ]);
    expect(model.title?.text).toBe('石嘴山市市场监督管理局2023年政府信息公开工作年度报告');
    expect(model.agency).toBe('石嘴山市市场监督管理局');
    expect(model.year).toMatchObject({ value: 2023, source: 'title' });
    expect(model.dates).toEqual([]);
    expect(serious(model, text)).toEqual([]);
    const variant = model.findings.find((f) => f.ruleId === 'section-heading-variant');
    expect(new LineIndex(text).lineColumn(variant?.range.start ?? 0).line).toBe(410);
    expect(model.tables.map((t) => t.layout)).toEqual([
      'cell-per-line',
      'cell-per-line',
      'cell-per-line',
    ]);
  });
});

describe('seed 001 (TAB rows, truncated table 三, garbled table 四)', () => {
  const { text, model } = read('001');
  it('reads table 三 as far as it goes', () => {
    const lines = [49, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 63, 64, 65, 66, 67, 68, 69, 70, 71];
    expect(cellsOf(model, text, 'T3')).toEqual(expectedCells(T3_COLUMNS, t3(lines, false)));
    expect(model.tables.find((t) => t.id === 'T3')?.missingRows).toEqual([
      '三.六.1',
      '三.六.2',
      '三.六.3',
      '三.七',
      '四',
    ]);
  });
  it('still reads the 15 values of table 四 by position', () => {
    expect(cellsOf(model, text, 'T4')).toEqual(
      expectedCells(T4_COLUMNS, [['案件', 77, false, zeros(15)]]),
    );
    expect(model.tables.find((t) => t.id === 'T4')?.rows[0]?.match).toBe('position');
  });
  it('reads table 二', () => {
    expect(cellsOf(model, text, 'T2')).toEqual(
      t2([
        ['规章', 29, false, '0 0 0'],
        ['行政规范性文件', 30, false, '0 0 0'],
        ['行政许可', 33, false, '29588'],
        ['行政处罚', 37, false, '383'],
        ['行政强制', 38, false, '96'],
        ['行政事业性收费', 41, false, '0'],
      ]),
    );
  });
  it('reports the truncation once, the missing section, the garbled header and 研究机构', () => {
    expect(serious(model, text)).toEqual([
      'label-variant@47',
      'section-missing@79',
      'table-header-garbled@74',
      'table-rows-missing@72',
    ]);
    const rowsMissing = model.findings.filter((f) => f.ruleId === 'table-rows-missing');
    expect(rowsMissing).toHaveLength(1);
    expect(rowsMissing[0]?.data).toMatchObject({
      table: '表三',
      tableId: 'T3',
      rows: ['三.六.1', '三.六.2', '三.六.3', '三.七', '四'],
    });
    const variant = model.findings.find(
      (f) => f.ruleId === 'label-variant' && f.severity === 'warning',
    );
    expect(variant?.data).toMatchObject({ found: '研究机构', expected: '科研机构' });
    expect(model.findings.find((f) => f.ruleId === 'section-missing')?.data).toMatchObject({
      section: '四',
    });
    // Dropped first characters are only info.
    const dropped = model.findings.filter(
      (f) => f.ruleId === 'label-variant' && f.severity === 'info',
    );
    expect(dropped.map((f) => f.data?.found)).toEqual(
      expect.arrayContaining(['计', '会 公 益 组 织', '律 服 务 机 构']),
    );
  });
  it('leaves the cut table and its garbled header out of the paragraphs', () => {
    expect(model.paragraphs.filter((p) => p.section === '三')).toEqual([]);
  });

  it('finds the signature date and the year', () => {
    expect(model.dates).toEqual([
      expect.objectContaining({ value: '2024-01-10', kind: 'signature' }),
    ]);
    expect(model.year).toMatchObject({ value: 2023, source: 'title' });
  });
});

describe('seed 002 (pipe-suffixed cells)', () => {
  const { text, model } = read('002');
  it('reads every cell of table 三 with its line', () => {
    const labelLines = [
      72, 81, 91, 100, 110, 119, 128, 137, 146, 155, 164, 173, 183, 192, 201, 211, 220, 229, 238,
      247, 257, 266, 275, 284, 293,
    ];
    const rows = t3(
      labelLines.map((l) => l + 1),
      true,
      {
        一: '12 0 0 0 0 0 12',
        '三.一': '7 0 0 0 0 0 7',
        '三.二': '3 0 0 0 0 0 3',
        '三.三.5': '1 0 0 0 0 0 1',
        '三.四.1': '1 0 0 0 0 0 1',
        '三.七': '12 0 0 0 0 0 0',
      },
    );
    expect(cellsOf(model, text, 'T3')).toEqual(expectedCells(T3_COLUMNS, rows));
  });
  it('reads table 四 and table 二', () => {
    expect(cellsOf(model, text, 'T4')).toEqual(
      expectedCells(T4_COLUMNS, [['案件', 324, true, '0 1 0 0 1 0 0 0 0 0 0 0 0 0 0']]),
    );
    expect(cellsOf(model, text, 'T2')).toEqual(
      t2([
        ['规章', 25, true, '0 0 0'],
        ['行政规范性文件', 29, true, '0 2 3'],
        ['行政许可', 38, true, '6900'],
        ['行政处罚', 46, true, '715'],
        ['行政强制', 49, true, '178'],
        ['行政事业性收费', 57, true, '0'],
      ]),
    );
  });
  it('has no title; the year comes from the overview', () => {
    expect(serious(model, text)).toEqual(['title-missing@1']);
    expect(model.title).toBeNull();
    expect(model.year).toMatchObject({ value: 2023, source: 'body' });
    expect(model.sections.map((s) => s.id)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(model.tables.map((t) => t.layout)).toEqual(['pipe-cells', 'pipe-cells', 'pipe-cells']);
  });
});

describe('seed 003 (Markdown tables with shifting label columns)', () => {
  const { text, model } = read('003');
  it('reads every cell of table 三, 四 and 二', () => {
    const lines = Array.from({ length: 25 }, (_, i) => 57 + i);
    expect(cellsOf(model, text, 'T3')).toEqual(expectedCells(T3_COLUMNS, t3(lines, false)));
    expect(cellsOf(model, text, 'T4')).toEqual(
      expectedCells(T4_COLUMNS, [['案件', 89, false, zeros(15)]]),
    );
    expect(cellsOf(model, text, 'T2')).toEqual(
      t2([
        ['规章', 38, false, '0 0 0'],
        ['行政规范性文件', 39, false, '0 0 0'],
        ['行政许可', 42, false, '0'],
        ['行政处罚', 45, false, '0'],
        ['行政强制', 46, false, '0'],
        ['行政事业性收费', 49, false, '0'],
      ]),
    );
  });
  it('has no structural error', () => {
    expect(serious(model, text)).toEqual([]);
    expect(model.tables.map((t) => t.layout)).toEqual(['markdown', 'markdown', 'markdown']);
    expect(model.title?.text).toBe('红旗区市场监督管理局 2023 年政府信息公开工作年度报告');
  });
});

describe('seed 004 (Markdown headings and TAB rows)', () => {
  const { text, model } = read('004');
  it('reads every cell of table 三 (the first 7 values of a row with 8)', () => {
    const lines = [
      48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 72,
      73, 74,
    ];
    expect(cellsOf(model, text, 'T3')).toEqual(expectedCells(T3_COLUMNS, t3(lines, false)));
  });
  it('reads table 四 with its blank review group missing, and table 二', () => {
    expect(cellsOf(model, text, 'T4')).toEqual(
      expectedCells(T4_COLUMNS, [['案件', 81, false, `null null null null null ${zeros(10)}`]]),
    );
    expect(cellsOf(model, text, 'T2')).toEqual(
      t2([
        ['规章', 29, false, '0 0 0'],
        ['行政规范性文件', 30, false, '1 4 8'],
        ['行政许可', 33, false, '24'],
        ['行政处罚', 36, false, '0'],
        ['行政强制', 38, false, '0'],
        ['行政事业性收费', 41, false, '0'],
      ]),
    );
  });
  it('reports the extra cells of lines 72–74 and the blank review group of line 81', () => {
    expect(serious(model, text)).toEqual([
      'table-cells-missing@81',
      'table-extra-cells@72',
      'table-extra-cells@73',
      'table-extra-cells@74',
    ]);
    const extra = model.findings.filter((f) => f.ruleId === 'table-extra-cells');
    expect(extra.map((f) => [f.data?.rowId, f.data?.found, f.data?.expected])).toEqual([
      ['三.六.3', 8, 7],
      ['三.七', 8, 7],
      ['四', 8, 7],
    ]);
    expect(model.findings.find((f) => f.ruleId === 'table-cells-missing')?.data).toMatchObject({
      table: '表四',
      cellIds: ['RV.维持', 'RV.纠正', 'RV.其他', 'RV.未结', 'RV.总计'],
      cells: [
        '行政复议 › 结果维持',
        '行政复议 › 结果纠正',
        '行政复议 › 其他结果',
        '行政复议 › 尚未审结',
        '行政复议 › 总计',
      ],
      found: 10,
      expected: 15,
    });
  });
  it('paragraphs: page breaks joined, headings and tables left out, sentences split', () => {
    const lines = new LineIndex(text);
    const at = (p: { range: { start: number; end: number } }) =>
      `${lines.lineColumn(p.range.start).line}-${lines.lineColumn(p.range.end).line}`;
    const overview = model.paragraphs.filter((p) => p.section === '一');
    expect(overview.map(at)).toEqual(['11-11', '13-13', '15-15', '17-19', '21-21', '23-23']);
    expect(overview[3]?.sentences).toHaveLength(3);
    // No paragraph is only Markdown decoration or a table's stray cell.
    expect(
      model.paragraphs.every((p) =>
        /[\p{Script=Han}]/u.test(text.slice(p.range.start, p.range.end)),
      ),
    ).toBe(true);
    expect(model.paragraphs.filter((p) => p.section === '三' || p.section === '四')).toEqual([]);
  });

  it('joins the title split over two Markdown headings', () => {
    expect(model.title?.text).toBe('石嘴山市商务局2023 年政府信息公开工作年度报告');
    expect(model.agency).toBe('石嘴山市商务局');
    expect(model.sections.find((s) => s.id === '五')?.match).toBe('variant');
    expect(model.tables.map((t) => t.layout)).toEqual(['tab-rows', 'tab-rows', 'tab-rows']);
  });
});
