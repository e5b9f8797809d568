// Bundles the CLI and its worker into bundle/. Why: Node's ESM loader
// pays per module, and chevrotain's lodash-es dependency alone is hundreds
// of modules; one bundle starts several times faster (see docs/cli.md).
import { rmSync } from 'node:fs';
import { packsDefine } from '@govlint/core';
import { build } from 'esbuild';

// Chunk names change with their content: start from an empty folder.
rmSync('bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'dist/main.js', worker: 'dist/worker.js' },
  // Same depth as dist/, so that '../package.json' still names this package.
  outdir: 'bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
  // The built-in packs, compiled now and embedded as JSON: the CLI starts
  // without running the DSL's parser (packages/core/src/precompiled.ts).
  define: packsDefine(),
  // CommonJS dependencies (picomatch) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __govlintRequire } from 'node:module'; const require = __govlintRequire(import.meta.url);",
  },
});
