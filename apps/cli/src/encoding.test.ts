import { describe, expect, it } from 'vitest';
import { decode } from '@govlint/report';
import { encodeLike } from './encoding.js';

describe('encodeLike', () => {
  it('patches GB18030 in place, past two-byte, four-byte and supplementary characters', () => {
    // `表➀𠀀 总计<TAB>0<LF>` (iconv -t gb18030): 表 is two bytes, ➀ four bytes
    // (one UTF-16 unit), 𠀀 four bytes (two units).
    const bytes = Uint8Array.from([
      0xb1, 0xed, 0x81, 0x37, 0xc8, 0x36, 0x95, 0x32, 0x82, 0x36, 0x20, 0xd7, 0xdc, 0xbc, 0xc6,
      0x09, 0x30, 0x0a,
    ]);
    const original = decode(bytes);
    expect(original.encoding).toBe('gb18030');
    const at = original.text.indexOf('0');
    const fixed = `${original.text.slice(0, at)}12${original.text.slice(at + 1)}`;
    const out = encodeLike(original, bytes, fixed, [{ start: at, end: at + 1, text: '12' }]);
    expect(out).not.toBeNull();
    expect(decode(out!).text).toBe(fixed);
    expect(out!.length).toBe(bytes.length + 1);
  });

  it('keeps a UTF-8 BOM and UTF-16 byte order', () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]);
    const out = encodeLike(decode(withBom), withBom, 'b', []);
    expect([...out!]).toEqual([0xef, 0xbb, 0xbf, 0x62]);
    const utf16 = Uint8Array.from([0xfe, 0xff, 0x00, 0x61]);
    expect([...encodeLike(decode(utf16), utf16, 'b', [])!]).toEqual([0xfe, 0xff, 0x00, 0x62]);
  });

  it('refuses to write UTF-8 that had undecodable bytes, and non-ASCII into GB18030', () => {
    const broken = Uint8Array.from([0x61, 0xff, 0x62, 0x63, 0x64]);
    const decoded = decode(broken);
    expect(decoded.text).toContain('\ufffd');
    expect(encodeLike(decoded, broken, 'x', [])).toBeNull();
    const gb = Uint8Array.from([0xb1, 0xed, 0x30]);
    expect(encodeLike(decode(gb), gb, '表表', [{ start: 1, end: 2, text: '表' }])).toBeNull();
  });
});
