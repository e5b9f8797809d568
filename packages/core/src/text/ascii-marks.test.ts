import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLetterRuns, firstAbove } from './ascii-marks.js';

describe('findLetterRuns', () => {
  it('finds the maximal runs of ASCII letters a loop by code unit finds', () => {
    const reference = (t: string) => {
      const starts: number[] = [];
      const ends: number[] = [];
      for (let i = 0; i < t.length; i++) {
        if (!/[A-Za-z]/u.test(t[i]!)) continue;
        starts.push(i);
        while (i < t.length && /[A-Za-z]/u.test(t[i]!)) i++;
        ends.push(i);
      }
      return { starts, ends };
    };
    const text = fc
      .array(fc.constantFrom(...'aZq9(,[]@`{ 体Ａ'), { maxLength: 80 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(findLetterRuns(t)).toEqual(reference(t));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('firstAbove', () => {
  it('is the index of the first position above the offset', () => {
    const positions = fc.uniqueArray(fc.nat(100)).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(positions, fc.nat(110), (p, offset) => {
        const expected = p.findIndex((x) => x > offset);
        expect(firstAbove(p, offset)).toBe(expected < 0 ? p.length : expected);
      }),
      { numRuns: 1000 },
    );
  });
});
