import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textOrder } from './lexicon-search.js';

describe('textOrder', () => {
  it('is a stable sort of the indices by start', () => {
    // Matches as lexiconHits finds them: each entry's ascending, one entry after the other.
    const groups = fc.array(
      fc.array(fc.nat(50), { maxLength: 30 }).map((a) => a.sort((x, y) => x - y)),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(groups, (g) => {
        const starts = g.flat();
        const expected = starts.map((_, k) => k).sort((a, b) => starts[a]! - starts[b]!);
        expect([...Array.from(textOrder(starts))]).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
