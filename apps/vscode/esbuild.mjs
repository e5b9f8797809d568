/* global process, console */
// Bundles the extension and the language server (with every workspace
// package it uses, including @govlint/rules' bundled rules text) into two
// CommonJS files, so the .vsix needs no node_modules: dist/extension.cjs
// (vscode is provided by the editor) and dist/server.cjs.
import { packsDefine } from '@govlint/core';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// The server's built entry point (packages/language-server/dist/main.js).
const serverEntry = join(dirname(require.resolve('@govlint/language-server')), 'main.js');
const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.82 runs extensions on Node 18.
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Some dependencies ship both ESM and CJS: prefer the ESM for better bundling.
  mainFields: ['module', 'main'],
};

await build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.cjs',
  external: ['vscode'],
});
// The built-in packs compiled now, embedded as JSON: the server starts
// without running the DSL's parser (packages/core/src/precompiled.ts).
await build({
  ...common,
  entryPoints: [serverEntry],
  outfile: 'dist/server.cjs',
  define: packsDefine(),
});
console.log('bundled dist/extension.cjs and dist/server.cjs');
