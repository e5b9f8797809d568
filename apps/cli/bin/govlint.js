#!/usr/bin/env node
import process from 'node:process';
import { setFlagsFromString } from 'node:v8';

// Less inlining makes TurboFan compile each hot function sooner: a CI run is
// mostly the JIT warming up, with one spare core for the compiler at best.
// Measured on 2 cores, 1000 reports: 0.89-0.90 of the wall time, the same at
// steady state (docs/performance.md). Set before any of govlint's code runs.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');

const { main } = await import('../bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
