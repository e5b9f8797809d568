import { describe, expect, it } from 'vitest';
import { parseRules } from './parse.js';
import {
  completionsAt,
  definitionAt,
  documentSymbols,
  hoverAt,
  openWorkspace,
  referencesAt,
  type RulesWorkspace,
} from './services.js';
import { realPack } from './test/packs.js';

const sources = realPack();
const ws: RulesWorkspace = openWorkspace(sources);
const text = (uri: string): string => sources.find((s) => s.uri === uri)!.text;
const ARITH = 'rules/gov-2021/arithmetic.govlint';
const TABLES = 'rules/gov-2021/tables.govlint';
const TABLES19 = 'rules/gov-2019/tables.govlint';

/** Offset of the n-th occurrence of `needle` in a file, plus `delta`. */
function at(uri: string, needle: string, delta = 0, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text(uri).indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not in ${uri}`);
  return i + delta;
}

const slice = (loc: { uri: string; range: { start: number; end: number } }): string =>
  text(loc.uri).slice(loc.range.start, loc.range.end);

describe('document symbols', () => {
  it('outlines tables with their blocks, groups, rows and columns', () => {
    const symbols = documentSymbols(parseRules(text(TABLES), TABLES).ast);
    expect(symbols.map((s) => `${s.kind} ${s.name}`)).toEqual([
      'template gov-2021',
      'table T2',
      'table T3',
      'table T4',
    ]);
    const t3 = symbols[2]!;
    expect(t3.detail).toBe('收到和处理政府信息公开申请情况');
    const rows = t3.children.find((c) => c.kind === 'group' && c.name === '三')!;
    expect(rows.children.map((c) => c.name)).toContain('三.七');
    const t2 = symbols[1]!;
    expect(t2.children.map((c) => `${c.kind} ${c.name}`)).toEqual([
      'block 一',
      'block 五',
      'block 六',
      'block 八',
    ]);
  });

  it('lists rules with their description', () => {
    const symbols = documentSymbols(parseRules(text(ARITH), ARITH).ast);
    const rule = symbols.find((s) => s.name === 't3-column-balance')!;
    expect(rule.kind).toBe('rule');
    expect(rule.detail).toContain('一（本年新收）');
  });
});

describe('definition and references', () => {
  it('goes from a row in a rule to its declaration', () => {
    const def = definitionAt(ws, ARITH, at(ARITH, 'T3[三.七, c]', 4));
    expect(def?.uri).toBe(TABLES);
    expect(slice(def!)).toBe('三.七');
    expect(text(TABLES).slice(def!.range.end, def!.range.end + 8)).toBe(' "（七）总计"');
  });

  it('goes from a column and from a table name', () => {
    const col = definitionAt(ws, ARITH, at(ARITH, 'T3[r, TOT]', 6));
    expect(slice(col!)).toBe('TOT');
    const table = definitionAt(ws, ARITH, at(ARITH, 'T4[RV.总计]', 1));
    expect(slice(table!)).toBe('T4');
    expect(text(TABLES).slice(table!.range.start - 6, table!.range.start)).toBe('table ');
  });

  it('finds every use of a column, across files', () => {
    const refs = referencesAt(ws, TABLES, at(TABLES, 'TOT "总计"'));
    expect(refs.every((r) => slice(r) === 'TOT')).toBe(true);
    // the declaration, t3-row-total, t4-cases-without-applications ×2, and the narrative rules
    const files = refs.map((r) => r.uri.split('/').pop());
    expect(files.filter((f) => f !== 'narrative.govlint')).toEqual([
      'arithmetic.govlint',
      'arithmetic.govlint',
      'arithmetic.govlint',
      'tables.govlint',
    ]);
    expect(files.filter((f) => f === 'narrative.govlint').length).toBeGreaterThan(10);
    expect(referencesAt(ws, TABLES, at(TABLES, 'TOT "总计"'), false)).toHaveLength(refs.length - 1);
  });

  it('resolves gov-2019 names to what it inherits or replaces', () => {
    const amended = definitionAt(ws, TABLES19, at(TABLES19, 'amend table T3', 12));
    expect(amended?.uri).toBe(TABLES);
    const replaced = definitionAt(ws, TABLES19, at(TABLES19, '三.六 "（六）其他处理"'));
    expect(replaced?.uri).toBe(TABLES19);
  });

  it('returns nothing away from a name', () => {
    expect(definitionAt(ws, ARITH, 0)).toBeUndefined();
    expect(referencesAt(ws, ARITH, 0)).toEqual([]);
  });
});

describe('hover', () => {
  it('shows the label a row reference resolves to', () => {
    const hover = hoverAt(ws, ARITH, at(ARITH, 'T3[三.七, c]', 4));
    expect(hover?.contents).toBe('**行 三.七**：“（七）总计”（表 T3，模板 gov-2021）');
    expect(text(ARITH).slice(hover!.range.start, hover!.range.end)).toBe('三.七');
  });

  it('shows a rule with its description, from a remove in gov-2019', () => {
    const uri = 'rules/gov-2019/rules.govlint';
    const hover = hoverAt(ws, uri, at(uri, 'remove rule t2-issued-vs-valid', 12));
    expect(hover?.contents).toContain('**规则 t2-issued-vs-valid**：“表二：本年制发件数不应超过');
    expect(definitionAt(ws, uri, at(uri, 'remove rule t2-issued-vs-valid', 12))?.uri).toBe(ARITH);
  });

  it('shows a section heading', () => {
    const hover = hoverAt(ws, TABLES, at(TABLES, 'in section 三', 11));
    expect(hover?.contents).toContain('“三、收到和处理政府信息公开申请情况”');
  });
});

describe('completion', () => {
  const labels = (uri: string, offset: number): string[] =>
    completionsAt(ws, uri, offset).map((c) => c.label);

  it('offers the rows of the table before the comma and its columns after it', () => {
    const rowSpot = at(ARITH, 'T3[三.七, c] = sum', 3);
    expect(labels(ARITH, rowSpot)).toEqual(
      expect.arrayContaining(['一', '三.四.1', '三.七', '四']),
    );
    expect(labels(ARITH, rowSpot)).not.toContain('NP');
    const colSpot = at(ARITH, 'T3[r, TOT]', 6);
    const cols = completionsAt(ws, ARITH, colSpot);
    expect(cols.map((c) => c.label)).toEqual(expect.arrayContaining(['NP', 'BE', 'TOT']));
    expect(cols.find((c) => c.label === 'NP')?.detail).toBe('自然人');
  });

  it('offers the set a quantifier ranges over', () => {
    const spot = at(ARITH, 'for each column c in T3[(RI, PW)]', 25);
    const got = completionsAt(ws, ARITH, spot);
    expect(got.map((c) => c.label)).toEqual(expect.arrayContaining(['RI', 'PW', 'LP']));
    expect(got.every((c) => c.kind === 'column' || c.kind === 'group')).toBe(true);
    expect(got.map((c) => c.label)).not.toContain('三');
  });

  it('offers columns directly in a one-row table', () => {
    expect(labels(ARITH, at(ARITH, 'T4[RV.总计]', 3))).toContain('LR.总计');
  });

  it('offers sections after `in section` and keywords elsewhere', () => {
    expect(labels(TABLES, at(TABLES, 'in section 三', 11))).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
    ]);
    const top = labels(ARITH, text(ARITH).length);
    expect(top).toEqual(expect.arrayContaining(['rule', 'for', 'sum', 'T3']));
  });
});
