/* global process, console */
// `node scripts/check-vsix.mjs govlint.vsix`: lists the package and fails
// when it lacks a file the extension needs or ships one it should not.
import { readFileSync } from 'node:fs';
import { checkVsix, zipEntries } from './vsix.mjs';

const file = process.argv[2] ?? 'govlint.vsix';
const zip = readFileSync(file);
for (const entry of zipEntries(zip))
  console.log(`${String(entry.size).padStart(10)}  ${entry.name}`);
const problems = checkVsix(zip);
for (const problem of problems) console.error(`check-vsix: ${problem}`);
if (problems.length) process.exit(1);
console.log(`check-vsix: ${file} is complete`);
