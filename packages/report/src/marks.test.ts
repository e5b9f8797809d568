import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMarks } from './marks.js';

/** The marks by a loop over every code unit: the reference. */
function reference(text: string): { sentenceEnds: number[]; days: number[] } {
  const sentenceEnds: number[] = [];
  const days: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '日') days.push(i);
    else if ('。！？；!?;'.includes(c)) sentenceEnds.push(i);
  }
  return { sentenceEnds, days };
}

describe('findMarks', () => {
  it('finds every sentence end and every 日, in order, in any text', () => {
    const unit = fc.constantFrom(
      '。',
      '！',
      '？',
      '；',
      '!',
      '?',
      ';',
      '日',
      '月',
      'a',
      ' ',
      '\n',
      '𠀀',
      '：',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
        const text = units.join('');
        expect(findMarks(text)).toEqual(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the same marks when called again (the regex state is reset)', () => {
    const text = '2023年12月31日。本年度；完成！';
    expect(findMarks(text)).toEqual(findMarks(text));
    expect(findMarks(text)).toEqual({ sentenceEnds: [11, 15, 18], days: [10] });
  });
});
