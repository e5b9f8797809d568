import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldLabel } from '@govlint/text';
import { fold, foldRange, foldUnits, sourceRange, unitsEqual, unitsString } from './fold.js';

describe('fast folding', () => {
  it('folds exactly as foldLabel does, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(fold(s)).toBe(foldLabel(s));
        expect(foldRange(s, 0, s.length).folded).toBe(foldLabel(s));
      }),
      { numRuns: 500 },
    );
  });

  it('maps folded units back to their source, through full-width forms and surrogate pairs', () => {
    const src = '（ 一 ）𠀀 予以\u3000公开 ①';
    const f = foldRange(src, 0, src.length);
    expect(f.folded).toBe(foldLabel(src));
    const at = f.folded.indexOf('予以公开');
    expect(
      src.slice(
        sourceRange(src, f.offsets, at, at + 4).start,
        sourceRange(src, f.offsets, at, at + 4).end,
      ),
    ).toBe('予以\u3000公开');
    const pair = f.folded.indexOf('𠀀');
    expect(sourceRange(src, f.offsets, pair, pair + 2)).toEqual({ start: 5, end: 7 });
  });
});

describe('foldUnits', () => {
  it('gives the units of fold(slice), for any text and span', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.nat(), fc.nat(), (s, a, b) => {
        const start = a % (s.length + 1);
        const end = start + (b % (s.length - start + 1));
        const { units, length } = foldUnits(s, start, end);
        const expected = fold(s.slice(start, end));
        expect(unitsString(units, length)).toBe(expected);
        expect(unitsEqual(units, 0, expected)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('foldUnits on a long span', () => {
  it('folds a span longer than the reused buffer, and the buffer still serves short spans after', () => {
    const long = '（一）　本年 新收 ①'.repeat(8000);
    const { units, length } = foldUnits(long, 0, long.length);
    expect(unitsString(units, length)).toBe(fold(long));
    const short = foldUnits('二、 主动', 0, 5);
    expect(unitsString(short.units, short.length)).toBe(fold('二、 主动'));
  });
});
