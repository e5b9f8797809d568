/**
 * Bad input of every kind yields a model and findings, never an exception:
 * random text and bytes, truncated and shuffled reports, huge numbers, a
 * table repeated, a file that is not a report, a large file.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type ReportModel, decode, readReport } from './index.js';
import { ReportModelSchema } from './model.js';
import { gov2021 } from './test/gov-2021.fixture.js';
import { corpusText, seedText } from './test/seeds.js';

const seeds = ['000', '001', '002', '003', '004'].map(seedText);
const corpus = corpusText('pingtan-2022-flattened.txt');

/** The model is valid and every range lies inside the text. */
function wellFormed(model: ReportModel, length: number): void {
  expect(ReportModelSchema.safeParse(model).success).toBe(true);
  expect(model.length).toBe(length);
  const ranges = [
    ...model.cells.map((c) => c.range),
    ...model.findings.map((f) => f.range),
    ...model.sections.flatMap((s) => [s.headingRange, s.bodyRange]),
    ...model.paragraphs.flatMap((p) => [p.range, ...p.sentences]),
    ...model.tables.flatMap((t) => [t.range, ...t.rows.map((r) => r.labelRange)]),
  ];
  for (const r of ranges) {
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeGreaterThanOrEqual(r.start);
    expect(r.end).toBeLessThanOrEqual(length);
  }
  expect(model.findings.some((f) => f.ruleId === 'reader-failure')).toBe(false);
}

const read = (text: string) => {
  const model = readReport(text, gov2021, { uri: 'fuzz.txt' });
  wellFormed(model, text.length);
  return model;
};

describe('fuzz', () => {
  it('any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void read(s)),
      { numRuns: 300 },
    );
  });

  it('text made of report pieces: labels, digits, delimiters', () => {
    const pieces = fc.constantFrom(
      '\t',
      '|',
      '\n',
      '\r\n',
      '\r',
      ' ',
      '  ',
      '0',
      '12',
      '3.5',
      '-',
      '无',
      '&nbsp;',
      '<td>',
      '</tr>',
      '一、总体情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '（七）总计',
      '1.属于国家秘密',
      '结果维持',
      '总计',
      '本列数据的勾稽关系',
      '第二十条第（一）项',
      '规章',
      '二、上年结转政府信息',
      '公开申请数量',
      '2023年',
      '报告',
      '行政复议',
      '|---|',
      '#',
      '**',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 300 }), (parts) => void read(parts.join(''))),
      { numRuns: 300 },
    );
  });

  it('truncated and shuffled reports', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (which, at, shuffle) => {
          const source = seeds[which] ?? corpus;
          let text = source.slice(0, Math.floor(source.length * at));
          if (shuffle) {
            const lines = text.split('\n');
            // A deterministic shuffle keyed on the cut: lines out of order.
            lines.sort((a, b) => ((a.length * 31 + b.length) % 7) - 3);
            text = lines.join('\n');
          }
          read(text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('random bytes through decode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const decoded = decode(bytes);
        read(decoded.text);
      }),
      { numRuns: 200 },
    );
  });

  it('huge numbers are read as numbers or left missing, never as something else', () => {
    const huge = '9'.repeat(400);
    const text = (seeds[3] as string).replace(
      '| 一、本年新收政府信息公开申请数量 | | 0 |',
      `| 一、本年新收政府信息公开申请数量 | | ${huge} |`,
    );
    const model = read(text);
    const cell = model.cells.find((c) => c.table === 'T3' && c.row === '一' && c.column === 'NP');
    expect(cell?.value).toBeNull();
    const big = read(
      (seeds[3] as string).replace(
        '| 一、本年新收政府信息公开申请数量 | | 0 |',
        '| 一、本年新收政府信息公开申请数量 | | 12345678901234 |',
      ),
    );
    expect(big.cells.find((c) => c.row === '一' && c.column === 'NP')?.value).toBe(12345678901234);
  });

  it('a table repeated three times is read once', () => {
    const seed = seeds[4] as string;
    const start = seed.indexOf('### 三、');
    const end = seed.indexOf('#### 四、');
    const table = seed.slice(seed.indexOf('\n', start), end);
    const text = seed.slice(0, end) + table + table + seed.slice(end);
    const model = read(text);
    expect(model.cells.filter((c) => c.table === 'T3')).toHaveLength(175);
  });

  it('a text that is not a report says so once and stops', () => {
    const model = read(
      '# README\n\nThis project lints reports. 2023年1月1日\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    expect(model.isReport).toBe(false);
    expect(model.findings.map((f) => f.ruleId)).toEqual(['not-a-report']);
    expect(model.cells).toEqual([]);
  });

  it('a large file (2 MB of repeated reports and noise) is read', () => {
    const text = (seeds.join('\n') + '噪声 1 2 3 |||\t\t\n'.repeat(50)).repeat(30);
    const model = read(text);
    expect(model.cells.length).toBeGreaterThan(0);
  });

  it('rows and lines of 200 000 cells (no argument-list overflow)', () => {
    const heads = gov2021.sections.map((x) => x.heading);
    const text = [
      heads[0],
      heads[1],
      `规章${'\t0'.repeat(200_000)}`,
      heads[3],
      `${'\t'.repeat(200_000)}0\t1`,
      '果\t'.repeat(100_000),
      heads[4],
    ].join('\n');
    const model = read(text);
    expect(model.findings.some((f) => f.ruleId === 'table-extra-cells')).toBe(true);
  });

  it('a 1 MB single line of digits and labels is read', () => {
    const text = ('一、本年新收政府信息公开申请数量' + '1234567890'.repeat(50)).repeat(2000);
    read(text);
  });
});
