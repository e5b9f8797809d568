import { describe, expect, it } from 'vitest';
import type { TextCheck } from './compiled.js';
import { MINI, compileSnippet, located } from './test/packs.js';

const HEAD = 'severity warning category narrative description "d" message "m"';

function compiledText(snippet: string, id = 'x-y'): TextCheck {
  const result = compileSnippet(snippet);
  expect(result.diagnostics).toEqual([]);
  const rule = result.pack!.templates[0]!.rules.find((r) => r.id === id)!;
  if (rule.check.kind !== 'text') throw new Error('not a text check');
  return rule.check;
}

function diagnose(snippet: string): string[] {
  const offset = MINI.split('\n').length - 1;
  return located(MINI + snippet, compileSnippet(snippet).diagnostics).map((s) =>
    s.replace(
      /@(\d+):(\d+)-(\d+):(\d+)/,
      (_m, a, b, c, d) => `@${a - offset}:${b}-${c - offset}:${d}`,
    ),
  );
}

const cell = (row: string, column: string) => ({
  coefficient: 1,
  cell: { table: 'T', row, column },
});

describe('text checks with several clauses, unless, require and when', () => {
  it('gives each match clause its own expectation, with or', () => {
    const check = compiledText(`rule x-y { ${HEAD}
      text in section 一
        match "予以公开" number n "件" expect n = T[r1, S] or n = sum(T[r1, A..C])
        match "不掌握" number m "件" expect m = T[r2, S]
        match "共" number k "篇"
    }`);
    expect(check.patterns.map((p) => p.captures)).toEqual([['n'], ['m'], ['k']]);
    expect(check.patterns[0]!.expect).toEqual({
      kind: 'or',
      operands: [
        {
          kind: 'compare',
          comparison: {
            op: '=',
            left: { terms: [], captures: [{ coefficient: 1, capture: 'n' }], constant: 0 },
            right: { terms: [cell('r1', 'S')], captures: [], constant: 0 },
          },
        },
        {
          kind: 'compare',
          comparison: {
            op: '=',
            left: { terms: [], captures: [{ coefficient: 1, capture: 'n' }], constant: 0 },
            right: {
              terms: [cell('r1', 'A'), cell('r1', 'B'), cell('r1', 'C')],
              captures: [],
              constant: 0,
            },
          },
        },
      ],
    });
    expect(check.patterns[1]!.expect).toMatchObject({
      kind: 'compare',
      comparison: { right: { terms: [cell('r2', 'S')] } },
    });
    expect(check.patterns[2]!.expect).toBeUndefined();
    // Several clauses: no single check-level assertion.
    expect(check.assert).toBeUndefined();
  });

  it('keeps the check-level assert for one clause with one comparison', () => {
    const check = compiledText(`rule x-y { ${HEAD}
      text match "收到" number n "件" or "受理" number n "件" expect n = T[r1, S] }`);
    expect(check.assert).toEqual(
      check.patterns[0]!.expect!.kind === 'compare' && check.patterns[0]!.expect!.comparison,
    );
    expect(check.patterns[1]!.expect).toEqual(check.patterns[0]!.expect);
    expect(check.mode).toBeUndefined();
  });

  it('accepts alternatives directly inside optional( … )', () => {
    const check = compiledText(
      `rule x-y { ${HEAD} text match "收到" optional("共" | "共计") number n "件" }`,
    );
    expect(check.patterns[0]!.node).toEqual({
      kind: 'seq',
      items: [
        { kind: 'literal', text: '收到' },
        {
          kind: 'optional',
          body: {
            kind: 'alt',
            options: [
              { kind: 'literal', text: '共' },
              { kind: 'literal', text: '共计' },
            ],
          },
        },
        { kind: 'number', name: 'n' },
        { kind: 'literal', text: '件' },
      ],
    });
  });

  it('compiles unless patterns', () => {
    const check = compiledText(`rule x-y { ${HEAD}
      text by sentence match "行政处罚" number n "件" expect n = T[r1, S]
        unless "全市" or "全区" or "全" gap 0..2 "系统" }`);
    expect(check.unless!.map((p) => p.source)).toEqual([
      '"全市"',
      '"全区"',
      '"全" gap 0..2 "系统"',
    ]);
  });

  it('compiles require mode with a condition on cells', () => {
    const check = compiledText(`lexicon fee { "信息处理费" "收费通知" }
      rule x-y { ${HEAD}
      text in section 三 by section require lexicon fee or "处理费" when T[r2, S] > 0 }`);
    expect(check.mode).toBe('require');
    expect(check.scope).toEqual({ section: '三', unit: 'section' });
    expect(check.patterns.map((p) => p.node)).toEqual([
      { kind: 'lexicon', name: 'fee' },
      { kind: 'literal', text: '处理费' },
    ]);
    expect(check.when).toEqual({
      kind: 'compare',
      comparison: {
        op: '>',
        left: { terms: [cell('r2', 'S')], constant: 0 },
        right: { terms: [], constant: 0 },
      },
    });
  });
});

