import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextSameUnit } from './words.js';

describe('nextSameUnit', () => {
  it('gives the next position of the same unit, whatever texts came before', () => {
    // The scratch table is shared between calls: run texts one after another.
    const text = fc
      .array(fc.constantFrom(...'甲乙丙管理局x'), { maxLength: 40 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) => {
        for (const t of texts) {
          const expected = [...t].map((c, i) => t.indexOf(c, i + 1));
          expect([...nextSameUnit(t)]).toEqual(expected);
        }
      }),
    );
  });
});
