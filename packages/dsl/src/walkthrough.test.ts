// The walk-through of docs/dsl.md, compiled: a template that extends gov-2021
// with one more row in table 三 and one more rule.
import { describe, expect, it } from 'vitest';
import { compilePack } from './pack.js';
import { realPack } from './test/packs.js';
import { set, violations, zeros } from './test/evaluate.js';

const child = `template gov-next extends gov-2021 {
  title "新格式"
  document "新文号"
  years 2030..
}
amend table T3 {
  rows { insert after 三 { 三.八 "（八）转送其他机关" } }
}
rule t3-transferred-vs-new {
  severity warning
  category arithmetic
  description "表三：转送其他机关的申请不应多于本年新收"
  message "表三“{column}”列：转送其他机关 {left} 件，多于本年新收 {right} 件"
  docs "转送的申请是本年新收申请的一部分。"
  for each column c in T3:
    T3[三.八, c] ≤ T3[一, c]
}
`;

describe('the docs walk-through: add a row and a rule', () => {
  const result = compilePack([...realPack(), { uri: 'gov-next.govlint', text: child }]);
  const t = result.pack?.templates.find((x) => x.id === 'gov-next');

  it('compiles', () => {
    expect(result.diagnostics).toEqual([]);
    expect(t).toBeDefined();
  });

  it('places the row after group 三, outside its leaves', () => {
    const rows = t!.tables.find((x) => x.id === 'T3')!.blocks[0]!.rows.map((r) => r.id);
    expect(rows.slice(-3)).toEqual(['三.七', '三.八', '四']);
    const rule = (id: string) => t!.rules.find((r) => r.id === id)!;
    const rowTotal = rule('t3-row-total').check;
    expect(rowTotal.kind === 'assert' && rowTotal.instances.length).toBe(26);
    const resultTotal = rule('t3-result-total').check;
    expect(
      resultTotal.kind === 'assert' && resultTotal.instances[0]!.assert.right.terms.length,
    ).toBe(21);
  });

  it('checks the new rule', () => {
    const rule = t!.rules.find((r) => r.id === 't3-transferred-vs-new')!;
    expect(violations(rule, set(zeros(t!), 'T3', '三.八', 'NP', 1))).toHaveLength(1);
    expect(
      violations(rule, set(set(zeros(t!), 'T3', '三.八', 'NP', 1), 'T3', '一', 'NP', 1)),
    ).toEqual([]);
  });
});
