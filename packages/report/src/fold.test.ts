import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldLabel } from '@govlint/text';
import { fold, foldRange, sourceRange } from './fold.js';

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
      src.slice(sourceRange(src, f, at, at + 4).start, sourceRange(src, f, at, at + 4).end),
    ).toBe('予以\u3000公开');
    const pair = f.folded.indexOf('𠀀');
    expect(sourceRange(src, f, pair, pair + 2)).toEqual({ start: 5, end: 7 });
  });
});
