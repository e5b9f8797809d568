import type { ReportModel } from '@govlint/report';
import { LineIndex } from '@govlint/text';
import { describe, expect, it } from 'vitest';
import { SymbolKind } from 'vscode-languageserver';
import { fixtureTemplate } from '../test/template-fixture.js';
import { reportFoldingRanges } from './folding.js';
import { reportSymbols } from './symbols.js';

const text = [
  '一、总体情况',
  '正文',
  '三、收到和处理政府信息公开申请情况',
  '表格开始',
  '（七）总计 | 0 |',
  '四、政府信息公开行政复议、行政诉讼情况',
  '无',
].join('\r\n');

function range(from: string, to?: string) {
  const start = text.indexOf(from);
  const end = to ? text.indexOf(to) + to.length : start + from.length;
  return { start, end };
}

const sections = [
  ['一', '一、总体情况', '三、'],
  ['三', '三、收到和处理政府信息公开申请情况', '四、'],
  ['四', '四、政府信息公开行政复议、行政诉讼情况', null],
].map(([id, heading, next]) => {
  const headingRange = range(heading!);
  return {
    id: id!,
    heading: heading!,
    headingRange,
    bodyRange: { start: headingRange.end, end: next ? text.indexOf(next) : text.length },
    match: 'exact' as const,
  };
});

const model = {
  sections,
  tables: [
    { id: 'T3', range: range('表格开始', '0 |'), layout: 'pipe-rows', missingRows: [], rows: [] },
  ],
} as unknown as ReportModel;

describe('outline', () => {
  const index = new LineIndex(text);

  it('lists the sections in order, with their tables inside', () => {
    const symbols = reportSymbols(model, fixtureTemplate, index);
    expect(symbols.map((s) => s.name)).toEqual(sections.map((s) => s.heading));
    expect(symbols[1]?.kind).toBe(SymbolKind.Module);
    expect(symbols[1]?.children?.map((c) => [c.name, c.detail])).toEqual([
      ['表三', '收到和处理政府信息公开申请情况'],
    ]);
    expect(symbols[1]?.children?.[0]?.range).toEqual({
      start: { line: 3, character: 0 },
      end: { line: 4, character: 11 },
    });
    // A section's range ends where the next heading starts (line 5, column 0).
    expect(symbols[1]?.range.end).toEqual({ line: 5, character: 0 });
  });

  it('folds each section up to the line before the next heading, and each table', () => {
    expect(reportFoldingRanges(model, index)).toEqual([
      { startLine: 0, endLine: 1, kind: 'region' },
      { startLine: 2, endLine: 4, kind: 'region' },
      { startLine: 3, endLine: 4, kind: 'region' },
      { startLine: 5, endLine: 6, kind: 'region' },
    ]);
  });
});
