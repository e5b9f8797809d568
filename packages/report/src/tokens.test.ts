import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens.js';

/** Tokens as `kind:text`, numbers with their digits. */
function tok(text: string): string[] {
  return tokenize(text, 0, text.length).map(
    (t) => `${t.kind}:${text.slice(t.start, t.end)}${t.kind === 'number' ? `=${t.digits}` : ''}`,
  );
}

describe('tokenize', () => {
  it('splits at TABs, pipes, line ends and runs of spaces; empty cells between delimiters', () => {
    expect(tok('规章\t0\t\t3\t')).toEqual(['text:规章', 'number:0=0', 'empty:', 'number:3=3']);
    expect(tok('| 一、本年 | | 0 | 1 |')).toEqual([
      'text:一、本年',
      'empty: ',
      'number:0=0',
      'number:1=1',
    ]);
    expect(tok('0 1 1  2')).toEqual(['number:0=0', 'number:1=1', 'number:1=1', 'number:2=2']);
    expect(tok('会 公 益 组 织')).toEqual(['text:会 公 益 组 织']);
    expect(tok('a\r\nb\rc')).toEqual(['text:a', 'text:b', 'text:c']);
  });

  it('reads a number cell with spaces or decoration around it as the number alone', () => {
    expect(tok(' 12 \t**3**\t `4`|５ ')).toEqual([
      'number:12=12',
      'number:3=3',
      'number:4=4',
      'number:５=5',
    ]);
    expect(tokenize('\t12 \t', 0, 5).map((t) => [t.kind, t.start, t.end, t.field])).toEqual([
      ['empty', 0, 0, 0],
      ['number', 1, 3, 1],
    ]);
    // Digits followed by anything but spaces, decoration or a delimiter are no plain number.
    expect(tok('12 年\t3x')).toEqual(['number:12=12', 'text:年', 'number:3=3', 'text:x']);
  });

  it('an empty first field is a cell only in a TAB-separated row', () => {
    expect(tok('\t\t0\t0')).toEqual(['empty:', 'empty:', 'number:0=0', 'number:0=0']);
    expect(tok('\t0')).toEqual(['number:0=0']);
    expect(tok('| a |')).toEqual(['text:a']);
  });

  it('skips ruling lines; reads non-numeric cell markers', () => {
    expect(tok('|---|---|\n|||\n-\t/\t无')).toEqual([
      'non-numeric:-',
      'non-numeric:/',
      'non-numeric:无',
    ]);
  });

  it('reads full-width digits, decimals, thousands separators and negative numbers', () => {
    expect(tok('１２\t58.94\t29,588\t-3')).toEqual([
      'number:１２=12',
      'number:58.94=58.94',
      'number:29,588=29588',
      'number:-3=-3',
    ]);
  });

  it('keeps outline numbering with its label, and splits it from digits glued before it', () => {
    expect(tok('1. 属于国家秘 密')).toEqual(['text:1. 属于国家秘 密']);
    expect(tok('秘密00000002.其他法律')).toEqual([
      'text:秘密',
      'number:0000000=0000000',
      'text:2.其他法律',
    ]);
    expect(tok('信息 10000016.属于')).toEqual([
      'text:信息',
      'number:1000001=1000001',
      'text:6.属于',
    ]);
    expect(tok('2023 年')).toEqual(['number:2023=2023', 'text:年']);
  });

  it('regression: numbering at offset 0 of the text does not loop forever', () => {
    expect(tok('1.属于一、总体\t0第二')).toEqual([
      'text:1.属于一、总体',
      'number:0=0',
      'text:第二',
    ]);
  });

  it("reads each number's value from its code units as Number reads its digits", () => {
    const digit = fc.constantFrom('0', '1', '5', '9', '０', '７', '９');
    const run = fc.array(digit, { minLength: 1, maxLength: 20 }).map((d) => d.join(''));
    const cell = fc.oneof(
      run,
      fc.tuple(run, run).map(([a, b]) => `${a}.${b}`),
      fc.tuple(run, run).map(([a, b]) => `-${a}${b}`),
      fc.tuple(run, fc.constantFrom('123', '000')).map(([a, b]) => `${a},${b}`),
      fc.tuple(fc.constantFrom('共', '计'), run).map(([w, a]) => `${w}${a}`),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        const text = cells.join('\t');
        const numbers = tokenize(text, 0, text.length).filter((t) => t.kind === 'number');
        expect(numbers.length).toBeGreaterThan(0);
        for (const t of numbers) expect(Object.is(t.value, Number(t.digits))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(tokenize('１２\t007', 0, 6).map((t) => t.value)).toEqual([12, 7]);
  });
});
