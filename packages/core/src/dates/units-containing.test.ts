import { describe, expect, it } from 'vitest';
import { FULL_YEAR, NEEDED } from './period.js';
import { unitsContaining } from './units-containing.js';

describe('unitsContaining', () => {
  const naive = (text: string, units: { start: number; end: number }[], needle: string) =>
    units.filter((u) => text.slice(u.start, u.end).includes(needle));

  it('finds the units a slice and includes() would find, in order or not', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 60 }, () => '3１1 年。'[random(6)]).join('');
      const units = Array.from({ length: 8 }, () => {
        const start = random(60);
        return { start, end: start + random(61 - start) };
      });
      if (round % 2 === 0) units.sort((a, b) => a.start - b.start);
      expect(unitsContaining(text, units, NEEDED)).toEqual(naive(text, units, NEEDED));
    }
  });

  it('keeps every sentence in which the statistical period can match', () => {
    // The period always ends on 12月31日: a sentence without “31” cannot hold it.
    const sentence = '本报告统计期限自2023 年 1 月 1 日起至 2023 年 12 月 31 日止';
    expect(FULL_YEAR.test(sentence)).toBe(true);
    expect(FULL_YEAR.test(sentence.replace(NEEDED, '3 1'))).toBe(false);
    expect(FULL_YEAR.source).toContain(`12\\s*月\\s*${NEEDED}\\s*日`);
  });
});
