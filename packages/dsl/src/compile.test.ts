import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePack, type AssertionCheck, type CompiledTemplate } from './index.js';

const rulesDir = new URL('../../../rules/', import.meta.url);

function packFiles(dir: string): { uri: string; text: string }[] {
  const base = new URL(`${dir}/`, rulesDir);
  return readdirSync(base)
    .filter((f) => f.endsWith('.govlint'))
    .sort()
    .map((f) => ({ uri: `rules/${dir}/${f}`, text: readFileSync(new URL(f, base), 'utf8') }));
}

function template(id: string): CompiledTemplate {
  const result = compilePack([...packFiles('gov-2021'), ...packFiles('gov-2019')]);
  expect(result.diagnostics).toEqual([]);
  const t = result.pack?.templates.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

function assertion(t: CompiledTemplate, id: string): AssertionCheck {
  const rule = t.rules.find((r) => r.id === id);
  if (rule?.check.kind !== 'assert') throw new Error(`${id} is not an assertion`);
  return rule.check;
}

describe('compilePack on the real gov-2021 pack', () => {
  const t = template('gov-2021');

  it('declares the six sections in order', () => {
    expect(t.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(t.sections.map((s) => s.order)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives T3 25 rows × 7 columns with 21 leaves under 三', () => {
    const t3 = t.tables.find((x) => x.id === 'T3')!;
    expect(t3.blocks).toHaveLength(1);
    const [block] = t3.blocks;
    expect(block!.rows).toHaveLength(25);
    expect(block!.columns.map((c) => c.id)).toEqual(['NP', 'BE', 'RI', 'PW', 'LS', 'OT', 'TOT']);
    expect(block!.columns[1]!.groups).toEqual(['申请人情况', '法人或其他组织']);
    const row = block!.rows.find((r) => r.id === '三.四.1')!;
    expect(row.path).toEqual(['三、本年度办理结果', '（四）无法提供']);
    expect(block!.rows.find((r) => r.id === '三.七')!.leaf).toBe(false);
  });

  it('gives T2 four blocks and 10 cells, the fee in 万元', () => {
    const t2 = t.tables.find((x) => x.id === 'T2')!;
    expect(t2.blocks.map((b) => b.id)).toEqual(['一', '五', '六', '八']);
    const cells = t2.blocks.reduce((n, b) => n + b.rows.length * b.columns.length, 0);
    expect(cells).toBe(10);
    expect(t2.blocks[3]!.columns[0]!.kind).toEqual({ type: 'amount', unit: '万元' });
  });

  it('gives T4 one unlabelled row of 15 columns', () => {
    const t4 = t.tables.find((x) => x.id === 'T4')!;
    expect(t4.blocks[0]!.rows).toHaveLength(1);
    expect(t4.blocks[0]!.rows[0]!.label).toBe('');
    expect(t4.blocks[0]!.columns).toHaveLength(15);
    expect(t4.blocks[0]!.columns[5]!.groups).toEqual(['行政诉讼', '未经复议直接起诉']);
  });

  it('expands t3-row-total into 25 instances of TOT = six columns', () => {
    const check = assertion(t, 't3-row-total');
    expect(check.instances).toHaveLength(25);
    const total = check.instances.find((i) => i.bindings.row === '（七）总计')!;
    expect(total.assert.right.terms.map((x) => x.cell.column)).toEqual([
      'NP',
      'BE',
      'RI',
      'PW',
      'LS',
      'OT',
    ]);
    expect(total.fixCell).toEqual({ table: 'T3', row: '三.七', column: 'TOT' });
  });

  it('sums 21 leaves in t3-result-total', () => {
    const check = assertion(t, 't3-result-total');
    expect(check.instances).toHaveLength(7);
    for (const i of check.instances) expect(i.assert.right.terms).toHaveLength(21);
  });

  it('marks builtins and the rule that is off by default', () => {
    const rule = (id: string) => t.rules.find((r) => r.id === id)!;
    expect(rule('section-missing').check.kind).toBe('builtin');
    expect(rule('t3-rare-applicant').enabled).toBe(false);
    expect(rule('t3-row-total').docsUrl).toBe(
      'https://github.com/govlint/govlint/blob/main/docs/rules/t3-row-total.md',
    );
  });

  it('freezes the compiled template deeply', () => {
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.tables[1]!.blocks[0]!.rows[0]!.path)).toBe(true);
    expect(
      Object.isFrozen(assertion(t, 't3-row-total').instances[0]!.assert.left.terms[0]!.cell),
    ).toBe(true);
  });
});

describe('compilePack on gov-2019, which extends gov-2021', () => {
  const t = template('gov-2019');

  it('inherits sections and T4, replaces T2 and amends T3', () => {
    expect(t.extends).toBe('gov-2021');
    expect(t.years).toEqual({ from: 2019, to: 2020 });
    expect(t.sections).toHaveLength(6);
    const t2 = t.tables.find((x) => x.id === 'T2')!;
    expect(t2.blocks.map((b) => b.id)).toEqual(['一', '五', '六', '八', '九']);
    expect(t2.blocks.reduce((n, b) => n + b.rows.length * b.columns.length, 0)).toBe(22);
    expect(t2.blocks[1]!.columns[1]!.kind).toEqual({ type: 'count', signed: true });
    const t3rows = t.tables.find((x) => x.id === 'T3')!.blocks[0]!.rows;
    expect(t3rows).toHaveLength(23);
    expect(t3rows.find((r) => r.id === '三.六')).toMatchObject({
      label: '（六）其他处理',
      leaf: true,
    });
    expect(t3rows.some((r) => r.id === '三.六.1')).toBe(false);
    expect(t.tables.find((x) => x.id === 'T4')!.blocks[0]!.columns).toHaveLength(15);
  });

  it('has 23 row-total instances and 19 leaves in each result total', () => {
    expect(assertion(t, 't3-row-total').instances).toHaveLength(23);
    for (const i of assertion(t, 't3-result-total').instances) {
      expect(i.assert.right.terms).toHaveLength(19);
      expect(i.assert.right.terms.some((x) => x.cell.row === '三.六')).toBe(true);
    }
  });

  it('drops the rule that needs V2021 columns and keeps the others', () => {
    expect(t.rules.some((r) => r.id === 't2-issued-vs-valid')).toBe(false);
    expect(t.rules.some((r) => r.id === 'section-missing')).toBe(true);
    expect(t.markers).toContain('本年新制作数量');
  });
});
