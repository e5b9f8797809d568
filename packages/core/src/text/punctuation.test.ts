import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarkCursor } from './punctuation.js';

describe('MarkCursor', () => {
  it('answers the first half-width mark at or after each position asked, in any order', () => {
    const text = fc
      .array(fc.constantFrom(...'():,;<>体，（a '), { maxLength: 60 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(70), { maxLength: 20 }), (t, asked) => {
        const cursor = new MarkCursor(t);
        for (const position of asked) {
          let expected = Infinity;
          for (let i = position; i < t.length; i++) {
            if ('():,;<>'.includes(t[i]!)) {
              expected = i;
              break;
            }
          }
          expect(cursor.from(position)).toBe(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
