import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LineIndex,
  editDistance,
  foldCodePoint,
  foldLabel,
  foldUnit,
  foldWithOffsets,
  isSpace,
  unitsToString,
} from './index.js';

describe('LineIndex', () => {
  it('counts UTF-16 units, so a surrogate pair is two characters', () => {
    const idx = new LineIndex('𠀀表三\n（七）总计');
    expect(idx.positionAt(2)).toEqual({ line: 0, character: 2 });
    expect(idx.positionAt(5)).toEqual({ line: 1, character: 0 });
    expect(idx.lineColumn(7)).toEqual({ line: 2, column: 3 });
  });

  it('treats CRLF, LF and a lone CR as one line end each', () => {
    const idx = new LineIndex('a\r\nb\rc\nd');
    expect(idx.lineCount).toBe(4);
    expect(idx.lineText(0)).toBe('a');
    expect(idx.lineText(1)).toBe('b');
    expect(idx.offsetAt({ line: 3, character: 0 })).toBe(7);
    expect(idx.lineEnd(0)).toBe(1);
  });

  it('clamps positions outside the text', () => {
    const idx = new LineIndex('ab\ncd');
    expect(idx.positionAt(99)).toEqual({ line: 1, character: 2 });
    expect(idx.offsetAt({ line: 0, character: 99 })).toBe(2);
    expect(idx.offsetAt({ line: 9, character: 0 })).toBe(5);
  });
});

describe('foldLabel', () => {
  it('folds full-width and half-width forms and deletes stray spaces', () => {
    expect(foldLabel('（一）予以公开')).toBe(foldLabel('(一) 予以公开'));
    expect(foldLabel('会 公 益 组 织')).toBe('会公益组织');
    expect(foldLabel('本年收费金额（单位：万元）')).toBe(foldLabel('本年收费金额(单位:万元)'));
    expect(foldLabel('3.危及“三安全一稳定”')).toBe(foldLabel('3. 危及"三安全一稳定"'));
    expect(foldLabel('| **二、主动公开** |')).toBe('二、主动公开');
  });

  it('maps folded units back to source offsets', () => {
    const src = 'x（ 一 ）y';
    const { folded, sourceOffsets } = foldWithOffsets(src);
    expect(folded).toBe('x(一)y');
    expect(src[sourceOffsets[2] as number]).toBe('一');
    expect(sourceOffsets[folded.length]).toBe(src.length);
  });
});

describe('editDistance', () => {
  it('measures a different word', () => {
    expect(editDistance('研究机构', '科研机构')).toBe(2);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('foldLabel fast paths agree with NFKC', () => {
  it('folds every BMP character as the slow path does', () => {
    // The slow path, restated: NFKC per code point, quotes to one class,
    // whitespace and decoration deleted.
    const slow = (cp: string) => {
      if (/[\s\u00a0\u3000\u200b\ufeff·•|*#]/u.test(cp)) return '';
      let s = cp.normalize('NFKC');
      if (/["“”„‟＂「」『』]/u.test(s)) s = '"';
      return s.replace(/\s+/gu, '');
    };
    let mismatches = 0;
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      if (foldLabel(ch) !== slow(ch)) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(foldLabel('𠀀（一）')).toBe('𠀀(一)');
  });
});

describe('foldWithOffsets', () => {
  it('folds like foldLabel per code point, with each unit mapped to its source offset', () => {
    // The reference: one code point at a time, offsets written out by hand.
    const reference = (t: string, start: number, end: number) => {
      let folded = '';
      const offsets: number[] = [];
      for (let i = start; i < end;) {
        const width = (t.codePointAt(i) as number) > 0xffff && i + 1 < end ? 2 : 1;
        const f = foldLabel(t.slice(i, i + width));
        for (let k = 0; k < f.length; k++) offsets.push(i);
        folded += f;
        i += width;
      }
      return { folded, offsets: [...offsets, end] };
    };
    // Characters folding changes, deletes, expands (㍻ → 平成) or keeps, and a surrogate pair.
    const alphabet = [...'政府信息公开（）()，,：: 　\t\n“”"ＡＢ１２abAB12|*#·𠀀㍻－-'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const start = Math.min(a % (t.length + 1), b % (t.length + 1));
        const end = Math.max(a % (t.length + 1), b % (t.length + 1));
        const fast = foldWithOffsets(t, start, end);
        const slow = reference(t, start, end);
        expect(fast.folded).toBe(slow.folded);
        expect([...fast.sourceOffsets]).toEqual(slow.offsets);
      }),
    );
  });

  it('never reads past the end of its span, even inside a surrogate pair', () => {
    // Regression: a span ending between the halves of 𠀀 folded the whole pair.
    const { folded, sourceOffsets } = foldWithOffsets('𠀀x', 0, 1);
    expect(folded).toBe('\ud840');
    expect([...sourceOffsets]).toEqual([0, 1]);
  });

  it('grows its buffers when folding lengthens the text', () => {
    const t = '㍻'.repeat(1000);
    const { folded, sourceOffsets } = foldWithOffsets(t);
    expect(folded).toBe('平成'.repeat(1000));
    expect(sourceOffsets[1999]).toBe(999);
    expect(sourceOffsets[2000]).toBe(1000);
  });

  it('gives each call offsets of its own (its buffers are reused, its results are not)', () => {
    const first = foldWithOffsets('甲 乙 丙');
    foldWithOffsets('丁戊己庚辛壬癸');
    expect(first.folded).toBe('甲乙丙');
    expect([...first.sourceOffsets]).toEqual([0, 2, 4, 5]);
  });
});

describe('foldUnit and foldCodePoint', () => {
  it('agree with foldLabel on every BMP character and on a surrogate pair', () => {
    let mismatches = 0;
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) {
        if (foldUnit(code) !== -2) mismatches++;
        continue;
      }
      const expected = foldLabel(String.fromCharCode(code));
      const unit = foldUnit(code);
      const viaUnit = unit >= 0 ? String.fromCharCode(unit) : unit === -1 ? '' : null;
      if (viaUnit !== null && viaUnit !== expected) mismatches++;
      if (viaUnit === null && expected.length < 2) mismatches++;
      if (foldCodePoint(code) !== expected) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(foldCodePoint(0x20000)).toBe('𠀀');
  });
});

describe('unitsToString', () => {
  const units = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));
  it('gives back exactly the units, on either path', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (s, exact) => {
        const u = Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
        const hasSurrogate = /[\ud800-\udfff]/.test(s);
        expect(unitsToString(u, u.length, exact || hasSurrogate)).toBe(s);
      }),
    );
  });
  it('keeps a leading U+FEFF (text, not a byte-order mark) and stops at n', () => {
    expect(unitsToString(units('\ufeff公开'), 3, false)).toBe('\ufeff公开');
    expect(unitsToString(units('\ufeff公开'), 2, true)).toBe('\ufeff公');
  });
});

describe('isSpace', () => {
  it('is /\\s/u on every BMP code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (isSpace(c) !== /\s/u.test(String.fromCharCode(c))) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});
