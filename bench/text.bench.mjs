// Narrative, text and date rules: their share of a lint, and the matcher on
// the worst pattern the rules language allows.
//  1. The five seeds, linted with every built-in rule and with the text
//     rules turned off: medians and the ratio (the text rules' cost).
//  2. A 1 MB report (seed 002 + 1 MB of ordinary prose): with and without
//     the text rules (the literal prefilter keeps the matcher off most units).
//  3. `"甲" gap 0..200 "乙" gap 0..200 "丙"` over 100 KB and 1 MB of 甲 (every
//     position starts a match attempt): the matcher's time, and the ratio
//     (linear: ≈ 10); then over 1 MB of matches and near misses (each match
//     and each near miss spans 300 characters of gaps).
// Run with `npm run bench` (builds first) or `node bench/text.bench.mjs`.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createLinter } from '@govlint/core';
import { compilePattern, findMatches } from '@govlint/dsl';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const seedsDir = new URL('../../shared/seeds/', import.meta.url);
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, seedsDir), 'utf8'));

const linter = createLinter();
const textRules = linter
  .rules()
  .filter((r) => ['narrative', 'text', 'date'].includes(r.category))
  .map((r) => r.id);
const off = { rules: Object.fromEntries(textRules.map((id) => [id, 'off'])) };

function median(run) {
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const lintAll = (texts, config) => () => {
  for (const text of texts) linter.lint(text, { uri: 'x.txt', ...(config ? { config } : {}) });
};

lintAll(seeds)(); // warm-up
const withText = median(lintAll(seeds));
const without = median(lintAll(seeds, off));
console.log(`text: ${textRules.length} narrative/text/date rules`);
console.log(
  `text: 5 seeds median ${withText.toFixed(1)} ms with, ${without.toFixed(1)} ms without (ratio ${(withText / without).toFixed(2)})`,
);

const prose = '本机关持续推进政务公开工作，不断完善制度，提升公开质量。\n';
const big = seeds[2] + prose.repeat(Math.ceil(1_000_000 / prose.length));
const bigWith = median(lintAll([big]));
const bigWithout = median(lintAll([big], off));
console.log(
  `text: 1 MB report median ${bigWith.toFixed(0)} ms with, ${bigWithout.toFixed(0)} ms without (ratio ${(bigWith / bigWithout).toFixed(2)})`,
);

const program = compilePattern({
  kind: 'seq',
  items: [
    { kind: 'literal', text: '甲' },
    { kind: 'gap', min: 0, max: 200 },
    { kind: 'literal', text: '乙' },
    { kind: 'gap', min: 0, max: 200 },
    { kind: 'literal', text: '丙' },
  ],
});
const small = '甲'.repeat(100_000);
const large = '甲'.repeat(1_000_000);
const tSmall = median(() => findMatches(program, small));
const tLarge = median(() => findMatches(program, large));
console.log(
  `text: two gaps of 200 over 100 KB median ${tSmall.toFixed(0)} ms, over 1 MB ${tLarge.toFixed(0)} ms (ratio ${(tLarge / tSmall).toFixed(1)}, linear ≈ 10)`,
);

const hit = `甲${'x'.repeat(150)}乙${'y'.repeat(150)}丙`;
const miss = `甲${'x'.repeat(150)}乙${'y'.repeat(150)}`;
const mixed = (hit + miss).repeat(Math.floor(1_000_000 / (hit.length + miss.length)));
const found = findMatches(program, mixed).length;
const tMixed = median(() => findMatches(program, mixed));
console.log(
  `text: two gaps of 200 over 1 MB of ${found} matches and as many near misses median ${tMixed.toFixed(0)} ms`,
);
