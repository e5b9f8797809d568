/**
 * Structural findings on small reports made from the seeds (one defect at a
 * time), and the encodings of text the reader must take as it comes.
 */
import { describe, expect, it } from 'vitest';
import { LineIndex } from '@govlint/text';
import { readReport } from './index.js';
import { gov2021 } from './test/gov-2021.fixture.js';
import { seedText } from './test/seeds.js';

const read = (text: string) => readReport(text, gov2021, { uri: 'test.txt' });
const rules = (text: string) => read(text).findings.map((f) => `${f.ruleId}:${f.severity}`);

const seed003 = seedText('003');
const seed004 = seedText('004');
const headings = gov2021.sections.map((s) => s.heading);
const narrative = '本年度工作有序推进。';

describe('line ends, widths and spaces', () => {
  it('CRLF and lone CR read to the same cells, on the same lines', () => {
    const lf = read(seed004);
    for (const eol of ['\r\n', '\r']) {
      const text = seed004.replace(/\n/gu, eol);
      const model = read(text);
      expect(model.cells.map((c) => c.value)).toEqual(lf.cells.map((c) => c.value));
      const lines = new LineIndex(text);
      const lfLines = new LineIndex(seed004);
      expect(model.cells.map((c) => lines.lineColumn(c.range.start).line)).toEqual(
        lf.cells.map((c) => lfLines.lineColumn(c.range.start).line),
      );
    }
  });

  it('full-width digits, NBSP and U+3000 inside labels', () => {
    const text = seed003
      .replace(
        '| 一、本年新收政府信息公开申请数量 | | 0 | 0 |',
        '| 一、本年新收\u00a0政府信息公开申请数量 | | １２ | ３ |',
      )
      .replace('| (七) 总计 |', '| (七)\u3000总计 |');
    const model = read(text);
    const row = model.cells.filter((c) => c.table === 'T3' && c.row === '一').map((c) => c.value);
    expect(row.slice(0, 2)).toEqual([12, 3]);
    expect(model.tables.find((t) => t.id === 'T3')?.missingRows).toEqual([]);
  });
});

