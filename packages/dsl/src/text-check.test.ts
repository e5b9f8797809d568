import { describe, expect, it } from 'vitest';
import type { TextCheck } from './compiled.js';
import { MINI, compileSnippet, located } from './test/packs.js';

const HEAD = 'severity error category narrative description "d"';

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

describe('narrative rules compile to TextCheck', () => {
  it('compiles patterns to a tree, with scope and captures', () => {
    const check = compiledText(`rule x-y { ${HEAD} message "正文“{match}”与表中 {right} 不符"
      text in section 一 by sentence
        match ("收到" | "受理") optional("依申请公开") "申请" number n ("件" | "条")
        expect n = T[r1, S]
    }`);
    expect(check.scope).toEqual({ section: '一', unit: 'sentence' });
    const [p] = check.patterns;
    expect(p!.source).toBe(
      '("收到" | "受理") optional("依申请公开") "申请" number n ("件" | "条")',
    );
    expect(p!.captures).toEqual(['n']);
    expect(p!.node).toEqual({
      kind: 'seq',
      items: [
        {
          kind: 'alt',
          options: [
            { kind: 'literal', text: '收到' },
            { kind: 'literal', text: '受理' },
          ],
        },
        { kind: 'optional', body: { kind: 'literal', text: '依申请公开' } },
        { kind: 'literal', text: '申请' },
        { kind: 'number', name: 'n' },
        {
          kind: 'alt',
          options: [
            { kind: 'literal', text: '件' },
            { kind: 'literal', text: '条' },
          ],
        },
      ],
    });
    expect(check.assert).toEqual({
      op: '=',
      left: { terms: [], captures: [{ coefficient: 1, capture: 'n' }], constant: 0 },
      right: {
        terms: [{ coefficient: 1, cell: { table: 'T', row: 'r1', column: 'S' } }],
        captures: [],
        constant: 0,
      },
    });
  });

  it('compiles alternatives, gaps and a lexicon check', () => {
    const check = compiledText(`lexicon spam { "UedBet" note "博彩" "威廉希尔" }
    rule x-y { ${HEAD} message "疑似植入：{match}（{note}）" text by paragraph match lexicon spam }
    rule no-review { ${HEAD} message "m" text match "未" gap 0..20 "行政复议" or "无" gap 0..10 "复议" expect 0 = One[P] }`);
    expect(check).toMatchObject({ scope: { unit: 'paragraph' }, lexicon: 'spam' });
    expect(check.patterns[0]!.node).toEqual({ kind: 'lexicon', name: 'spam' });
    const noReview = compiledText(
      `rule x-y { ${HEAD} message "m" text match "未" gap 0..20 "行政复议" or "无" gap 0..10 "复议" expect 0 = One[P] }`,
    );
    expect(noReview.scope).toEqual({ unit: 'sentence' });
    expect(noReview.patterns.map((p) => p.node)).toEqual([
      {
        kind: 'seq',
        items: [
          { kind: 'literal', text: '未' },
          { kind: 'gap', min: 0, max: 20 },
          { kind: 'literal', text: '行政复议' },
        ],
      },
      {
        kind: 'seq',
        items: [
          { kind: 'literal', text: '无' },
          { kind: 'gap', min: 0, max: 10 },
          { kind: 'literal', text: '复议' },
        ],
      },
    ]);
  });

  it('exposes lexicons as data', () => {
    const result = compileSnippet(
      'lexicon typos { "正太分布" note "正态分布" "双随机，一公开" note "双随机、一公开" }',
    );
    expect(result.pack!.templates[0]!.lexicons).toEqual({
      typos: [
        { text: '正太分布', note: '正态分布' },
        { text: '双随机，一公开', note: '双随机、一公开' },
      ],
    });
  });
});

describe('narrative rule errors, at the exact place', () => {
  it('reports unknown sections, lexicons and captures', () => {
    expect(
      diagnose(`rule x-y { ${HEAD} message "m"
text in section 九 match "共" number n lexicon nope expect m = T[r1, S] }`),
    ).toEqual([
      'dsl-unknown-section@2:17-2:18 九',
      'dsl-unknown-lexicon@2:46-2:50 nope',
      'dsl-unknown-capture@2:58-2:59 m',
    ]);
  });

  it('refuses unbounded gaps and patterns that match empty text', () => {
    expect(diagnose(`rule x-y { ${HEAD} message "m" text match gap 0..500 }`)).toEqual([
      'dsl-bad-value@1:85-1:95 gap 0..500',
      'dsl-empty-pattern@1:85-1:95 gap 0..500',
    ]);
  });

  it('knows the placeholders of a text check', () => {
    expect(
      diagnose(
        `rule x-y { ${HEAD} message "{match}{n}{note}{left}{row}" text match "共" number n "件" }`,
      ),
    ).toEqual(['dsl-unknown-placeholder@1:93-1:98 {row}']);
  });
});
