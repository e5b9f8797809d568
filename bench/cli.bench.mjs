// The issue's own measure, end to end: wall time of `govlint` over 1000
// reports (200 copies of each seed, about 9.5 MB) against a bare Node script
// that reads the same files and splits them into lines, each a fresh
// process, run side by side (alternating) so noise hits both alike.
// Prints the medians and the ratio (target: ≤ 3×), with the worker count the
// CLI chose (it uses worker threads only on idle cores), then where a
// main-thread run's time goes: start-up (one file), steady state (what 1000
// more reports add) and the rest, the JIT warming up on the first reports.
//
// Run with `npm run bench` (builds first) or `node bench/cli.bench.mjs`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const seedsDir = new URL('../../shared/seeds/', import.meta.url);
const cli = new URL('../apps/cli/bin/govlint.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'govlint-cli-bench-'));
const reports = join(dir, 'reports');
mkdirSync(reports);
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
for (let i = 0; i < 200; i++) {
  for (const s of seeds) {
    writeFileSync(
      join(reports, `${String(i).padStart(3, '0')}-${s}`),
      readFileSync(new URL(s, seedsDir)),
    );
  }
}
const bare = join(dir, 'bare.mjs');
writeFileSync(
  bare,
  `import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
let lines = 0;
for (const f of readdirSync(process.argv[2])) lines += readFileSync(join(process.argv[2], f), 'utf8').split('\\n').length;
console.log(lines);
`,
);

function wall(args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
wall([bare, reports]);
wall([cli, '--format', 'json', reports]);
const bareTimes = [];
const cliTimes = [];
const oneThread = [];
let problems = 0;
for (let r = 0; r < ROUNDS; r++) {
  bareTimes.push(wall([bare, reports]).ms);
  const run = wall([cli, '--format', 'json', reports]);
  cliTimes.push(run.ms);
  problems = JSON.parse(run.stdout).reduce((n, f) => n + f.messages.length, 0);
  oneThread.push(wall([cli, '--format', 'json', reports], { GOVLINT_WORKERS: '0' }).ms);
}
const b = median(bareTimes);
const c = median(cliTimes);
const mainThread = median(oneThread);
console.log(`cli: 1000 reports, ${problems} problems, ${ROUNDS} rounds (each a new process)`);
console.log(`  bare node read + split  median ${b.toFixed(0)} ms`);
console.log(
  `  govlint --format json   median ${c.toFixed(0)} ms  (${(c / b).toFixed(1)}× bare; target ≤ 3×)`,
);
console.log(
  `  govlint, main thread only median ${mainThread.toFixed(0)} ms  (${(mainThread / b).toFixed(1)}× bare)`,
);

// The split: T(1 file) is start-up; T(2000) − T(1000) is 1000 reports at
// steady state; what T(1000) has beyond both is the warm-up.
const single = join(dir, 'one');
const twice = join(dir, 'twice');
mkdirSync(single);
mkdirSync(twice);
const names = readdirSync(reports);
writeFileSync(join(single, names[0]), readFileSync(join(reports, names[0])));
for (const f of names) {
  const bytes = readFileSync(join(reports, f));
  writeFileSync(join(twice, f), bytes);
  writeFileSync(join(twice, `b-${f}`), bytes);
}
const mainOnly = (target) => wall([cli, '--format', 'json', target], { GOVLINT_WORKERS: '0' }).ms;
const startup = [];
const steady = [];
const warmup = [];
for (let r = 0; r < ROUNDS; r++) {
  const t1 = mainOnly(single);
  const t1000 = mainOnly(reports);
  const t2000 = mainOnly(twice);
  startup.push(t1);
  steady.push(t2000 - t1000);
  warmup.push(t1000 - t1 - (t2000 - t1000));
}
console.log(
  `  main thread, split       start-up ${median(startup).toFixed(0)} ms, warm-up ~${median(warmup).toFixed(0)} ms, 1000 reports at steady state ~${median(steady).toFixed(0)} ms`,
);
rmSync(dir, { recursive: true, force: true });
