/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, and
 * GB18030/GBK when the bytes are not valid UTF-8. A binary file (NUL bytes)
 * is reported, not read. Never throws.
 */
import type { Finding } from './model.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'binary';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  /** Whether the input started with a byte-order mark (not part of `text`). */
  readonly bom: boolean;
  readonly findings: Finding[];
}

export function decode(bytes: Uint8Array): Decoded {
  try {
    return decodeBytes(bytes);
  } catch {
    // Only a runtime without the needed decoder can get here.
    return { text: '', encoding: 'binary', bom: false, findings: [binary(0)] };
  }
}

function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return lenient('utf-8', bytes.subarray(3), true);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return lenient('utf-16le', bytes.subarray(2), true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return lenient('utf-16be', bytes.subarray(2), true);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { text: '', encoding: 'binary', bom: false, findings: [binary(nul)] };
  }
  const utf8 = tryFatal('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false, findings: [] };
  // Mostly UTF-8 with a few bad bytes (a cut last character, a stray byte)
  // stays UTF-8; otherwise GB18030 (a superset of GBK) is the usual legacy encoding.
  const loose = lenient('utf-8', bytes, false);
  const bad = countReplacements(loose.text);
  if (bad <= Math.max(1, loose.text.length / 1000)) return loose;
  const gb = tryFatal('gb18030', bytes);
  return gb !== null ? { text: gb, encoding: 'gb18030', bom: false, findings: [] } : loose;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function tryFatal(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function lenient(encoding: Encoding, bytes: Uint8Array, bom: boolean): Decoded {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  const findings: Finding[] = [];
  const bad = text.indexOf('\ufffd');
  if (bad >= 0 && tryFatal(encoding, bytes) === null) {
    findings.push({
      ruleId: 'encoding-invalid',
      severity: 'warning',
      message: `文件含有无法按 ${encoding.toUpperCase()} 解码的字节，已替换为“�”`,
      range: { start: bad, end: bad + 1 },
      data: { encoding },
    });
  }
  return { text, encoding, bom, findings };
}

function binary(at: number): Finding {
  return {
    ruleId: 'file-binary',
    severity: 'error',
    message: '文件是二进制文件（含 NUL 字节），不是文本格式的年度报告',
    range: { start: 0, end: 0 },
    data: { offset: at },
  };
}
