import { describe, expect, it } from 'vitest';
import type * as A from './ast.js';
import { parseRules } from './parse.js';

function parse(text: string): A.RulesFile {
  const r = parseRules(text, 'test.govlint');
  expect(r.diagnostics).toEqual([]);
  return r.ast;
}

function only<K extends A.Declaration['kind']>(
  text: string,
  kind: K,
): Extract<A.Declaration, { kind: K }> {
  const [d] = parse(text).declarations;
  expect(d?.kind).toBe(kind);
  return d as Extract<A.Declaration, { kind: K }>;
}

function ruleCheck(body: string): A.CheckDecl {
  const rule = only(`rule x {\n${body}\n}`, 'rule');
  expect(rule.checks).toHaveLength(1);
  return rule.checks[0]!;
}

describe('template declarations', () => {
  it('reads a template with every property', () => {
    const t = only(
      'template gov-2021 extends base { title "标题" document "文号" years 2021.. markers "甲", "乙" }',
      'template',
    );
    expect(t.name.text).toBe('gov-2021');
    expect(t.extends?.text).toBe('base');
    expect(t.hasBody).toBe(true);
    expect(t.title?.value).toBe('标题');
    expect(t.document?.value).toBe('文号');
    expect(t.years).toMatchObject({ from: 2021, to: undefined });
    expect(t.markers?.map((m) => m.value)).toEqual(['甲', '乙']);
  });

  it('reads closed and single-year ranges', () => {
    expect(only('template a { years 2019..2020 }', 'template').years).toMatchObject({
      from: 2019,
      to: 2020,
    });
    expect(only('template a { years 2019 }', 'template').years).toMatchObject({
      from: 2019,
      to: 2019,
    });
  });

  it('reads a bare header line', () => {
    const t = only('template gov-2021\n', 'template');
    expect(t.hasBody).toBe(false);
  });
});

describe('sections and tables', () => {
  it('reads a section with variants', () => {
    const s = only('section 五 "五、甲" variants "五、乙", "五、丙"', 'section');
    expect(s.name.text).toBe('五');
    expect(s.heading.value).toBe('五、甲');
    expect(s.variants.map((v) => v.value)).toEqual(['五、乙', '五、丙']);
  });

  it('reads columns with groups, kinds and aliases, and rows with groups and totals', () => {
    const t = only(
      `table T3 "标题" in section 三 {
        anchors "甲", "乙"
        columns count { NP "自然人" aliases "个人" group LP "法人" { BE "商业" } 金额 "钱" amount "万元" 增减 "变化" signed }
        rows { 一 "一、x" group 三 "三、y" { 三.一 "（一）z" 三.七 "（七）总计" total } }
      }`,
      'table',
    );
    expect(t.amend).toBe(false);
    expect(t.title?.value).toBe('标题');
    expect(t.section?.text).toBe('三');
    expect(t.anchors?.map((a) => a.value)).toEqual(['甲', '乙']);
    expect(t.columns?.kind?.type).toBe('count');
    const [np, lp, amount, signed] = t.columns!.items as A.LeafItem[];
    expect(np!.aliases.map((a) => a.value)).toEqual(['个人']);
    expect(lp!.kind).toBe('group');
    expect(amount!.cellKind).toMatchObject({ type: 'amount', unit: { value: '万元' } });
    expect(signed!.cellKind?.type).toBe('signed');
    const group = t.rows!.items[1] as A.GroupItem;
    expect(group.name?.text).toBe('三');
    expect((group.items[1] as A.LeafItem).total).toBe(true);
  });

  it('reads blocks', () => {
    const t = only(
      'table T2 "t" { block 一 "第一块" { columns count { a "甲" } rows { x "乙" } } }',
      'table',
    );
    expect(t.blocks).toHaveLength(1);
    expect(t.blocks[0]!.name.text).toBe('一');
    expect(t.blocks[0]!.anchors.map((a) => a.value)).toEqual(['第一块']);
    expect(t.blocks[0]!.rows?.items).toHaveLength(1);
  });

  it('reads amend with replace, remove and insert', () => {
    const t = only(
      'amend table T3 { rows { 三.六 "（六）其他处理" remove 三.五.4, 三.五.5 insert after 三.一 { 三.一a "新" } insert before 四 { x "y" } } }',
      'table',
    );
    expect(t.amend).toBe(true);
    expect(t.rows!.items.map((i) => i.kind)).toEqual(['leaf', 'remove', 'insert', 'insert']);
    const remove = t.rows!.items[1] as A.RemoveItem;
    expect(remove.names.map((n) => n.text)).toEqual(['三.五.4', '三.五.5']);
    const insert = t.rows!.items[2] as A.InsertItem;
    expect(insert).toMatchObject({ position: 'after', anchor: { text: '三.一' } });
    expect((t.rows!.items[3] as A.InsertItem).position).toBe('before');
  });

  it('reads remove declarations and lexicons', () => {
    const r = only('remove rule t2-a, t2-b', 'remove');
    expect(r.target).toBe('rule');
    expect(r.names.map((n) => n.text)).toEqual(['t2-a', 't2-b']);
    const l = only('lexicon typos { "正太分布" note "正态分布" "甲乙" }', 'lexicon');
    expect(l.entries.map((e) => [e.text.value, e.note?.value])).toEqual([
      ['正太分布', '正态分布'],
      ['甲乙', undefined],
    ]);
  });
});

