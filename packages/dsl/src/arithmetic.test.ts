import { describe, expect, it } from 'vitest';
import type { CompiledRule, CompiledTemplate } from './compiled.js';
import { compilePack } from './pack.js';
import { realPack } from './test/packs.js';
import { render, set, violations, zeros, type Values } from './test/evaluate.js';

const pack = compilePack(realPack()).pack!;
const template = (id: string): CompiledTemplate => pack.templates.find((t) => t.id === id)!;

interface Case {
  /** Values under which the rule fires, and the binding of the violated instance. */
  readonly fires: (v: Values) => Values;
  readonly where?: string;
  /** Values under which it must not fire (besides all zeros). */
  readonly passes: (v: Values) => Values;
}

/** For each arithmetic rule: one report that breaks it, one that keeps it. */
function cases(t: CompiledTemplate): Record<string, Case> {
  const lastResult = t.id === 'gov-2019' ? '三.六' : '三.六.3';
  const all: Record<string, Case> = {
    't3-row-total': {
      // seed 000: 三.四.1 has NP = 2 but TOT = 0
      fires: (v) => set(v, 'T3', '三.四.1', 'NP', 2),
      where: '1.本机关不掌握相关政府信息',
      passes: (v) => set(set(v, 'T3', '三.四.1', 'NP', 2), 'T3', '三.四.1', 'TOT', 2),
    },
    't3-column-balance': {
      fires: (v) => set(v, 'T3', '一', 'NP', 12),
      where: '自然人',
      passes: (v) => set(set(v, 'T3', '一', 'NP', 12), 'T3', '三.七', 'NP', 12),
    },
    't3-result-total': {
      fires: (v) => set(v, 'T3', lastResult, 'BE', 1),
      where: '商业企业',
      passes: (v) => set(set(v, 'T3', lastResult, 'BE', 1), 'T3', '三.七', 'BE', 1),
    },
    't4-review-total': {
      fires: (v) => set(v, 'T4', 'V', 'RV.纠正', 1),
      passes: (v) => set(set(v, 'T4', 'V', 'RV.纠正', 1), 'T4', 'V', 'RV.总计', 1),
    },
    't4-direct-suit-total': {
      fires: (v) => set(v, 'T4', 'V', 'LD.总计', 3),
      passes: (v) => set(set(v, 'T4', 'V', 'LD.未结', 3), 'T4', 'V', 'LD.总计', 3),
    },
    't4-suit-after-review-total': {
      fires: (v) => set(v, 'T4', 'V', 'LR.维持', 2),
      passes: (v) => set(set(v, 'T4', 'V', 'LR.维持', 2), 'T4', 'V', 'LR.总计', 2),
    },
    't2-issued-vs-valid': {
      fires: (v) => set(v, 'T2', '规章', '制发', 3),
      where: '规章',
      // seed 002: 行政规范性文件 0 issued, 2 repealed, 3 valid
      passes: (v) =>
        set(set(v, 'T2', '行政规范性文件', '废止', 2), 'T2', '行政规范性文件', '有效', 3),
    },
    't4-suit-after-review-without-review': {
      fires: (v) => set(v, 'T4', 'V', 'LR.总计', 1),
      passes: (v) => set(set(v, 'T4', 'V', 'LR.总计', 1), 'T4', 'V', 'RV.总计', 1),
    },
    't4-cases-without-applications': {
      // seed 002's T4 (RV.纠正 = RV.总计 = 1) without any application
      fires: (v) => set(v, 'T4', 'V', 'RV.总计', 1),
      passes: (v) => set(set(v, 'T4', 'V', 'RV.总计', 1), 'T3', '二', 'TOT', 1),
    },
    't3-rare-applicant': {
      fires: (v) => set(v, 'T3', '一', 'PW', 1),
      where: '社会公益组织',
      passes: (v) => set(v, 'T3', '一', 'NP', 5),
    },
  };
  const ids = new Set(t.rules.filter((r) => r.check.kind === 'assert').map((r) => r.id));
  return Object.fromEntries(Object.entries(all).filter(([id]) => ids.has(id)));
}

describe.each(['gov-2021', 'gov-2019'])('arithmetic rules of %s', (id) => {
  const t = template(id);
  // Cross-report rules (`previous …`) need two reports: core's cross-year tests cover them.
  const arithmetic = t.rules.filter((r) => r.check.kind === 'assert' && !r.check.crossReport);
  const table = cases(t);
  const rule = (ruleId: string): CompiledRule => arithmetic.find((r) => r.id === ruleId)!;

  it('has a case for every arithmetic rule', () => {
    expect(Object.keys(table).sort()).toEqual(arithmetic.map((r) => r.id).sort());
  });

  it('finds nothing wrong in a report of zeros', () => {
    for (const r of arithmetic) expect(violations(r, zeros(t)), r.id).toEqual([]);
  });

  it.each(Object.keys(table))('%s fires on a broken report and not on a kept one', (ruleId) => {
    const c = table[ruleId]!;
    const broken = violations(rule(ruleId), c.fires(zeros(t)));
    expect(broken).toHaveLength(1);
    if (c.where) expect(Object.values(broken[0]!.bindings)).toContain(c.where);
    expect(violations(rule(ruleId), c.passes(zeros(t)))).toEqual([]);
  });
});

describe('messages', () => {
  it('renders the spec example for seed 000 row 三.七', () => {
    const t = template('gov-2021');
    const r = t.rules.find((x) => x.id === 't3-row-total')!;
    const v = set(zeros(t), 'T3', '三.七', 'NP', 2);
    const [i] = violations(r, v);
    expect(render(r, i!, v)).toBe(
      '表三“（七）总计”行：六类申请人之和为 2，但“总计”列填写 0（2+0+0+0+0+0 ≠ 0）',
    );
  });

  it('offers the total cell as the fix of a total identity', () => {
    const t = template('gov-2021');
    const r = t.rules.find((x) => x.id === 't4-review-total')!;
    const [i] = violations(r, set(zeros(t), 'T4', 'V', 'RV.纠正', 1));
    expect(i!.fixCell).toEqual({ table: 'T4', row: 'V', column: 'RV.总计' });
  });
});
