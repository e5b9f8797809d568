import { describe, expect, it } from 'vitest';
import { createLinter } from './index.js';
import { scanMarkers } from './detect.js';
import { template2019, testPack } from './test/fixture.js';
import { readTestReport, testReport } from './test/reader.js';

const linter = createLinter({ packs: [testPack], read: readTestReport });
const lint = (text: string, template?: string) =>
  linter.lint(text, { uri: 'file:///r.txt', ...(template ? { template } : {}) });

describe('template detection', () => {
  it('picks the template by its markers', () => {
    const r = lint(testReport({}));
    expect(r.detection).toMatchObject({ template: 'test-2021', by: 'markers', year: 2023 });
    expect(r.detection.markers).toEqual({ 'test-2021': ['本年制发件数'] });
  });

  it('falls back on the year without markers, reading again with the older template', () => {
    const text = testReport({ year: 2020 }).replace('本年制发件数\n', '');
    const r = lint(text);
    expect(r.detection).toMatchObject({ template: 'test-2019', by: 'year', year: 2020 });
    expect(r.template?.id).toBe('test-2019');
  });

  it('finds a marker written with half-width punctuation or spaces around it', () => {
    const text = testReport({ before: '| 对外公开总数量 |' }).replace('本年制发件数\n', '');
    expect(lint(text).detection.markers).toEqual({ 'test-2019': ['对外公开总数量'] });
  });

  it('reports an outdated template for the year, at the marker', () => {
    const text = testReport({ year: 2023 }).replace('本年制发件数', '本年新制作数量');
    const r = lint(text);
    const d = r.diagnostics.find((x) => x.ruleId === 'template-outdated');
    expect(d?.severity).toBe('error');
    expect(text.slice(d!.range.start, d!.range.end)).toBe('本年新制作数量');
    expect(d?.message).toBe(
      '2023 年度报告使用了旧版格式（test-2019）的表格标签“本年新制作数量”，应使用现行格式（test-2021）',
    );
  });

  it('reports a mix of templates, and a template used before it existed', () => {
    const mixed = lint(testReport({ year: 2023, before: '本年新制作数量' }));
    expect(mixed.diagnostics.map((d) => d.ruleId).sort()).toEqual([
      'template-mixed',
      'template-outdated',
    ]);
    const early = lint(testReport({ year: 2020 }));
    expect(early.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['template-anachronism', 'warning'],
    ]);
  });

  it('matches a whole marker, not just its longest run of ideographs (regression)', () => {
    const t = { ...template2019, markers: ['第二十条第（九）项'] };
    expect(scanMarkers('| 第二十条第（一）项 |', [t])).toEqual([]);
    const text = '| 第二十条第(九) 项 |';
    const [hit] = scanMarkers(text, [t]);
    expect(text.slice(hit!.range.start, hit!.range.end)).toBe('第二十条第(九) 项');
  });

  it('finds a marker written with spaces between its ideographs (PDF extractions)', () => {
    const t = { ...template2019, markers: ['本年制发件数'] };
    const text = '| 本年 制发 件数 | 3 |';
    const [hit] = scanMarkers(text, [t]);
    expect(text.slice(hit!.range.start, hit!.range.end)).toBe('本年 制发 件数');
  });

  it("does not count a marker found inside another template's longer marker", () => {
    const older = { ...template2019, markers: ['制发件数'] };
    const newer = { ...template2019, id: 'newer', markers: ['本年制发件数'] };
    expect(scanMarkers('| 本年制发件数 |', [older, newer]).map((h) => h.template)).toEqual([
      'newer',
    ]);
    expect(scanMarkers('| 制发件数 |', [older, newer]).map((h) => h.template)).toEqual([
      'test-2019',
    ]);
  });

  it('honours a forced template', () => {
    expect(lint(testReport({}), 'test-2019').detection).toMatchObject({
      template: 'test-2019',
      by: 'option',
    });
  });

  it('reports a reader failure instead of throwing', () => {
    const broken = createLinter({
      packs: [testPack],
      read: () => {
        throw new Error('boom');
      },
    });
    const r = broken.lint('x', { uri: 'x' });
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'reader-failure', severity: 'error' });
  });
});

describe('rule catalogue', () => {
  it('lists pack and engine rules with docs links and fixability', () => {
    const rules = linter.rules();
    const rowTotal = rules.find((r) => r.id === 't3-row-total');
    expect(rowTotal).toMatchObject({ severity: 'error', category: 'arithmetic', fixable: true });
    expect(rowTotal?.templates).toEqual(['test-2021', 'test-2019']);
    expect(rules.find((r) => r.id === 't3-column-balance')?.fixable).toBe(false);
    expect(rules.find((r) => r.id === 'unused-disable-directive')?.docsUrl).toBe(
      'https://github.com/govlint/govlint/blob/main/docs/rules/unused-disable-directive.md',
    );
    expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
  });
});
