// Reading reports: 1000 seed-sized reports (200 copies of each of the five
// seeds, each copy made distinct so nothing can be cached by text), read with
// the compiled gov-2021 pack on one core. Prints the median of several runs.
// Also a 10 MB report, to show that reading stays linear.
// Needs the built packages: `npm run build` first (the bench runner does it).
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compilePack } from '@govlint/dsl';
import { builtinPacks } from '@govlint/rules';
import { readReport } from '@govlint/report';

const RUNS = 7;
const COPIES = 200;

const seedDir = new URL('../../shared/seeds/', import.meta.url);
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, seedDir), 'utf8'));

const pack = compilePack(builtinPacks.flatMap((p) => p.files)).pack;
const template = pack?.templates.find((t) => t.id === 'gov-2021');
if (!template) throw new Error('gov-2021 did not compile');

// Distinct texts: a trailing line with the copy's number.
const reports = [];
// Flat strings, as read from files (a concatenation would be flattened inside the timing).
for (let i = 0; i < COPIES; i++) {
  for (const s of seeds) reports.push(Buffer.from(`${s}\n${i}\n`).toString('utf8'));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// CPU time as well as wall time: on a busy machine the wall clock also counts other processes.
function readAll() {
  let cells = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const text of reports)
    cells += readReport(text, template, { uri: 'bench.txt' }).cells.length;
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000, cells };
}

readAll(); // warm-up (JIT)
const times = [];
const cpu = [];
let cells = 0;
for (let r = 0; r < RUNS; r++) {
  globalThis.gc?.();
  const run = readAll();
  times.push(run.ms);
  cpu.push(run.cpu);
  cells = run.cells;
}
console.log(
  `report: read ${reports.length} reports ${median(times).toFixed(0)} ms (median of ${RUNS}; CPU ${median(cpu).toFixed(0)} ms; ${cells} cells per run)`,
);

// Linearity: one report of about 10 MB (a seed repeated) against 1 MB.
const big = (bytes) => {
  const unit = seeds[0];
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
};
const timeOne = (text) => {
  const t = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    readReport(text, template, { uri: 'big.txt' });
    t.push(performance.now() - t0);
  }
  return median(t);
};
const oneMb = timeOne(big(1e6));
const tenMb = timeOne(big(1e7));
console.log(
  `report: 1 MB ${oneMb.toFixed(0)} ms, 10 MB ${tenMb.toFixed(0)} ms (ratio ${(tenMb / oneMb).toFixed(1)}, linear ≈ 10)`,
);
