import { describe, expect, it } from 'vitest';
import { LineIndex } from '@govlint/text';
import { applyFixes, createLinter } from '../index.js';
import { testPack } from '../test/fixture.js';
import { readTestReport, seed000Rows, seed002Rows, testReport } from '../test/reader.js';

const linter = createLinter({ packs: [testPack], read: readTestReport });
const lint = (text: string, config?: Parameters<typeof linter.lint>[1]['config']) =>
  linter.lint(text, { uri: 'file:///r.txt', ...(config ? { config } : {}) });

const lineOf = (text: string, offset: number) => new LineIndex(text).lineColumn(offset).line;
const errors = (r: ReturnType<typeof lint>) => r.diagnostics.filter((d) => d.severity === 'error');

describe('arithmetic identities', () => {
  it('passes a consistent table and counts every instance as passed', () => {
    const r = lint(testReport({}));
    expect(errors(r)).toEqual([]);
    const rowTotal = r.evaluation.find((e) => e.ruleId === 't3-row-total');
    expect(rowTotal).toEqual({
      ruleId: 't3-row-total',
      instances: 25,
      passed: 25,
      failed: 0,
      notEvaluable: 0,
    });
  });

  it('reports seed 000 with the arithmetic and names the root cause', () => {
    const text = testReport({ rows: seed000Rows });
    const r = lint(text);
    const found = errors(r).map((d) => [d.ruleId, lineOf(text, d.range.start)]);
    // Lines: title 1, marker 2, then T3 rows from line 3 (三.四.1 = 15, 三.七 = 26).
    // Sorted by position; the balance sits on the first cell of its left side.
    expect(found).toEqual([
      ['t3-column-balance', 3],
      ['t3-row-total', 15],
      ['t3-row-total', 26],
    ]);
    const [balance, root, grand] = errors(r);
    expect(root?.message).toBe(
      '表三“1.本机关不掌握相关政府信息”行：六类申请人之和为 2，“总计”栏填 0（2+0+0+0+0+0≠0）',
    );
    expect(grand?.message).toBe(
      '表三“（七）总计”行：六类申请人之和为 2，“总计”栏填 0（2+0+0+0+0+0≠0）；可能的根源：“1.本机关不掌握相关政府信息”行“总计”栏填 0，应为 2',
    );
    expect(balance?.message).toContain('第一项加第二项之和为 2（2+0）');
    expect(balance?.message).toContain('可能的根源：“1.本机关不掌握相关政府信息”行“总计”栏');
    // The result total held (0 = 0): it is not reported.
    expect(r.diagnostics.some((d) => d.ruleId === 't3-result-total')).toBe(false);
  });

  it('points at the wrong cell, lists every cell of the sum, and links the docs', () => {
    const text = testReport({ rows: seed000Rows });
    const root = errors(lint(text)).find((d) => d.ruleId === 't3-row-total');
    expect(text.slice(root!.range.start, root!.range.end)).toBe('0');
    expect(root!.related).toHaveLength(7);
    expect(root!.related![0]!.message).toBe('“1.本机关不掌握相关政府信息”行“总计”栏：0');
    expect(root!.related![1]!.message).toBe('“1.本机关不掌握相关政府信息”行“自然人”栏：2');
    expect(root!.docsUrl).toBe(
      'https://github.com/govlint/govlint/blob/main/docs/rules/t3-row-total.md',
    );
  });

  it('fixes the root cause and the total derived from it, and the fixed text is clean', () => {
    const text = testReport({ rows: seed000Rows });
    const r = lint(text);
    const fixes = r.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    expect(fixes[0]?.edits).toHaveLength(2);
    expect(fixes[0]?.title).toBe(
      '将“1.本机关不掌握相关政府信息”行“总计”栏改为 2，并将“（七）总计”行“总计”栏改为 2',
    );
    const fixed = applyFixes(text, fixes);
    expect(fixed.text).toBe(
      testReport({
        rows: { ...seed000Rows, '三.四.1': [2, 0, 0, 0, 0, 0, 2], '三.七': [2, 0, 0, 0, 0, 0, 2] },
      }),
    );
    expect(errors(lint(fixed.text))).toEqual([]);
    // Idempotent: nothing left to fix.
    expect(applyFixes(fixed.text, []).text).toBe(fixed.text);
  });

  it('reports seed 002 as one wrong cell behind three errors', () => {
    const text = testReport({ rows: seed002Rows });
    const r = lint(text);
    expect(errors(r).map((d) => d.ruleId)).toEqual([
      't3-column-balance',
      't3-result-total',
      't3-row-total',
    ]);
    const rowTotal = errors(r).find((d) => d.ruleId === 't3-row-total')!;
    expect(rowTotal.message).toBe(
      '表三“（七）总计”行：六类申请人之和为 12，“总计”栏填 0（12+0+0+0+0+0≠0）',
    );
    const resultTotal = errors(r).find((d) => d.ruleId === 't3-result-total')!;
    expect(resultTotal.message).toContain('（7+3+0+0+0+0+1+0+0+0+1+0+0+0+0+0+0+0+0+0+0≠0）');
    expect(resultTotal.message).toContain('可能的根源：“（七）总计”行“总计”栏填 0，应为 12');
    const fixed = applyFixes(
      text,
      r.diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])),
    );
    expect(errors(lint(fixed.text))).toEqual([]);
  });

  it('does not evaluate identities whose rows are missing (seed 001)', () => {
    const text = testReport({ omit: ['三.六.1', '三.六.2', '三.六.3', '三.七', '四'] });
    const r = lint(text);
    expect(errors(r).map((d) => d.ruleId)).toEqual(['table-rows-missing']);
    const byRule = Object.fromEntries(r.evaluation.map((e) => [e.ruleId, e]));
    expect(byRule['t3-result-total']).toMatchObject({ passed: 0, failed: 0, notEvaluable: 7 });
    expect(byRule['t3-column-balance']).toMatchObject({ passed: 0, failed: 0, notEvaluable: 7 });
    expect(byRule['t3-row-total']).toMatchObject({ passed: 20, notEvaluable: 5 });
  });

  it('renders reader findings through the pack message, with a fallback', () => {
    const text = testReport({ omit: ['四'] });
    const [missing] = errors(lint(text));
    expect(missing?.message).toBe('表三缺少 1 行：四');
  });

  it("keeps the reader's severity for a case of a rule (regression: a dropped character stays info)", () => {
    const read: typeof readTestReport = (text, template, options) => {
      const model = readTestReport(text, template, options);
      const range = { start: 0, end: 2 };
      const data = { table: '表三', expected: '总计' };
      return {
        ...model,
        findings: [
          {
            ruleId: 'label-variant',
            severity: 'info',
            message: 'dropped',
            range,
            data: { ...data, found: '计' },
          },
          {
            ruleId: 'label-variant',
            severity: 'warning',
            message: 'word',
            range,
            data: { ...data, found: '合计' },
          },
        ],
      };
    };
    const r = createLinter({ packs: [testPack], read }).lint(testReport({}), { uri: 'x' });
    // Same range: sorted by severity.
    expect(r.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', '标签“合计”与模板“总计”不完全一致'],
      ['info', '标签“计”与模板“总计”不完全一致'],
    ]);
  });

  it('reports a negative or fractional count at its cell', () => {
    const text = testReport({ rows: { '三.一': [1.5, 0, 0, 0, 0, 0, 1.5] } });
    const kinds = lint(text).diagnostics.filter((d) => d.ruleId === 'cell-non-negative-integer');
    expect(kinds).toHaveLength(2);
    expect(text.slice(kinds[0]!.range.start, kinds[0]!.range.end)).toBe('1.5');
    // The fixture pack does not declare the rule: the reader-style fallback message.
    expect(kinds[0]!.message).toBe('“1.5”不是非负整数');
  });

  it('never reports a whole number ≥ 0, in any column', () => {
    const text = testReport({ rows: { '三.一': [0, 1, 2, 30, 400, 0, 433] } });
    const r = lint(text);
    expect(r.model?.cells.some((c) => c.value === 400)).toBe(true);
    expect(r.diagnostics.filter((d) => d.ruleId === 'cell-non-negative-integer')).toEqual([]);
  });

  it('counts a blank cell as 0 and reports it at the pack severity', () => {
    const text = testReport({
      rows: {
        一: [1, '', 0, 0, 0, 0, 1],
        '三.一': [1, 0, 0, 0, 0, 0, 1],
        '三.七': [1, 0, 0, 0, 0, 0, 1],
      },
    });
    const r = lint(text);
    expect(errors(r)).toEqual([]);
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['cell-blank', 'info']]);
  });

  it('offers no fix when no repair makes the table consistent', () => {
    // One result row's parts sum to 1, but neither its total, the grand
    // total nor the applications received say so: every single repair
    // breaks another identity, so the right value is not certain.
    const certain = testReport({ rows: { '三.一': [1, 0, 0, 0, 0, 0, 0] } });
    const r = lint(certain);
    const rowTotal = r.diagnostics.find((d) => d.ruleId === 't3-row-total');
    expect(rowTotal?.fix).toBeUndefined();
  });
});

describe('configuration', () => {
  const text = testReport({ rows: seed000Rows });

  it('turns a rule off, and the evaluation leaves it out', () => {
    const r = lint(text, { rules: { 't3-row-total': 'off' } });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['t3-column-balance']);
    expect(r.evaluation.map((e) => e.ruleId)).not.toContain('t3-row-total');
  });

  it('overrides a severity', () => {
    const r = lint(text, { rules: { 't3-column-balance': 'warning' } });
    expect(r.diagnostics.find((d) => d.ruleId === 't3-column-balance')?.severity).toBe('warning');
  });
});
