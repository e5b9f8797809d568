import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bracketAt, headingOf, isDecoration, trimmedEnd } from './subheadings.js';

describe('isDecoration', () => {
  it('is /[\\s#*>]/u on every BMP character', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (isDecoration(c) !== /[\s#*>]/u.test(String.fromCharCode(c))) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});

describe('trimmedEnd', () => {
  const trimmed = (line: string) => line.replace(/[\s*]+$/u, '');
  it('is the end of /[\\s*]+$/u removed, for every BMP character at the end', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const line = `（一）标题${String.fromCharCode(c)}*${String.fromCharCode(c)}`;
      if (trimmedEnd(`前${line}后`, 1, 1 + line.length) !== 1 + trimmed(line).length) {
        differ.push(c);
      }
    }
    expect(differ).toEqual([]);
  });

  it('stops at the line start and keeps inner spaces', () => {
    expect(trimmedEnd(' * \u3000', 0, 4)).toBe(0);
    expect(trimmedEnd('一 二 \t', 0, 5)).toBe(3);
    expect(trimmedEnd('x😀 ', 0, 4)).toBe(3);
  });
});

describe('bracketAt', () => {
  const BRACKETED = /^([（(])([一二三四五六七八九十]{1,3})([）)])/u;
  it('matches as BRACKETED on the sliced line, wherever the line ends', () => {
    const lines = [
      '（一）概述',
      '(二)情况',
      '（十一)x',
      '(十二十）',
      '（一二三四）',
      '（1）',
      '（一',
      '(一)',
    ];
    for (const line of lines) {
      const text = `前\n${line}\n后`;
      for (let end = 2; end <= 2 + line.length; end++) {
        const expected = BRACKETED.exec(text.slice(2, end));
        const found = bracketAt(text, { start: 2, end });
        expect(found ? [...found] : null).toEqual(expected ? [...expected] : null);
      }
    }
  });
});

describe('headingOf', () => {
  /** As first written: the first line's end searched first, then its decoration skipped. */
  const OPENERS = '一二三四五六七八九十（(';
  function reference(text: string, start: number, end: number) {
    const lineEnd = text.indexOf('\n', start);
    let e = lineEnd < 0 || lineEnd > end ? end : lineEnd;
    let s = start;
    while (s < e && isDecoration(text.charCodeAt(s))) s++;
    if (!OPENERS.includes(text[s] ?? '')) return null;
    e = trimmedEnd(text, s, e);
    return e > s ? { start: s, end: e } : null;
  }

  it('finds the line the search from the line end found', () => {
    const text = fc
      .array(fc.constantFrom(...'一二（(）#* \n\r\u3000体。'), { maxLength: 30 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const start = Math.min(a, b) % (t.length + 1);
        const end = Math.max(start, Math.max(a, b) % (t.length + 1));
        const found = headingOf(t, { range: { start, end }, section: 's', sentences: [] });
        expect(found?.range ?? null).toEqual(reference(t, start, end));
      }),
      { numRuns: 3000 },
    );
  });
});
