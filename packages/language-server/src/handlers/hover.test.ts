import type { CompiledRule } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import { LineIndex } from '@govlint/text';
import { describe, expect, it } from 'vitest';
import { fixtureTemplate } from '../test/template-fixture.js';
import { cellAt, hoverAt } from './hover.js';
import type { LintSnapshot } from '../lint-state.js';

/** A model of one T3 row written `label | v | v | …`, its cells located in `text`. */
function rowModel(text: string, row: string, values: number[]): ReportModel {
  const columns = ['NP', 'BE', 'RI', 'PW', 'LS', 'OT', 'TOT'];
  let at = text.indexOf('|');
  const cells = values.map((value, i) => {
    const start = text.indexOf(String(value), at);
    at = start + String(value).length;
    return {
      table: 'T3',
      row,
      column: columns[i]!,
      value,
      status: 'number' as const,
      raw: String(value),
      range: { start, end: at },
    };
  });
  return {
    uri: 'file:///r.txt',
    template: 'gov-2021',
    length: text.length,
    isReport: true,
    title: null,
    agency: null,
    year: null,
    dates: [],
    sections: [],
    tables: [],
    cells,
    paragraphs: [],
    findings: [],
  };
}

function snapshot(text: string, model: ReportModel): LintSnapshot {
  return {
    uri: 'file:///r.txt',
    version: 1,
    text,
    index: new LineIndex(text),
    result: {
      uri: 'file:///r.txt',
      diagnostics: [],
      model,
      template: fixtureTemplate,
      detection: { template: 'gov-2021', by: 'markers', markers: {}, year: 2023 },
      evaluation: [],
    },
  };
}

describe('hover on a cell', () => {
  const text = '𠀀\r\n（七）总计 | 12 | 0 | 0 | 0 | 0 | 0 | 0 |\r\n';
  const model = rowModel(text, '三.七', [12, 0, 0, 0, 0, 0, 0]);

  it('finds the cell under the cursor, end inclusive', () => {
    const tot = model.cells[6]!;
    expect(cellAt(model, tot.range.end)?.column).toBe('TOT');
    expect(cellAt(model, text.indexOf('总计'))).toBeUndefined();
  });

  it('shows the name, the value and the rule with its computed values', () => {
    const tot = model.cells[6]!;
    const hover = hoverAt(snapshot(text, model), tot.range.start);
    const value = (hover?.contents as { value: string }).value;
    expect(value).toContain('**表三 › 三、本年度办理结果 › （七）总计 › 总计**');
    expect(value).toContain('值：0');
    expect(value).toContain(
      '✗ `t3-row-total` 每行“总计”等于六类申请人之和：**本格** 0 = 自然人 12 + 商业企业 0 + 科研机构 0',
    );
    expect(value).toContain('；0 ≠ 12');
    // The range is in UTF-16 units on line 1 after the CRLF: 𠀀 is on line 0.
    // （七）总计 | 12 | 0 | 0 | 0 | 0 | 0 | 0 |: the seventh value starts at character 33.
    expect(hover?.range).toEqual({
      start: { line: 1, character: 33 },
      end: { line: 1, character: 34 },
    });
  });

  it('lists only the non-zero and unknown terms of a long sum and counts the zeros', () => {
    const columns = ['NP', 'BE', 'RI', 'PW', 'LS', 'OT', 'TOT'];
    const long = {
      ...fixtureTemplate.rules[0]!,
      id: 'long-sum',
      description: '长的和',
      check: {
        kind: 'assert' as const,
        tolerance: 0,
        instances: [
          {
            bindings: {},
            assert: {
              op: '=' as const,
              left: {
                terms: [{ coefficient: 1, cell: { table: 'T3', row: '三.七', column: 'TOT' } }],
                constant: 0,
              },
              right: {
                terms: [...columns, 'NP'].map((column, i) => ({
                  coefficient: 1,
                  cell: { table: 'T3', row: i < 7 ? '三.七' : '三.四.1', column },
                })),
                constant: 0,
              },
            },
          },
        ],
      },
    };
    const snap = snapshot(text, model);
    const withLong = {
      ...snap,
      result: { ...snap.result, template: { ...fixtureTemplate, rules: [long] } },
    };
    const hover = hoverAt(withLong, model.cells[6]!.range.start);
    expect((hover?.contents as { value: string }).value).toContain(
      // 三.四.1 is not in the model: its value is unknown, so is the verdict.
      '？ `long-sum` 长的和：**本格** 0 = 自然人 12 + **本格** 0 + 1.本机关不掌握相关政府信息（自然人） ？ + 其余 5 项（均为 0）；无法计算（缺少单元格）',
    );
  });

  it('lists a narrative rule that compares the text with the cell, with the lint verdict', () => {
    // Only the check's assert matters to the hover; the pattern is left out (cast).
    const narrative = {
      ...fixtureTemplate.rules[0]!,
      id: 'narrative-total',
      description: '正文所说的申请总数与表三一致',
      check: {
        kind: 'text' as const,
        scope: { unit: 'sentence' as const },
        patterns: [],
        assert: {
          op: '=' as const,
          left: { capture: 'n' },
          right: {
            terms: [{ coefficient: 1, cell: { table: 'T3', row: '三.七', column: 'TOT' } }],
            constant: 0,
          },
        },
      },
    } as unknown as CompiledRule;
    const snap = snapshot(text, model);
    const template = { ...fixtureTemplate, rules: [narrative] };
    const diagnostic = {
      ruleId: 'narrative-total',
      severity: 'warning' as const,
      message: '正文说共 12 件，表中为 0',
      range: { start: 0, end: 2 },
    };
    const withNarrative = {
      ...snap,
      result: { ...snap.result, template, diagnostics: [diagnostic] },
    };
    const value = (
      hoverAt(withNarrative, model.cells[6]!.range.start)?.contents as { value: string }
    ).value;
    expect(value).toContain(
      '- `narrative-total` 正文所说的申请总数与表三一致：✗ 正文说共 12 件，表中为 0',
    );
    const quiet = { ...snap, result: { ...snap.result, template } };
    expect(
      (hoverAt(quiet, model.cells[6]!.range.start)?.contents as { value: string }).value,
    ).toContain('✓');
    // A cell the rule does not read does not list it.
    expect(
      (hoverAt(quiet, model.cells[0]!.range.start)?.contents as { value: string }).value,
    ).not.toContain('narrative-total');
  });

  it('marks a rule that holds', () => {
    const good = rowModel(
      '（七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      '三.七',
      [2, 0, 0, 0, 0, 0, 2],
    );
    const hover = hoverAt(
      snapshot('（七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', good),
      good.cells[0]!.range.start,
    );
    expect((hover?.contents as { value: string }).value).toMatch(/✓ `t3-row-total`.*；2 = 2/);
  });
});