describe('title scope and cross-report cells', () => {
  it('compiles a check in the title', () => {
    const check = compiledText(`lexicon agencies { "市场监督管理" }
      rule x-y { ${HEAD} text in title match lexicon agencies expect sum(T[r1, A..C]) > 0 }`);
    expect(check.scope).toEqual({ title: true, unit: 'sentence' });
  });

  it('marks an assertion that reads the previous year as cross-report', () => {
    const result = compileSnippet(`rule x-y { ${HEAD}
      for each column c in T: T[r1, c] = previous T[r4, c] }
      rule y-z { ${HEAD} T[r1, S] = T[r4, S] }`);
    expect(result.diagnostics).toEqual([]);
    const rules = result.pack!.templates[0]!.rules;
    const cross = rules.find((r) => r.id === 'x-y')!.check;
    if (cross.kind !== 'assert') throw new Error('not an assertion');
    expect(cross.crossReport).toBe(true);
    expect(cross.instances.some((i) => i.fixCell)).toBe(false);
    expect(cross.instances[0]!.assert.left.terms[0]!.cell).toEqual({
      table: 'T',
      row: 'r1',
      column: 'A',
    });
    expect(cross.instances[0]!.assert.right.terms[0]!.cell).toEqual({
      table: 'T',
      row: 'r4',
      column: 'A',
      previous: true,
    });
    const single = rules.find((r) => r.id === 'y-z')!.check;
    expect(single.kind === 'assert' && single.crossReport).toBeFalsy();
  });

  it('refuses previous in a text check', () => {
    expect(
      diagnose(`rule x-y { ${HEAD}
text match "甲" number n "件" expect n = previous T[r1, S] }`),
    ).toEqual(['dsl-bad-value@2:49-2:57 T[r1, S]']);
  });
});

describe('errors in clauses, at the exact place', () => {
  it('refuses a capture of another clause in expect', () => {
    expect(
      diagnose(`rule x-y { ${HEAD}
text match "甲" number n "件" match "乙" number m "件" expect n = T[r1, S] }`),
    ).toEqual(['dsl-unknown-capture@2:59-2:60 n']);
  });

  it('refuses captures in when, and unknown lexicons in unless', () => {
    expect(
      diagnose(`rule x-y { ${HEAD}
text match "甲" number n "件" unless lexicon nope when n > 0 }`),
    ).toEqual(['dsl-unknown-lexicon@2:44-2:48 nope', 'dsl-unknown-capture@2:54-2:55 n']);
  });

  it('offers no capture placeholders in require mode', () => {
    expect(
      diagnose(`rule x-y { severity warning category text description "d" message "{match}"
text require "甲" }`),
    ).toEqual(['dsl-unknown-placeholder@1:68-1:75 {match}']);
  });
});