describe('rules and expressions', () => {
  it('reads every rule property', () => {
    const r = only(
      'rule t3-row-total { severity error category arithmetic description "描述" message "消息 {row}" docs "说明" tolerance 0.01 builtin }',
      'rule',
    );
    expect(r.name.text).toBe('t3-row-total');
    expect(r.properties.map((p) => p.key)).toEqual([
      'severity',
      'category',
      'description',
      'message',
      'docs',
      'tolerance',
      'builtin',
    ]);
    const tol = r.properties[5] as Extract<A.RuleProperty, { key: 'tolerance' }>;
    expect(tol.value.value).toBe(0.01);
  });

  it('reads a quantified assertion with a sum over a range', () => {
    const c = ruleCheck('for each row r in T3: T3[r, TOT] = sum(T3[r, NP..OT])') as A.AssertionDecl;
    expect(c.quantifiers).toMatchObject([
      { dimension: 'row', variable: { text: 'r' }, table: { text: 'T3' } },
    ]);
    const [left] = c.comparison.left.terms;
    expect(left!.atom).toMatchObject({ kind: 'cell', row: { kind: 'name', name: { text: 'r' } } });
    const [right] = c.comparison.right.terms;
    expect(right!.atom).toMatchObject({
      kind: 'sum',
      cells: { column: { kind: 'range', from: { text: 'NP' }, to: { text: 'OT' } } },
    });
  });

  it('reads selectors: leaves of, lists, quantifier sets and one-argument cells', () => {
    const c = ruleCheck(
      'for each column c in T3[(RI, PW)], for each row r in T2[一]: T3[三.七, c] = sum(T3[leaves of 三, c]) + T4[RV.总计]',
    ) as A.AssertionDecl;
    expect(c.quantifiers[0]!.selector).toMatchObject({
      kind: 'list',
      names: [{ text: 'RI' }, { text: 'PW' }],
    });
    expect(c.quantifiers[1]!.selector).toMatchObject({ kind: 'name', name: { text: '一' } });
    expect(c.comparison.right.terms[0]!.atom).toMatchObject({
      kind: 'sum',
      cells: { row: { kind: 'leaves' } },
    });
    const t4 = c.comparison.right.terms[1]!.atom as A.CellAst;
    expect(t4.row).toBeUndefined();
    expect(t4.column).toMatchObject({ kind: 'name', name: { text: 'RV.总计' } });
  });

  it('reads signs, factors and numbers', () => {
    const c = ruleCheck('assert -T[a, b] + 2 * T[c, d] - 3 = 0') as A.AssertionDecl;
    expect(c.comparison.left.terms.map((t) => [t.sign, t.factor, t.atom.kind])).toEqual([
      [-1, 1, 'cell'],
      [1, 2, 'cell'],
      [-1, 1, 'number'],
    ]);
  });

  it.each([
    ['=', '='],
    ['≠', '≠'],
    ['!=', '≠'],
    ['<', '<'],
    ['≤', '≤'],
    ['<=', '≤'],
    ['>', '>'],
    ['≥', '≥'],
    ['>=', '≥'],
  ])('reads the comparison %s', (written, op) => {
    const c = ruleCheck(`T[a, b] ${written} 0`) as A.AssertionDecl;
    expect(c.comparison.op).toBe(op);
  });

  it('reads when with and, or, not and parentheses', () => {
    const c = ruleCheck(
      'T[a, b] = 0 when not (T[a, c] = 0 or T[a, d] > 1) and T[e, f] ≥ 0',
    ) as A.AssertionDecl;
    expect(c.when).toMatchObject({
      kind: 'and',
      operands: [{ kind: 'not', operand: { kind: 'or' } }, { kind: 'compare' }],
    });
  });

  it('reads a text check with every pattern element', () => {
    const c = ruleCheck(
      'text in section 一 by sentence match "未" ("发生" | "收到") gap 0..20 "行政复议" or optional("全年") "受理" number n "件" lexicon 量词 expect n = T3[一, TOT]',
    ) as A.TextCheckDecl;
    expect(c.section?.text).toBe('一');
    expect(c.unit).toBe('sentence');
    expect(c.patterns).toHaveLength(2);
    expect(c.patterns[0]!.elements.map((e) => e.kind)).toEqual([
      'literal',
      'alt',
      'gap',
      'literal',
    ]);
    expect(c.patterns[1]!.elements.map((e) => e.kind)).toEqual([
      'optional',
      'literal',
      'number',
      'literal',
      'lexicon',
    ]);
    expect(c.expect?.left.terms[0]!.atom).toMatchObject({ kind: 'capture', name: { text: 'n' } });
  });

  it('marks a text check made of one lexicon', () => {
    const c = ruleCheck('text by paragraph match lexicon spam') as A.TextCheckDecl;
    expect(c.unit).toBe('paragraph');
    expect(c.lexicon?.text).toBe('spam');
  });
});

