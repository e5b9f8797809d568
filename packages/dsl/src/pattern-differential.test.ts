/**
 * The matcher (pattern.ts) against the Pike VM it replaced (test/pike-reference.ts)
 * on random small patterns and texts, and its two ways of finding where
 * matches start against each other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PatternNode } from './compiled.js';
import { compilePattern, findMatches } from './pattern.js';
import { leftmostStart } from './pattern-scan.js';
import { matchStarts } from './pattern-starts.js';
import { compileReference, referenceFindMatches } from './test/pike-reference.js';

describe('the two-phase matcher against the old Pike VM', () => {
  const lexicons = {
    w: [
      { text: 'ab', note: '甲' },
      { text: 'a1', note: '乙' },
      { text: 'b', note: undefined },
    ],
  };
  const literal = fc
    .string({ unit: fc.constantFrom('a', 'b', 'c', '1', '.'), minLength: 1, maxLength: 3 })
    .map((text): PatternNode => ({ kind: 'literal', text }));
  const gap = fc
    .tuple(fc.nat(3), fc.nat(4))
    .map(([min, extra]): PatternNode => ({ kind: 'gap', min, max: min + extra }));
  const leaf = fc.oneof(
    literal,
    gap,
    fc.constantFrom<PatternNode>(
      { kind: 'number', name: 'n' },
      { kind: 'number', name: 'm' },
      { kind: 'lexicon', name: 'w' },
    ),
  );
  const { node } = fc.letrec<{ node: PatternNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items) => ({
        kind: 'seq' as const,
        items,
      })),
      fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((options) => ({
        kind: 'alt' as const,
        options,
      })),
      tie('node').map((body) => ({ kind: 'optional' as const, body })),
    ),
  }));
  const text = fc.string({
    unit: fc.constantFrom('a', 'b', 'c', '1', '2', '.', '２', ' '),
    maxLength: 40,
  });

  it('finds the same matches, captures and notes on random patterns and texts', () => {
    fc.assert(
      fc.property(node, text, (pattern, input) => {
        expect(findMatches(compilePattern(pattern, lexicons), input)).toEqual(
          referenceFindMatches(compileReference(pattern, lexicons), input),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("finds the same matches with programs spanning several words of the scan's bitset", () => {
    const long = fc
      .array(node, { minLength: 4, maxLength: 8 })
      .map((items): PatternNode => ({ kind: 'seq', items }));
    let sizes = 0;
    fc.assert(
      fc.property(long, text, (pattern, input) => {
        const program = compilePattern(pattern, lexicons);
        if (program.insts.length > 64) sizes++;
        expect(findMatches(program, input)).toEqual(
          referenceFindMatches(compileReference(pattern, lexicons), input),
        );
      }),
      { numRuns: 1000 },
    );
    expect(sizes).toBeGreaterThan(500);
  });

  it('finds the same starts scanning forwards and in one pass backwards', () => {
    fc.assert(
      fc.property(node, text, (pattern, input) => {
        const program = compilePattern(pattern, lexicons);
        const work = { steps: 0, positions: 0 };
        const backwards = [...matchStarts(program, input, 0, work)];
        const forwards = backwards.map((_, p) =>
          leftmostStart(program, input, p, work) === p ? 1 : 0,
        );
        expect(backwards).toEqual(forwards);
      }),
      { numRuns: 2000 },
    );
  });
});
