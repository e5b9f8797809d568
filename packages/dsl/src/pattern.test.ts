import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PatternNode } from './compiled.js';
import { compilePack } from './pack.js';
import { compilePattern, findMatches } from './pattern.js';
import { MINI } from './test/packs.js';
import { compileReference, referenceFindMatches } from './test/pike-reference.js';

const seed = (name: string, line: number): string =>
  readFileSync(new URL(`../../../../shared/seeds/${name}`, import.meta.url), 'utf8').split('\n')[
    line - 1
  ]!;

/** Compiles the patterns of a text check written in the DSL, with the snippet's lexicons. */
function program(match: string, lexicons = ''): ReturnType<typeof compilePattern>[] {
  const result = compilePack([
    {
      uri: 'p.govlint',
      text: `${MINI}${lexicons}\nrule p-q { severity error category narrative description "d" message "m" text match ${match} }`,
    },
  ]);
  expect(result.diagnostics).toEqual([]);
  const t = result.pack!.templates[0]!;
  const check = t.rules.find((r) => r.id === 'p-q')!.check;
  if (check.kind !== 'text') throw new Error('not a text check');
  return check.patterns.map((p) => compilePattern(p.node, t.lexicons));
}

const slice = (text: string, r: { start: number; end: number }): string =>
  text.slice(r.start, r.end);

describe('narrative patterns on the seeds', () => {
  it('finds “no administrative review” in seed 002 line 9', () => {
    const line = seed('002_84c7f691cd999dc0.txt', 9);
    const [p] = program('"未" ("发生" | "引发" | "出现" | "产生" | "收到") gap 0..20 "行政复议"');
    const [m, more] = findMatches(p!, line);
    expect(m?.text).toBe('未发生政府信息公开方面的行政复议');
    expect(more).toBeUndefined();
  });

  it('captures the count of applications in seed 000 line 16, at its source range', () => {
    const line = seed('000_c9cdefee434a3be0.txt', 16);
    const [p] = program(
      '("办理" | "回复") optional("了") ("政府信息公开" | "依申请公开") optional("申请") number n ("件" | "条")',
    );
    const [m] = findMatches(p!, line);
    expect(m?.text).toBe('办理依申请公开2件');
    expect(m?.captures.n?.value).toBe(2);
    expect(slice(line, m!.captures.n!.range)).toBe('2');
  });

  it('finds lexicon entries with their notes (seed 002 lines 3 and 12)', () => {
    const lexicons = 'lexicon bad { "UedBet" note "博彩品牌" "正太分布" note "正态分布" }';
    const [p] = program('lexicon bad', lexicons);
    const spam = findMatches(p!, seed('002_84c7f691cd999dc0.txt', 3));
    expect(spam.map((m) => [m.text, m.note])).toEqual([['UedBet', '博彩品牌']]);
    const typo = findMatches(p!, seed('002_84c7f691cd999dc0.txt', 12));
    expect(typo.map((m) => [m.text, m.note])).toEqual([['正太分布', '正态分布']]);
  });
});

