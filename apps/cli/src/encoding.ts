/**
 * Writing a fix back in the file's own encoding (decoding is the reader's
 * `decode`: UTF-8 with or without BOM, UTF-16 with BOM, GB18030; the BOM is
 * not part of the text).
 *
 * Writing a fix back must keep the file's encoding. UTF-8 and UTF-16 are
 * re-encoded; there is no GB18030 encoder in Node, so a GB18030 file is
 * patched in place: GB18030's byte structure tells how many UTF-16 units
 * each sequence decodes to, which maps text offsets to byte offsets, and
 * the fixes only write ASCII digits, which GB18030 encodes as ASCII.
 */

/** What `@govlint/report`'s `decode` says about the bytes it decoded. */
export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'binary';
  readonly bom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The bytes of `fixed` in the original's encoding. `edits` are the changes
 * from `original.text` to `fixed` (needed to patch GB18030 in place); null
 * when the change cannot be written faithfully.
 */
export function encodeLike(
  original: Decoded,
  originalBytes: Uint8Array,
  fixed: string,
  edits: readonly { readonly start: number; readonly end: number; readonly text: string }[],
): Uint8Array | null {
  switch (original.encoding) {
    case 'binary':
      return null;
    case 'utf-8': {
      // Bytes that were not UTF-8 were read as U+FFFD: writing would lose them.
      if (original.text.includes('\ufffd')) return null;
      const body = new TextEncoder().encode(fixed);
      return original.bom ? concat([new Uint8Array(UTF8_BOM), body]) : body;
    }
    case 'utf-16le':
    case 'utf-16be':
      return encodeUtf16(fixed, original.encoding === 'utf-16le');
    case 'gb18030':
      return patchGb18030(originalBytes, original.bom ? 4 : 0, edits);
  }
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Byte offset of each requested UTF-16 offset, walking GB18030 sequences. */
function gbByteOffsets(
  bytes: Uint8Array,
  start: number,
  wanted: readonly number[],
): Map<number, number> {
  const targets = [...new Set(wanted)].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let unit = 0;
  let i = start;
  let t = 0;
  while (t < targets.length) {
    while (t < targets.length && targets[t] === unit) found.set(targets[t++] as number, i);
    if (i >= bytes.length) break;
    const b = bytes[i] as number;
    const second = bytes[i + 1] ?? 0;
    if (b < 0x80 || b === 0x80 || b === 0xff) {
      i += 1;
      unit += 1;
    } else if (second >= 0x30 && second <= 0x39) {
      // Four-byte sequences from 0x90 on are outside the BMP: two UTF-16 units.
      i += 4;
      unit += b >= 0x90 ? 2 : 1;
    } else {
      i += 2;
      unit += 1;
    }
  }
  return found;
}

function patchGb18030(
  bytes: Uint8Array,
  start: number,
  edits: readonly { readonly start: number; readonly end: number; readonly text: string }[],
): Uint8Array | null {
  // eslint-disable-next-line no-control-regex
  if (edits.some((e) => !/^[\u0000-\u007f]*$/.test(e.text))) return null;
  const offsets = gbByteOffsets(
    bytes,
    start,
    edits.flatMap((e) => [e.start, e.end]),
  );
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const from = offsets.get(e.start);
    const to = offsets.get(e.end);
    if (from === undefined || to === undefined || from < at) return null;
    parts.push(bytes.subarray(at, from), new TextEncoder().encode(e.text));
    at = to;
  }
  parts.push(bytes.subarray(at));
  return concat(parts);
}
