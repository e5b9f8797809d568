// Rules DSL: parse + check + compile of the whole gov-2021 pack (every
// *.govlint file of rules/gov-2021), as the language server does on each
// edit of a rules file and core does once at start-up. Warm median of 100
// runs after 20 warm-up runs. Target: ≤ 20 ms.
// Needs the built package: `npm run build` first (the bench runner does it).
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compilePack } from '../packages/dsl/dist/index.js';

const WARMUP = 20;
const RUNS = 100;

const dir = new URL('../rules/gov-2021/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.govlint'))
  .sort()
  .map((f) => ({ uri: `rules/gov-2021/${f}`, text: readFileSync(new URL(f, dir), 'utf8') }));

function once() {
  const result = compilePack(files);
  if (!result.pack) throw new Error(`gov-2021 did not compile: ${result.diagnostics[0]?.message}`);
  return result;
}

for (let i = 0; i < WARMUP; i++) once();
const times = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  once();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const p90 = times[Math.floor(times.length * 0.9)];
const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0);
console.log(`dsl: compile gov-2021 median ${median.toFixed(2)} ms`);
console.log(
  `dsl: p90 ${p90.toFixed(2)} ms over ${RUNS} runs (${files.length} files, ${lines} lines)`,
);
