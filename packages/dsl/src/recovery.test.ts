import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePack } from './pack.js';
import { parseRules } from './parse.js';
import { located } from './test/packs.js';

describe('error recovery', () => {
  it('reports three mistakes as three located errors and keeps the rest of the file', () => {
    const text = [
      'template g { title "t" document "d" years 2021.. }',
      'section 一 "一、总体情况" variants', // 1: variants without a string
      'section 二 "二、主动公开政府信息情况"',
      'table T "t" in section 一 {',
      '  columns count { A "甲" B }', // 2: column without a label
      '  rows { r "行" }',
      '}',
      'rule a-b {',
      '  severity error',
      '  for each row r in T:',
      '    T[r, A] = sum(T[r, A..])', // 3: range without an end
      '}',
      'rule c-d { severity warning }',
    ].join('\n');
    const { ast, diagnostics } = parseRules(text, 'bad.govlint');
    expect(located(text, diagnostics)).toEqual([
      'dsl-syntax@3:1-3:8 section',
      'dsl-syntax@5:27-5:28 }',
      'dsl-syntax@11:27-11:28 ]',
    ]);
    expect(diagnostics.every((d) => d.severity === 'error' && /语法错误/.test(d.message))).toBe(
      true,
    );
    expect(ast.declarations.map((d) => d.kind)).toEqual([
      'template',
      'section',
      'section',
      'table',
      'rule',
      'rule',
    ]);
  });

  it('locates an unknown character and an unterminated string', () => {
    const text = 'section 一 "一" @\nsection 二 "二';
    const { diagnostics } = parseRules(text, 'x');
    expect(located(text, diagnostics).map((s) => s.split(' ')[0])).toEqual([
      'dsl-syntax@1:15-1:16', // @
      'dsl-syntax@2:11-2:12', // the unmatched quote
      'dsl-syntax@2:12-2:13', // then 二 where the heading string should be
    ]);
  });

  it('refuses a pack with syntax errors but returns every diagnostic', () => {
    const result = compilePack([{ uri: 'a.govlint', text: 'template g {\nsection' }]);
    expect(result.pack).toBeUndefined();
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.uri === 'a.govlint')).toBe(true);
  });

  it('never throws on arbitrary input', () => {
    const alphabet = fc.constantFrom(
      ...'template section table rule for each row column in sum leaves of when and or not { } [ ] ( ) , : .. + - = ≠ ≤ " 一 三.七 T3 NP 𠀀 \n'.split(
        ' ',
      ),
      ' ',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const result = compilePack([{ uri: 'fuzz.govlint', text }]);
        for (const d of result.diagnostics) {
          expect(d.range.start).toBeGreaterThanOrEqual(0);
          expect(d.range.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
