// Linting throughput, side by side with the floor: 1000 reports (200 copies
// of each seed, about 11 MB) linted in-process with every built-in rule,
// against a bare script that reads the same files and splits them into lines.
// Prints the medians and the ratio (target: lint ≤ 3× the bare read), then
// the cost of one 1 MB and one 10 MB report (target: linear, ratio ≈ 10).
//
// Run with `npm run bench` (builds first) or `node bench/lint.bench.mjs`.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLinter } from '@govlint/core';
import { decode } from '@govlint/report';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const seedsDir = new URL('../../shared/seeds/', import.meta.url);
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(new URL(f, seedsDir), 'utf8') }));

const dir = mkdtempSync(join(tmpdir(), 'govlint-bench-'));
const files = [];
let bytes = 0;
mkdirSync(join(dir, 'reports'));
for (let i = 0; i < 200; i++) {
  for (const s of seeds) {
    const file = join(dir, 'reports', `${String(i).padStart(3, '0')}-${s.name}`);
    writeFileSync(file, s.text);
    bytes += Buffer.byteLength(s.text);
    files.push(file);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const time = (fn) => {
  globalThis.gc?.();
  const t0 = performance.now();
  const out = fn();
  return { ms: performance.now() - t0, out };
};

const linter = createLinter();

/** The floor: read every file and split it into lines. */
function bare() {
  let lines = 0;
  for (const f of files) lines += readFileSync(f, 'utf8').split('\n').length;
  return lines;
}

/** What `govlint` does per file, minus the terminal: read, decode, lint. */
function lintAll() {
  let diagnostics = 0;
  for (const f of files) {
    const { text } = decode(readFileSync(f));
    diagnostics += linter.lint(text, { uri: f }).diagnostics.length;
  }
  return diagnostics;
}

/** The same without the narrative, date and text rules (tables and structure only). */
const textRulesOff = {
  rules: Object.fromEntries(
    linter
      .rules()
      .filter((r) => ['narrative', 'date', 'text'].includes(r.category))
      .map((r) => [r.id, 'off']),
  ),
};
function lintTables() {
  let diagnostics = 0;
  for (const f of files) {
    const { text } = decode(readFileSync(f));
    diagnostics += linter.lint(text, { uri: f, config: textRulesOff }).diagnostics.length;
  }
  return diagnostics;
}

/** Where the time goes: reading the report alone (decode, the folded text and its literal index, the reader's model). */
function readAll() {
  let cells = 0;
  for (const f of files) {
    const { text } = decode(readFileSync(f));
    cells += linter.parse(text, { uri: f })?.cells.length ?? 0;
  }
  return cells;
}

// Warm up (JIT, file cache), then alternate so that noise hits all alike.
bare();
lintAll();
readAll();
lintTables();
const bareTimes = [];
const lintTimes = [];
const readTimes = [];
const tableTimes = [];
let diagnostics = 0;
for (let r = 0; r < ROUNDS; r++) {
  bareTimes.push(time(bare).ms);
  const run = time(lintAll);
  lintTimes.push(run.ms);
  diagnostics = run.out;
  readTimes.push(time(readAll).ms);
  tableTimes.push(time(lintTables).ms);
}
const bareMs = median(bareTimes);
const lintMs = median(lintTimes);
const readMs = median(readTimes);
const tablesMs = median(tableTimes);
console.log(
  `${files.length} reports, ${(bytes / 1e6).toFixed(1)} MB, ${diagnostics} diagnostics, ${ROUNDS} rounds`,
);
console.log(`  bare read + split lines  median ${bareMs.toFixed(0)} ms`);
console.log(
  `  govlint lint (in-process) median ${lintMs.toFixed(0)} ms  (${(lintMs / files.length).toFixed(2)} ms/report, ${(bytes / 1e6 / (lintMs / 1000)).toFixed(1)} MB/s)`,
);
console.log(
  `  of which reading (decode, folding, model) median ${readMs.toFixed(0)} ms, checking ${(lintMs - readMs).toFixed(0)} ms`,
);
console.log(
  `  without narrative/date/text rules  median ${tablesMs.toFixed(0)} ms (${(tablesMs / bareMs).toFixed(1)}× bare)`,
);
console.log(`  ratio lint / bare: ${(lintMs / bareMs).toFixed(1)}× (target ≤ 3×)`);

// One large report: seed 000 with its overview section grown by repeating
// its own paragraphs, so that the tables stay and only the text grows.
function grown(targetBytes) {
  const base = seeds[0].text;
  const at = base.indexOf('\n', base.indexOf('一、总体情况')) + 1;
  const end = base.indexOf('二、主动公开政府信息情况');
  const paragraph = base.slice(at, end);
  const copies = Math.max(
    1,
    Math.round((targetBytes - Buffer.byteLength(base)) / Buffer.byteLength(paragraph)),
  );
  return base.slice(0, at) + paragraph.repeat(copies) + base.slice(at);
}
const sizes = [1e6, 1e7].map((target) => {
  const text = grown(target);
  linter.lint(text, { uri: 'warm.txt' });
  const full = [];
  const tables = [];
  for (let r = 0; r < ROUNDS; r++) {
    full.push(time(() => linter.lint(text, { uri: 'big.txt' })).ms);
    tables.push(time(() => linter.lint(text, { uri: 'big.txt', config: textRulesOff })).ms);
  }
  return { mb: Buffer.byteLength(text) / 1e6, ms: median(full), tablesMs: median(tables) };
});
for (const s of sizes) {
  console.log(
    `  one ${s.mb.toFixed(1)} MB report: median ${s.ms.toFixed(0)} ms (without narrative/date/text rules ${s.tablesMs.toFixed(0)} ms)`,
  );
}
const [small, large] = sizes;
console.log(
  `  10 MB / 1 MB: ${(large.ms / small.ms).toFixed(1)}× the time (${(large.tablesMs / small.tablesMs).toFixed(1)}× without narrative rules) for ${(large.mb / small.mb).toFixed(1)}× the size (linear ≈ 10×)`,
);

rmSync(dir, { recursive: true, force: true });
