import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberingLength, splitNumbering } from './numbering.js';

const units = (s: string): Uint16Array => Uint16Array.from(s, (c) => c.charCodeAt(0));

describe('numberingLength', () => {
  it('is the length of splitNumbering’s numbering, for any folded label', () => {
    const unit = fc.constantFrom(...'一二三十百九、.()0123456789）主动公开 ab'.split(''));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const label = parts.join('');
        expect(numberingLength(units(label), label.length)).toBe(
          splitNumbering(label).numbering.length,
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('reads each form of numbering', () => {
    for (const [label, numbering] of [
      ['一、总体情况', '一、'],
      ['十二.其他', '十二.'],
      ['(三)政府', '(三)'],
      ['(一百)x', '(一百)'],
      ['12、x', '12、'],
      ['1234.x', ''],
      ['(12)x', '(12)'],
      ['(1234)x', ''],
      ['3)x', '3)'],
      ['二)x', '二)'],
      ['百)x', ''],
      ['主动公开', ''],
      ['', ''],
    ] as const) {
      expect([label, numberingLength(units(label), label.length)]).toEqual([
        label,
        numbering.length,
      ]);
      expect(splitNumbering(label).numbering).toBe(numbering);
    }
  });
});