describe('tables', () => {
  it('headings without tables (tables as images): table-missing for each', () => {
    const text = [
      '某局2023年政府信息公开工作年度报告',
      ...headings.flatMap((h) => [h, narrative]),
    ].join('\n');
    const model = read(text);
    expect(
      model.findings.filter((f) => f.ruleId === 'table-missing').map((f) => f.data?.table),
    ).toEqual(['表二', '表三', '表四']);
    expect(model.isReport).toBe(true);
    expect(model.tables).toEqual([]);
  });

  it('non-numeric markers and a blank cell inside a row are read as 0 with a notice', () => {
    const text = seed004.replace(
      '一、\t本年新收政府信息公开申请数量\t0\t0\t0',
      '一、\t本年新收政府信息公开申请数量\t-\t无\t',
    );
    const model = read(text);
    const row = model.cells.filter((c) => c.table === 'T3' && c.row === '一');
    expect(row.map((c) => [c.value, c.status])).toEqual([
      [0, 'non-numeric'],
      [0, 'non-numeric'],
      [0, 'blank'],
      [0, 'number'],
      [0, 'number'],
      [0, 'number'],
      [0, 'number'],
    ]);
    expect(
      model.findings.filter((f) => f.data?.rowId === '一').map((f) => `${f.ruleId}:${f.severity}`),
    ).toEqual(['cell-non-numeric:info', 'cell-non-numeric:info', 'cell-blank:info']);
  });

  it('a row with too few values: table-cells-missing with the missing cells, no invented value', () => {
    const text = seed004.replace(
      '二、\t上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\t',
      '二、\t上年结转政府信息公开申请数量\t5\t0\t0\t0\t5\t',
    );
    const model = read(text);
    const row = model.cells.filter((c) => c.table === 'T3' && c.row === '二');
    expect(row.map((c) => c.value)).toEqual([5, 0, 0, 0, 5, null, null]);
    const f = model.findings.find((x) => x.ruleId === 'table-cells-missing');
    expect(f?.data).toMatchObject({ rowId: '二', found: 5, expected: 7, cellIds: ['OT', 'TOT'] });
  });

  it('a row whose label is lost gives its values to the previous row; they are read by position', () => {
    const text = seed004.replace('\t\t2.其他法律行政法规禁止公开\t', '\t\t\t');
    const model = read(text);
    const t3 = model.tables.find((t) => t.id === 'T3');
    expect(t3?.missingRows).toEqual([]);
    expect(t3?.rows.find((r) => r.row === '三.三.2')?.match).toBe('position');
    expect(model.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual([
      'table-extra-cells',
      'table-extra-cells',
      'table-extra-cells',
      'table-cells-missing',
    ]);
  });

  it('a note under the table that mentions a row is not that row', () => {
    const text = seed003
      .replace('| 三、本年度办理结果 | (一) 予以公开 |', '| 三、本年度办理结果 | ？？？ |')
      .replace(
        '| 四、结转下年度继续办理 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |',
        '| 四、结转下年度继续办理 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |\n注：本年度予以公开3件，均已办结。3',
      );
    const model = read(text);
    expect(model.tables.find((t) => t.id === 'T3')?.missingRows).toEqual(['三.一']);
    expect(model.cells.some((c) => c.row === '三.一')).toBe(false);
  });

  it('a label cut short, or with a character dropped, still finds its row (info); another word is a warning', () => {
    const text = seed003
      .replace('| | | 8. 属于行政查询事项 |', '| | | 8. 属于行政查 |')
      .replace('| | | 2. 重复申请 |', '| | | . 重复申请 |')
      .replace('| 科研机构 |', '| 研机构 |')
      .replace('| | | 4. 保护第三方合法权益 |', '| | | 4. 保护第三人合法权利 |');
    const model = read(text);
    expect(model.tables.find((t) => t.id === 'T3')?.missingRows).toEqual([]);
    const variants = model.findings.filter((f) => f.ruleId === 'label-variant');
    expect(variants.map((f) => [f.data?.found, f.data?.how, f.severity])).toEqual([
      ['研机构', 'suffix', 'info'],
      ['4. 保护第三人合法权利', 'fuzzy', 'warning'],
      ['8. 属于行政查', 'prefix', 'info'],
    ]);
    // A label found whole inside the cell (numbering lost) is simply found.
    expect(
      model.tables.find((t) => t.id === 'T3')?.rows.find((r) => r.row === '三.五.2')?.label,
    ).toBe('重复申请');
  });
});

describe('sections', () => {
  const report = (sections: string[]) =>
    ['某局2023年政府信息公开工作年度报告', ...sections].join('\n');
  const body = (i: number) => [headings[i] as string, narrative];

  it('out of order, renumbered, empty', () => {
    const swapped = report([
      ...body(0),
      ...body(1),
      ...body(2),
      ...body(3),
      ...body(5),
      ...body(4),
    ]);
    expect(rules(swapped)).toContain('section-order:error');
    const renumbered = report([
      ...body(0),
      '三、主动公开政府信息情况',
      narrative,
      ...body(2),
      ...body(3),
      ...body(4),
      ...body(5),
    ]);
    expect(read(renumbered).findings.find((f) => f.ruleId === 'section-order')?.data).toMatchObject(
      { section: '二' },
    );
    const empty = report([
      ...body(0),
      ...body(1),
      ...body(2),
      ...body(3),
      headings[4] as string,
      headings[5] as string,
      narrative,
    ]);
    expect(
      read(empty)
        .findings.filter((f) => f.ruleId === 'section-empty')
        .map((f) => f.data?.section),
    ).toEqual(['五']);
  });

  it('a second 一、二、 sequence under the overview', () => {
    const text = report([
      headings[0] as string,
      '一、加强组织领导',
      narrative,
      '二、完善工作机制',
      narrative,
      ...body(1),
      ...body(2),
      ...body(3),
      ...body(4),
      ...body(5),
    ]);
    const f = read(text).findings.filter((x) => x.ruleId === 'section-numbering-duplicate');
    expect(f.map((x) => [x.data?.found, x.data?.number, x.severity])).toEqual([
      ['一、加强组织领导', '一', 'error'],
    ]);
  });

  it('headings in Markdown and bold decoration, a fuzzy heading, a heading inside running text', () => {
    const text = report([
      `### ${headings[0]}`,
      narrative,
      `**${headings[1]}**`,
      narrative,
      '三、收到和处理政府信息公开申请请况',
      narrative,
      `${narrative}${headings[3]}${narrative}`,
      ...body(4),
      ...body(5),
    ]);
    const model = read(text);
    expect(model.sections.map((s) => `${s.id}:${s.match}`)).toEqual([
      '一:exact',
      '二:exact',
      '三:fuzzy',
      '四:exact',
      '五:exact',
      '六:exact',
    ]);
    expect(
      model.findings.filter((f) => f.ruleId.startsWith('section')).map((f) => f.ruleId),
    ).toEqual(['section-heading-variant']);
  });

  it('the title, agency and year; a missing title', () => {
    const rest = [1, 2, 3, 4, 5].flatMap(body);
    const model = read(
      report([...body(0), '本报告中所列数据统计期限为2023年1月1日至12月31日。', ...rest]),
    );
    expect(model.title?.text).toBe('某局2023年政府信息公开工作年度报告');
    expect(model.agency).toBe('某局');
    expect(model.year).toMatchObject({ value: 2023, source: 'title' });
    const untitled = read(
      [...body(0), '本报告中所列数据统计期限为2022年1月1日至12月31日。', ...rest].join('\n'),
    );
    expect(untitled.year).toMatchObject({ value: 2022, source: 'period' });
    expect(untitled.findings.map((f) => f.ruleId)).toContain('title-missing');
  });
});
