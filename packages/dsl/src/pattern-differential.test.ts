/**
 * The matcher (pattern.ts) against the Pike VM it replaced (test/pike-reference.ts)
 * on random small patterns and texts, and its two ways of finding where
 * matches start against each other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PatternNode } from './compiled.js';
import { lexicons, node, text } from './test/pattern-arbitraries.js';
import { compilePattern, findMatches } from './pattern.js';
import { leftmostStart } from './pattern-scan.js';
import { matchStarts } from './pattern-starts.js';
import { compileReference, referenceFindMatches } from './test/pike-reference.js';

describe('the two-phase matcher against the old Pike VM', () => {
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
