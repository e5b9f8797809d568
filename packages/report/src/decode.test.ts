import { describe, expect, it } from 'vitest';
import { decode, readReport } from './index.js';
import { gov2021 } from './test/gov-2021.fixture.js';
import { seedText } from './test/seeds.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (h: string) => Uint8Array.from(h.match(/../gu) ?? [], (b) => Number.parseInt(b, 16));

describe('decode', () => {
  it('reads UTF-8 with and without a BOM; the BOM is not part of the text', () => {
    expect(decode(utf8('一、总体情况'))).toMatchObject({
      text: '一、总体情况',
      encoding: 'utf-8',
      bom: false,
    });
    const withBom = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('一、总体情况')]));
    expect(withBom).toMatchObject({
      text: '一、总体情况',
      encoding: 'utf-8',
      bom: true,
      findings: [],
    });
  });

  it('reads GB18030 when the bytes are not UTF-8', () => {
    // `一、总体情况⏎（七）总计⇥２⏎` encoded by iconv -t gb18030.
    const d = decode(hex('d2bba1a2d7dccce5c7e9bff60aa3a8c6dfa3a9d7dcbcc609a3b20a'));
    expect(d).toMatchObject({
      text: '一、总体情况\n（七）总计\t２\n',
      encoding: 'gb18030',
      findings: [],
    });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = [
      0xff,
      0xfe,
      ...[...'总计'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ];
    const be = [
      0xfe,
      0xff,
      ...[...'总计'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]),
    ];
    expect(decode(new Uint8Array(le))).toMatchObject({
      text: '总计',
      encoding: 'utf-16le',
      bom: true,
    });
    expect(decode(new Uint8Array(be))).toMatchObject({
      text: '总计',
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('reports a binary file once and gives no text', () => {
    const d = decode(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    expect(d.text).toBe('');
    expect(d.encoding).toBe('binary');
    expect(d.findings.map((f) => [f.ruleId, f.severity])).toEqual([['file-binary', 'error']]);
  });

  it('keeps a UTF-8 file cut inside its last character as UTF-8, with a warning', () => {
    const bytes = utf8('一、总体情况');
    const d = decode(bytes.subarray(0, bytes.length - 1));
    expect(d.encoding).toBe('utf-8');
    expect(d.text.startsWith('一、总体')).toBe(true);
    expect(d.findings.map((f) => f.ruleId)).toEqual(['encoding-invalid']);
  });

  it('leaves line ends as they are (CRLF, lone CR): positions stay those of the file', () => {
    expect(decode(utf8('a\r\nb\rc')).text).toBe('a\r\nb\rc');
  });

  it('a seed re-encoded in UTF-16 reads to the same cells', () => {
    const text = seedText('003');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const cells = (t: string) => readReport(t, gov2021, { uri: 'x' }).cells;
    expect(cells(decode(bytes).text)).toEqual(cells(text));
  });
});
