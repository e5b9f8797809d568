import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseDate, dayNumber } from './calendar.js';

describe('dayNumber and chineseDate', () => {
  // As first written: the digits joined, and the parts split on “-”.
  const joined = (iso: string) => Number(iso.replaceAll('-', ''));
  const split = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  };
  const digits = (n: number) =>
    fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n });
  const iso = fc
    .tuple(digits(4), digits(2), digits(2))
    .map(([y, m, d]) => `${y.join('')}-${m.join('')}-${d.join('')}`);
  const odd = fc.array(fc.constantFrom(...'0129-x '), { maxLength: 12 }).map((c) => c.join(''));

  it('read YYYY-MM-DD and any other text as the first-written forms do', () => {
    fc.assert(
      fc.property(fc.oneof(iso, odd), (text) => {
        expect(dayNumber(text)).toEqual(joined(text));
        expect(chineseDate(text)).toBe(split(text));
      }),
      { numRuns: 3000 },
    );
    expect(chineseDate('2024-01-10')).toBe('2024年1月10日');
    expect(dayNumber('2024-01-10')).toBe(20240110);
  });
});