describe('matching semantics', () => {
  it('compares folded text but reports source offsets', () => {
    const [p] = program('"（一）" gap 0..3 "公开"');
    const text = '𠀀 (一) 予以 公开。';
    const [m] = findMatches(p!, text);
    expect(m?.range).toEqual({ start: 3, end: 12 });
    expect(m?.text).toBe('(一) 予以 公开');
  });

  it('reads whole numbers only, with decimals and full-width digits', () => {
    const [p] = program('"收费" number x "万元"');
    const [m] = findMatches(p!, '本年收费５８.９４万元');
    expect(m?.captures.x?.value).toBe(58.94);
    const [q] = program('number n "件"');
    expect(findMatches(q!, '共12件，其中2件').map((x) => x.captures.n?.value)).toEqual([12, 2]);
    const [starts] = program('number n "件"');
    // the first candidate start (after 1) fails its boundary; the search goes on
    expect(findMatches(starts!, '12a3件').map((x) => x.captures.n?.value)).toEqual([3]);
    const [r] = program('"其中" number n');
    expect(findMatches(r!, '其中3.5%').map((x) => x.captures.n?.value)).toEqual([3.5]);
  });

  it('finds every non-overlapping match, leftmost first, with the shortest gap', () => {
    const [p] = program('"甲" gap 0..5 "乙"');
    expect(findMatches(p!, '甲乙甲x乙乙').map((m) => m.text)).toEqual(['甲乙', '甲x乙']);
  });

  it('prefers earlier alternatives and honours optional parts', () => {
    const [p] = program('("共" | "共计") number n "件"');
    expect(findMatches(p!, '共计3件')[0]?.text).toBe('共计3件');
    const [q] = program('"全年" optional("共") "受理" number n "件"');
    expect(findMatches(q!, '全年受理4件；全年共受理5件').map((m) => m.captures.n?.value)).toEqual([
      4, 5,
    ]);
  });

  it('starts a match only where its first character can be, wherever that is', () => {
    // Positions no match can begin at are skipped: optional and alternative
    // starts, lexicon entries and a leading gap must all still be found.
    const [p] = program('optional("共") "受理" number n "件"');
    expect(findMatches(p!, 'xx受理1件，共受理2件').map((m) => m.text)).toEqual([
      '受理1件',
      '共受理2件',
    ]);
    const [q] = program('gap 1..1 "件"');
    expect(findMatches(q!, '件3件').map((m) => m.range)).toEqual([{ start: 1, end: 3 }]);
    const [r] = program('lexicon words', 'lexicon words { "博彩" "赌场" }');
    expect(findMatches(r!, '某某赌场与博彩').map((m) => m.text)).toEqual(['赌场', '博彩']);
  });

  it('searches only the given span', () => {
    const [p] = program('"行政复议"');
    const text = '行政复议。未发生行政复议。';
    expect(findMatches(p!, text, 5, text.length).map((m) => m.range)).toEqual([
      { start: 8, end: 12 },
    ]);
  });

  it('stays linear on an input that makes backtracking matchers explode', () => {
    // (gap 0..200 "乙") against 200 000 甲 with no 乙: a backtracking matcher
    // tries ~200 gap lengths from each of 200 000 starts, and again per restart.
    const node: PatternNode = {
      kind: 'seq',
      items: [
        { kind: 'literal', text: '甲' },
        { kind: 'gap', min: 0, max: 200 },
        { kind: 'literal', text: '乙' },
      ],
    };
    const text = '甲'.repeat(20_000);
    expect(findMatches(compilePattern(node), text)).toEqual([]);
    expect(findMatches(compilePattern(node), `${text}乙`)).toHaveLength(1);
  });
});

/** `"甲" gap 0..max "乙" gap 0..max "丙"`: the worst pattern of issue 7. */
const twoGaps = (max: number): PatternNode => ({
  kind: 'seq',
  items: [
    { kind: 'literal', text: '甲' },
    { kind: 'gap', min: 0, max },
    { kind: 'literal', text: '乙' },
    { kind: 'gap', min: 0, max },
    { kind: 'literal', text: '丙' },
  ],
});

/** 1 000 000 characters: `units` repeats of a match and a near miss, padded with 甲. */
function manyMatches(): { text: string; starts: number[]; width: number } {
  const hit = `甲${'x'.repeat(150)}乙${'y'.repeat(150)}丙`;
  const miss = `甲${'x'.repeat(150)}乙${'y'.repeat(150)}`;
  const unit = hit + miss;
  const units = Math.floor(1_000_000 / unit.length);
  const text = unit.repeat(units).padEnd(1_000_000, '甲');
  return {
    text,
    starts: Array.from({ length: units }, (_, i) => i * unit.length),
    width: hit.length,
  };
}

describe('the search memo over a long text', () => {
  it('finds the same after its marks run out and are forgotten (65535 row claims)', () => {
    // Every match claims rows for its positions: 70 000 matches claim ~210 000 (three runs of stamps).
    const node: PatternNode = {
      kind: 'seq',
      items: [
        { kind: 'number', name: 'n' },
        { kind: 'literal', text: 'x' },
      ],
    };
    const text = '12x'.repeat(70_000);
    const found = findMatches(compilePattern(node), text);
    expect(found).toHaveLength(70_000);
    expect(found).toEqual(referenceFindMatches(compileReference(node), text));
  }, 20_000);
});

