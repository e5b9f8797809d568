import { describe, expect, it } from 'vitest';
import { compilePack } from './pack.js';
import { MINI, RULE_HEAD, compileSnippet, located } from './test/packs.js';

/** Compiles MINI + snippet and returns its diagnostics as `id@line:col-line:col text`, lines counted in the snippet. */
function diagnose(snippet: string): string[] {
  const offset = MINI.split('\n').length - 1;
  const result = compileSnippet(snippet);
  return located(MINI + snippet, result.diagnostics).map((s) =>
    s.replace(
      /@(\d+):(\d+)-(\d+):(\d+)/,
      (_m, a, b, c, d) => `@${a - offset}:${b}-${c - offset}:${d}`,
    ),
  );
}

function rule(body: string, message = 'm'): string {
  return `rule x-y {\n${RULE_HEAD} message "${message}"\n${body}\n}\n`;
}

describe('the minimal template', () => {
  it('compiles without diagnostics', () => {
    const result = compileSnippet('');
    expect(result.diagnostics).toEqual([]);
    expect(result.pack?.templates[0]?.id).toBe('mini');
  });
});

describe('unknown names, at the exact name', () => {
  it.each([
    ['a table', 'T9[r1, A] = 0', ['dsl-unknown-table@3:1-3:3 T9']],
    ['a row', 'T[zz, A] = 0', ['dsl-unknown-row@3:3-3:5 zz']],
    ['a column', 'T[r1, ZZ] = 0', ['dsl-unknown-column@3:7-3:9 ZZ']],
    ['a group', 'sum(T[leaves of zz, A]) = 0', ['dsl-unknown-group@3:17-3:19 zz']],
    ['a quantified table', 'for each row r in T8: T[r, A] = 0', ['dsl-unknown-table@3:19-3:21 T8']],
  ])('reports %s', (_what, body, expected) => {
    expect(diagnose(rule(body))).toEqual(expected);
  });

  it('reports an unknown section of a table', () => {
    expect(
      diagnose('table X "x" in section 九 { columns count { A "a" } rows { r "r" } }'),
    ).toEqual(['dsl-unknown-section@1:24-1:25 九']);
  });

  it('reports a row that is not in the block of the column', () => {
    const blocks =
      'table B "b" { block p "p" { columns count { A "a" } rows { x "x" } } block q "q" { columns count { C "c" } rows { y "y" } } }\n';
    expect(diagnose(blocks + rule('B[x, C] = 0'))).toEqual(['dsl-unknown-cell@4:6-4:7 C']);
  });
});

describe('duplicates', () => {
  it('reports a duplicate row, section and rule at the second declaration', () => {
    const snippet = [
      'table D "d" { columns count { A "a" } rows { r "r" r "again" } }',
      'section 一 "again"',
      rule('T[r1, A] = 0'),
      rule('T[r1, A] = 0'),
    ].join('\n');
    expect(diagnose(snippet)).toEqual([
      'dsl-duplicate-id@1:52-1:53 r',
      'dsl-duplicate-id@2:9-2:10 一',
      'dsl-duplicate-id@8:6-8:9 x-y',
    ]);
  });
});

describe('types and sets', () => {
  it('refuses to compare counts with amounts', () => {
    expect(diagnose(rule('T[r1, A] = M[m1, X]'))).toEqual(['dsl-type-mismatch@3:10-3:11 =']);
  });

  it('refuses a sum over an empty set', () => {
    const snippet =
      'table E "e" { columns count { A "a" } rows { group g "g" { t "t" total } } }\n';
    expect(diagnose(snippet + rule('E[t, A] = sum(E[leaves of g, A])'))).toEqual([
      'dsl-empty-set@4:11-4:33 sum(E[leaves of g, A])',
    ]);
  });

  it('refuses a set where one cell is expected, and a backwards range', () => {
    expect(diagnose(rule('T[g, A] = sum(T[r4..r1, A])'))).toEqual([
      'dsl-not-a-cell@3:1-3:8 T[g, A]',
      'dsl-bad-range@3:17-3:23 r4..r1',
    ]);
  });

  it('asks for a row in a table with several', () => {
    expect(diagnose(rule('T[A] = One[P]'))).toEqual(['dsl-missing-row@3:1-3:5 T[A]']);
  });

  it('refuses an assertion that does not depend on the report', () => {
    expect(diagnose(rule('1 = 0'))).toEqual(['dsl-constant-assertion@3:1-3:6 1 = 0']);
  });

  it('warns about a tolerance on counts but still compiles', () => {
    const result = compileSnippet(rule('tolerance 0.5\nT[r1, A] = T[r1, B]'));
    expect(result.pack).toBeDefined();
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['dsl-tolerance-on-counts', 'warning'],
    ]);
  });
});

