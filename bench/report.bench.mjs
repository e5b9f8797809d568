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
function readAll(texts, uri) {
  let cells = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const text of texts) cells += readReport(text, template, { uri }).cells.length;
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000, cells };
}

/** Medians of RUNS reads of every text, after one warm-up (JIT). */
function medians(texts, uri) {
  readAll(texts, uri);
  const times = [];
  const cpu = [];
  let cells = 0;
  for (let r = 0; r < RUNS; r++) {
    globalThis.gc?.();
    const run = readAll(texts, uri);
    times.push(run.ms);
    cpu.push(run.cpu);
    cells = run.cells;
  }
  return { ms: median(times), cpu: median(cpu), cells };
}

const text = medians(reports, 'bench.txt');
console.log(
  `report: read ${reports.length} reports ${text.ms.toFixed(0)} ms (median of ${RUNS}; CPU ${text.cpu.toFixed(0)} ms; ${text.cells} cells per run)`,
);

// The same reports as HTML, as saved from a web page: each line a paragraph,
// each tab-separated line a table row. The reader reads the same cells from
// them (html.test.ts checks HTML layouts), through htmlparser2 and its text view.
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function toHtml(text) {
  const out = ['<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'];
  let inTable = false;
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    if (cells.length > 1 !== inTable) out.push(inTable ? '</table>' : '<table>');
    inTable = cells.length > 1;
    if (inTable) out.push(`<tr>${cells.map((c) => `<td>${escape(c.trim())}</td>`).join('')}</tr>`);
    else if (line.trim()) out.push(`<p>${escape(line.trim())}</p>`);
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}
const html = medians(reports.map(toHtml), 'bench.html');
console.log(
  `report: read the same ${reports.length} reports as HTML ${html.ms.toFixed(0)} ms (median of ${RUNS}; CPU ${html.cpu.toFixed(0)} ms; ${(html.ms / text.ms).toFixed(1)}× the text; ${html.cells} cells per run)`,
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
