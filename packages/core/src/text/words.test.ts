import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latinRuns, repeatedWords } from './words.js';

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** The rule as first written: at each Chinese character, try every length from 2 to 8. */
function reference(text: string, start: number, end: number): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  for (let i = start; i < end; i++) {
    if (!isHan(text.charCodeAt(i))) continue;
    let found = 0;
    for (let length = 2; length <= 8 && i + 2 * length <= end; length++) {
      if (!isHan(text.charCodeAt(i + length - 1))) break;
      if (text.slice(i, i + length) === text.slice(i + length, i + 2 * length)) {
        found = length;
        break;
      }
    }
    if (found === 0) continue;
    out.push({ start: i, length: found });
    i += 2 * found - 1;
  }
  return out;
}

describe('repeatedWords', () => {
  it('finds what trying every length at every character finds', () => {
    // A small alphabet makes repeats common; x and the comma break runs of Chinese.
    const text = fc
      .array(fc.constantFrom(...'管理局甲乙x，'), { maxLength: 60 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const { start, end } = unitIn(t, a, b);
        expect(repeatedWords(t, { start, end })).toEqual(reference(t, start, end));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same when pairs of characters share a bucket of the last-seen table', () => {
    // U+4E00 and U+5E00 (and U+4E01, U+5E01) are 4096 apart: 一一 and 一帀 share a bucket.
    const text = fc
      .array(fc.constantFrom(...'一帀丁币x'), { maxLength: 60 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(repeatedWords(t, { start: 0, end: t.length })).toEqual(reference(t, 0, t.length));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds seed 001’s 管理管理局', () => {
    expect(repeatedWords('市场监督管理管理局', { start: 0, end: 9 })).toEqual([
      { start: 4, length: 2 },
    ]);
  });
});

describe('latinRuns', () => {
  it('finds what a regular expression over the unit finds', () => {
    // The rule as first written: letter-and-digit runs with a letter, then three letters or more.
    const reference = (t: string, start: number, end: number) =>
      [...t.slice(start, end).matchAll(/[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*/gu)]
        .filter((m) => (m[0].match(/[A-Za-z]/gu)?.length ?? 0) >= 3)
        .map((m) => ({ start: start + m.index, end: start + m.index + m[0].length }));
    const text = fc
      .array(fc.constantFrom(...'aZq19 体-.@'), { maxLength: 60 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const { start, end } = unitIn(t, a, b);
        expect(latinRuns(t, { start, end })).toEqual(reference(t, start, end));
      }),
      { numRuns: 2000 },
    );
  });
});

/** A unit of `t` from two random numbers: any start, any end after it, both inside the text. */
function unitIn(t: string, a: number, b: number): { start: number; end: number } {
  const start = Math.min(a, b) % (t.length + 1);
  return { start, end: Math.max(start, Math.max(a, b) % (t.length + 1)) };
}