describe('rule metadata', () => {
  it('reports an unknown placeholder inside the message', () => {
    expect(
      diagnose(rule('for each row r in T: T[r, S] = sum(T[r, A..C])', '行 {row} 差 {diff}')),
    ).toEqual(['dsl-unknown-placeholder@2:71-2:77 {diff}']);
  });

  it('reports missing and invalid properties', () => {
    expect(diagnose('rule a-b { severity fatal category arithmetic T[r1, A] = 0 }')).toEqual([
      'dsl-missing-property@1:6-1:9 a-b',
      'dsl-missing-property@1:6-1:9 a-b',
      'dsl-bad-value@1:21-1:26 fatal',
    ]);
  });

  it('reports rules that could never be evaluated', () => {
    const snippet = [
      `rule no-check { ${RULE_HEAD} message "m" }`,
      `rule no-such-builtin { ${RULE_HEAD} message "m" builtin }`,
      `rule Bad_Id { ${RULE_HEAD} message "m" T[r1, A] = 0 }`,
    ].join('\n');
    expect(diagnose(snippet)).toEqual([
      'dsl-rule-without-check@1:6-1:14 no-check',
      'dsl-unknown-builtin@2:6-2:21 no-such-builtin',
      'dsl-bad-rule-id@3:6-3:12 Bad_Id',
    ]);
  });

  it('checks builtin placeholders against the engine list', () => {
    const snippet = `rule section-missing { ${RULE_HEAD} builtin message "缺少{heading}{rows}" }`;
    expect(diagnose(snippet)).toEqual(['dsl-unknown-placeholder@1:103-1:109 {rows}']);
  });
});

describe('templates and extends', () => {
  const base = 'template a { title "t" document "d" years 2021.. }\nsection 一 "一"\n';

  it('reports an extends cycle at the extends clause', () => {
    const result = compilePack([
      { uri: 'a.govlint', text: 'template a extends b { title "t" document "d" years 2021.. }' },
      { uri: 'b.govlint', text: 'template b extends a { title "t" document "d" years 2021.. }' },
    ]);
    expect(result.pack).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.uri, d.ruleId, d.range])).toEqual([
      ['a.govlint', 'dsl-extends-cycle', { start: 19, end: 20 }],
    ]);
  });

  it('reports an unknown parent and declarations outside any template', () => {
    const result = compilePack([
      { uri: 'a.govlint', text: base },
      { uri: 'b.govlint', text: 'template b extends zz { }' },
      { uri: 'c.govlint', text: 'section 二 "二"' },
    ]);
    expect(result.diagnostics.map((d) => [d.uri, d.ruleId])).toEqual([
      ['b.govlint', 'dsl-unknown-template'],
      ['c.govlint', 'dsl-no-template'],
    ]);
  });

  it('reports edits outside amend and amends of unknown rows', () => {
    const snippet = [
      'table P "p" { columns count { A "a" } rows { r "r" remove r } }',
      'amend table T { rows { zz "新" insert after yy { n "n" } } }',
      'amend table Nope { }',
    ].join('\n');
    expect(diagnose(snippet)).toEqual([
      'dsl-edit-outside-amend@1:52-1:60 remove r',
      'dsl-unknown-row@2:24-2:26 zz',
      'dsl-unknown-row@2:44-2:46 yy',
      'dsl-unknown-table@3:13-3:17 Nope',
    ]);
  });
});

describe('positions with CRLF and surrogate pairs', () => {
  it('gives LSP positions in UTF-16 units on CRLF lines', async () => {
    const { LineIndex } = await import('@govlint/text');
    const text = (
      MINI + `// 𠀀𠀀 注释\r\nrule x-y { ${RULE_HEAD} message "m"\r\n  T[r1, 𠀀] = 0 }\r\n`
    )
      .replace(/\n/g, '\r\n')
      .replace(/\r\r\n/g, '\r\n');
    const result = compilePack([{ uri: 'crlf.govlint', text }]);
    const [d] = result.diagnostics;
    expect(d?.ruleId).toBe('dsl-unknown-column');
    expect(text.slice(d!.range.start, d!.range.end)).toBe('𠀀');
    const idx = new LineIndex(text);
    const lines = MINI.split('\n').length - 1;
    expect(idx.rangeToPositions(d!.range)).toEqual({
      start: { line: lines + 2, character: 8 },
      end: { line: lines + 2, character: 10 },
    });
  });
});

describe('inherited rules', () => {
  it('are checked against the child template, and the error says so', async () => {
    const { realPack } = await import('./test/packs.js');
    const files = realPack().map((f) =>
      f.uri.endsWith('gov-2019/rules.govlint')
        ? { ...f, text: f.text.replace('remove rule t2-issued-vs-valid', '') }
        : f,
    );
    const result = compilePack(files);
    expect(result.pack).toBeUndefined();
    const texts = new Map(files.map((f) => [f.uri, f.text]));
    expect(
      result.diagnostics.map((d) => [
        d.uri,
        d.ruleId,
        texts.get(d.uri)!.slice(d.range.start, d.range.end),
        d.message.endsWith('（在继承此规则的模板“gov-2019”中）'),
      ]),
    ).toEqual([
      ['rules/gov-2021/arithmetic.govlint', 'dsl-unknown-column', '制发', true],
      ['rules/gov-2021/arithmetic.govlint', 'dsl-unknown-column', '有效', true],
      ['rules/gov-2021/arithmetic.govlint', 'dsl-unknown-column', '废止', true],
    ]);
  });
});
