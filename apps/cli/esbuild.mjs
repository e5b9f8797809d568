// Bundles the CLI and its worker into bundle/. Why: Node's ESM loader
// pays per module, and chevrotain's lodash-es dependency alone is hundreds
// of modules; one bundle starts several times faster (see docs/cli.md).
import { build } from 'esbuild';

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
  // CommonJS dependencies (picomatch) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __govlintRequire } from 'node:module'; const require = __govlintRequire(import.meta.url);",
  },
});