describe('pathological patterns (issue 7)', () => {
  // Timed as users run it in pattern-speed.test.ts; here, the results.
  it('runs two gaps of 200 over 1 MB of 甲', () => {
    // Every position starts an attempt that lives 400 characters; only the
    // end holds a match, the leftmost one: its first gap as wide as allowed.
    const text = '甲'.repeat(1_000_000);
    const [m, more] = findMatches(compilePattern(twoGaps(200)), `${text}乙丙`);
    expect(m?.range).toEqual({ start: 999_799, end: 1_000_002 });
    expect(more).toBeUndefined();
  }, 10_000);

  it('finds every match among near misses over 1 MB', () => {
    const { text, starts, width } = manyMatches();
    const found = findMatches(compilePattern(twoGaps(200)), text).map((m) => m.range);
    expect(found).toEqual(starts.map((start) => ({ start, end: start + width })));
  }, 10_000);

  it('takes steps linear in the text, whatever the width of the gaps', () => {
    const text = '甲'.repeat(50_000);
    const steps = (max: number, input: string): number => {
      const stats = { steps: 0 };
      findMatches(compilePattern(twoGaps(max)), input, 0, input.length, stats);
      return stats.steps;
    };
    const narrow = steps(20, text);
    const wide = steps(2000, text);
    expect(narrow).toBeGreaterThan(text.length);
    expect(wide).toBeLessThanOrEqual(narrow * 1.05);
    expect(wide).toBeLessThanOrEqual(10 * text.length);
    const { text: hits } = manyMatches();
    expect(steps(200, hits)).toBeLessThanOrEqual(10 * hits.length);
  });

  it('does not rescan a gap for each of many short matches', () => {
    // The first alternative's gap fails after every 甲; the second matches
    // it. What one match learnt about the gap serves the next ones.
    const node = (max: number) => gapOr(max, '甲');
    const text = '甲'.repeat(20_000);
    const steps = (max: number): number => {
      const stats = { steps: 0 };
      expect(findMatches(compilePattern(node(max)), text, 0, text.length, stats)).toHaveLength(
        text.length,
      );
      return stats.steps;
    };
    expect(steps(2000)).toBeLessThanOrEqual(steps(20) * 1.05);
    expect(steps(2000)).toBeLessThanOrEqual(30 * text.length);
  });

  it('does not rescan past each match to rule out an earlier start', () => {
    // After each 丙 the scan must look 200 characters on for the 乙 the 甲
    // before it waits for; the next scan would look there again.
    const node = (max: number) => gapOr(max, '丙');
    const text = '甲丙'.repeat(10_000);
    const steps = (max: number): number => {
      const stats = { steps: 0 };
      const found = findMatches(compilePattern(node(max)), text, 0, text.length, stats);
      expect(found.map((m) => m.range.start)).toEqual(
        Array.from({ length: 10_000 }, (_, i) => 2 * i + 1),
      );
      return stats.steps;
    };
    expect(steps(2000)).toBeLessThanOrEqual(steps(20) * 1.25);
    expect(steps(2000)).toBeLessThanOrEqual(30 * text.length);
    const part = text.slice(0, 3000);
    expect(findMatches(compilePattern(node(200)), part)).toEqual(
      referenceFindMatches(compileReference(node(200)), part),
    );
  });

  it('starts a match where the previous one ended, even an empty one', () => {
    // Regression: the search's memory of the previous match's last position
    // (where it succeeded) must not be taken for a failure there.
    const node: PatternNode = {
      kind: 'alt',
      options: [
        { kind: 'literal', text: 'a' },
        {
          kind: 'optional',
          body: {
            kind: 'alt',
            options: [
              { kind: 'gap', min: 1, max: 1 },
              { kind: 'literal', text: 'a' },
            ],
          },
        },
      ],
    };
    expect(findMatches(compilePattern(node), 'a').map((m) => m.range)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 1 },
    ]);
  });

  it('agrees with the old Pike VM on a text with matches and near misses', () => {
    const { text } = manyMatches();
    const part = text.slice(0, 8_000);
    expect(findMatches(compilePattern(twoGaps(200)), part)).toEqual(
      referenceFindMatches(compileReference(twoGaps(200)), part),
    );
  });
});

/** `"甲" gap 0..max "乙"`, or else the literal `other`. */
function gapOr(max: number, other: string): PatternNode {
  return {
    kind: 'alt',
    options: [
      {
        kind: 'seq',
        items: [
          { kind: 'literal', text: '甲' },
          { kind: 'gap', min: 0, max },
          { kind: 'literal', text: '乙' },
        ],
      },
      { kind: 'literal', text: other },
    ],
  };
}
