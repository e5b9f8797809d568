/**
 * Cross-year rules on two years of one agency, built from seed 003 (红旗区
 * 市场监督管理局 2023, all zeros): last year's report is the same text with
 * 2022 in its title and other figures in the rows the rules compare.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '@govlint/text';
import { createLinter, crossYear, type LintResult } from '../index.js';

const seed003 = readFileSync(
  new URL('../../../../../shared/seeds/003_10e3baeb14b029d4.txt', import.meta.url),
  'utf8',
);
const linter = createLinter();

const CARRIED = '| 二、上年结转政府信息公开申请数量 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |';
const CARRIED_ON = '| 四、结转下年度继续办理 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |';
const RULES = '| 行政规范性文件 | 0 | 0 | 0 |';

/** Seed 003 for another year, agency or figures. */
function report(options: {
  year?: number;
  agency?: string;
  carried?: [number, number];
  carriedOn?: [number, number];
  rules?: [number, number, number];
}): string {
  const title = '红旗区市场监督管理局 2023 年政府信息公开工作年度报告';
  const agency = options.agency ?? '红旗区市场监督管理局';
  let text = seed003.replace(title, `${agency} ${options.year ?? 2023} 年政府信息公开工作年度报告`);
  const row = (label: string, [np, tot]: [number, number]) =>
    `| ${label} | | ${np} | 0 | 0 | 0 | 0 | 0 | ${tot} | |`;
  if (options.carried)
    text = text.replace(CARRIED, row('二、上年结转政府信息公开申请数量', options.carried));
  if (options.carriedOn)
    text = text.replace(CARRIED_ON, row('四、结转下年度继续办理', options.carriedOn));
  if (options.rules)
    text = text.replace(RULES, `| 行政规范性文件 | ${options.rules.join(' | ')} |`);
  return text;
}

function lint(text: string, uri: string): LintResult {
  return linter.lint(text, { uri });
}

const lineOf = (text: string, offset: number) => new LineIndex(text).lineColumn(offset).line;

describe('crossYear', () => {
  it('reports this year’s 上年结转 that differs from last year’s 结转下年度, per column', () => {
    const previous = lint(report({ year: 2022, carriedOn: [2, 2] }), '2022.txt');
    const currentText = report({});
    const current = lint(currentText, '2023.txt');
    expect(previous.model?.year?.value).toBe(2022);
    const [only, ...rest] = crossYear([current, previous]);
    expect(rest).toEqual([]);
    expect(only?.uri).toBe('2023.txt');
    const carry = only!.diagnostics.filter((d) => d.ruleId === 't3-carry-forward');
    expect(carry.map((d) => d.data?.bindings)).toEqual([
      { c: '自然人', column: '自然人' },
      { c: '总计', column: '总计' },
    ]);
    expect(carry.map((d) => lineOf(currentText, d.range.start))).toEqual([58, 58]);
    expect(carry[0]!.severity).toBe('warning');
    expect(carry[0]!.message).toBe(
      '表三“自然人”列：本年上年结转 0 件，但上一年度报告的结转下年度继续办理为 2 件',
    );
    expect(carry[0]!.data?.previous).toEqual({ uri: '2022.txt', year: 2022 });
  });

  it('is silent when the figures carry over', () => {
    const previous = lint(report({ year: 2022, carriedOn: [2, 2] }), '2022.txt');
    const current = lint(report({ carried: [2, 2] }), '2023.txt');
    expect(crossYear([previous, current])).toEqual([{ uri: '2023.txt', diagnostics: [] }]);
  });

  it('checks 现行有效 = last year’s 现行有效 + 制发 − 废止 (t2-valid-carry)', () => {
    const previous = lint(report({ year: 2022, rules: [2, 0, 8] }), '2022.txt');
    const currentText = report({ rules: [1, 4, 6] });
    const current = lint(currentText, '2023.txt');
    const [result] = crossYear([previous, current]);
    const valid = result!.diagnostics.filter((d) => d.ruleId === 't2-valid-carry');
    expect(valid).toHaveLength(1);
    expect(valid[0]!.message).toContain('现行有效 6 件');
    expect(valid[0]!.message).toContain('为 5 件（8+1-4）');
    expect(currentText.slice(valid[0]!.range.start, valid[0]!.range.end)).toBe('6');
    const kept = lint(report({ rules: [1, 4, 5] }), '2023.txt');
    expect(
      crossYear([previous, kept])[0]!.diagnostics.filter((d) => d.ruleId === 't2-valid-carry'),
    ).toEqual([]);
  });

  it('pairs only the same agency, in consecutive years', () => {
    const other = lint(
      report({ year: 2022, agency: '卫滨区市场监督管理局', carriedOn: [2, 2] }),
      'other.txt',
    );
    const older = lint(report({ year: 2021, carriedOn: [2, 2] }), '2021.txt');
    const current = lint(report({}), '2023.txt');
    expect(crossYear([other, older, current])).toEqual([]);
  });

  it('matches agencies through the configured names, and honours configured severities', () => {
    const renamed = lint(
      report({ year: 2022, agency: '红旗区市场监管局', carriedOn: [1, 1] }),
      'old-name.txt',
    );
    const current = lint(report({}), '2023.txt');
    expect(crossYear([renamed, current])).toEqual([]);
    const agencies = { 红旗区市场监管局: '红旗区市场监督管理局' };
    const found = crossYear([renamed, current], { agencies })[0]!.diagnostics;
    expect(found.map((d) => d.ruleId)).toEqual(['t3-carry-forward', 't3-carry-forward']);
    const byUri = crossYear([renamed, current], {
      agencies: { 'old-name.txt': '红旗区市场监督管理局' },
    });
    expect(byUri[0]!.diagnostics).toHaveLength(2);
    const off = crossYear([renamed, current], {
      agencies,
      config: () => ({ rules: { 't3-carry-forward': 'off' } }),
    });
    expect(off[0]!.diagnostics).toEqual([]);
    const error = crossYear([renamed, current], {
      agencies,
      config: () => ({ rules: { 't3-carry-forward': 'error' } }),
    });
    expect(error[0]!.diagnostics.map((d) => d.severity)).toEqual(['error', 'error']);
  });

  it('never runs the cross-report rules on a single report', () => {
    const alone = lint(report({ carried: [3, 3] }), '2023.txt');
    expect(alone.diagnostics.some((d) => d.ruleId === 't3-carry-forward')).toBe(false);
    expect(alone.evaluation.some((e) => e.ruleId === 't3-carry-forward')).toBe(false);
  });
});
