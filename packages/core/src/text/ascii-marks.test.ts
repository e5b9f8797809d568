import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAsciiMarks, firstAtOrAfter } from './ascii-marks.js';

describe('findAsciiMarks', () => {
  it('finds every letter and half-width mark a loop by code unit finds, each in its list', () => {
    const reference = (t: string) => {
      const letters: number[] = [];
      const marks: number[] = [];
      for (let i = 0; i < t.length; i++) {
        if (/[A-Za-z]/u.test(t[i]!)) letters.push(i);
        else if ('():,;<>'.includes(t[i]!)) marks.push(i);
      }
      return { letters, marks };
    };
    const text = fc
      .array(fc.constantFrom(...'aZ9(),:;<>[]@`{ 体（：，'), { maxLength: 80 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(findAsciiMarks(t)).toEqual(reference(t));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('firstAtOrAfter', () => {
  it('is the index of the first position at or after the offset', () => {
    const positions = fc.uniqueArray(fc.nat(100)).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(positions, fc.nat(110), (p, offset) => {
        const expected = p.findIndex((x) => x >= offset);
        expect(firstAtOrAfter(p, offset)).toBe(expected < 0 ? p.length : expected);
      }),
      { numRuns: 1000 },
    );
  });
});