describe('lexical details', () => {
  it('skips comments and accepts full-width punctuation', () => {
    const s = only('// 注释\n/* 块\n注释 */ section 五 "五、甲" variants "a"，"b"', 'section');
    expect(s.variants).toHaveLength(2);
    const c = ruleCheck('for each row r in T：T[r，A] = 0') as A.AssertionDecl;
    expect(c.quantifiers).toHaveLength(1);
  });

  it('reads CJK Extension B identifiers and counts them in UTF-16 units', () => {
    const s = only('section 𠀀甲 "x"', 'section');
    expect(s.name.text).toBe('𠀀甲');
    expect(s.name.range).toEqual({ start: 8, end: 11 });
  });

  it('keeps offsets with CRLF line ends', () => {
    const text = 'section 一 "a"\r\nsection 二 "b"\r\n';
    const [, second] = parse(text).declarations as A.SectionDecl[];
    expect(text.slice(second!.name.range.start, second!.name.range.end)).toBe('二');
  });

  it('resolves escapes in strings and keeps the raw text', () => {
    const s = only('section 一 "甲\\"乙\\\\"', 'section');
    expect(s.heading.value).toBe('甲"乙\\');
    expect(s.heading.raw).toBe('甲\\"乙\\\\');
  });

  it('distinguishes keywords from identifiers that start with one', () => {
    const s = only('section inserted "x"', 'section');
    expect(s.name.text).toBe('inserted');
    const t = only('table rows-x "x" { rows { insertion "甲" } }', 'table');
    expect(t.name.text).toBe('rows-x');
  });
});
