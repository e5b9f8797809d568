/* global Buffer */
// Reads a .vsix (a zip file) without a dependency: the central directory
// lists the entries, and each one is stored or deflated.
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** @returns {{ name: string, method: number, compressedSize: number, size: number, localOffset: number }[]} */
export function zipEntries(zip) {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`bad central directory entry at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry. */
export function readZipEntry(zip, entry) {
  const at = entry.localOffset;
  if (zip.readUInt32LE(at) !== LOCAL) throw new Error(`bad local header for ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`unsupported compression method ${entry.method} for ${entry.name}`);
}

/** What the .vsix must hold to work without node_modules, and what it must not ship. */
export const REQUIRED_ENTRIES = [
  'extension/package.json',
  'extension/dist/extension.cjs',
  'extension/dist/server.cjs',
  'extension/syntaxes/govlint.tmLanguage.json',
  'extension/language-configuration.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
];
const FORBIDDEN = [/^extension\/node_modules\//, /^extension\/src\//, /\.ts$/, /\.vsix$/, /\.map$/];

/** Problems with a .vsix's contents; empty when it is complete. */
export function checkVsix(zip) {
  const entries = zipEntries(zip);
  const names = new Set(entries.map((e) => e.name));
  const lower = new Set([...names].map((n) => n.toLowerCase()));
  const problems = [];
  for (const required of REQUIRED_ENTRIES) {
    if (!names.has(required) && !lower.has(required.toLowerCase()))
      problems.push(`missing ${required}`);
  }
  for (const name of names) {
    if (FORBIDDEN.some((re) => re.test(name))) problems.push(`should not ship ${name}`);
  }
  const server = entries.find((e) => e.name === 'extension/dist/server.cjs');
  if (server) {
    const code = readZipEntry(zip, server).toString('utf8');
    // The built-in rules travel inside the bundle as text, not as a package to resolve.
    if (!code.includes('govlint-rules:/gov-2021/'))
      problems.push('server.cjs lacks the bundled gov-2021 rules');
    const unresolved = code.match(/require\(["']@govlint\/[^"']+["']\)/g);
    if (unresolved) problems.push(`server.cjs still requires ${unresolved.join(', ')}`);
  }
  return problems;
}
