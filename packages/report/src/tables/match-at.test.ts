import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldOffsets } from '../fold.js';
import { foldedOffsets } from './match-at.js';

describe('foldedOffsets', () => {
  it('gives the first offsets foldOffsets gives, for any text', () => {
    // Ideographs, spaces folding removes, full-width forms, units folding to several, surrogate pairs.
    const unit = fc.constantFrom(
      '申',
      '请',
      ' ',
      '　',
      '（',
      'Ａ',
      '１',
      '㎏',
      '…',
      '𠀀',
      '\ud800',
      'a',
      '·',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), fc.nat(30), (units, upTo) => {
        const text = `前${units.join('')}后`;
        const end = text.length - 1;
        const all = Array.from(foldOffsets(text, 1, end));
        const some = foldedOffsets(text, 1, end, upTo);
        // At least the first upTo + 1 (a unit folding to several may add a few more), all right.
        const n = Math.min(all.length, upTo + 1);
        expect(some.length).toBeGreaterThanOrEqual(n);
        expect(some).toEqual(all.slice(0, some.length));
      }),
      { numRuns: 3000 },
    );
  });
});
