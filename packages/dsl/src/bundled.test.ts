import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePack, loadPack, type PackFileSystem } from './pack.js';
import { rulesDir } from './test/packs.js';

const nodeFs: PackFileSystem = {
  readDir: (path) => readdirSync(path),
  readFile: (path) => readFileSync(path, 'utf8'),
};

describe('the bundled packs (@govlint/rules, built by npm run build)', () => {
  it('compile together with no diagnostics', async () => {
    // Built by `npm run build` (rules/scripts/bundle.mjs); a stale or missing
    // dist fails here with the import error.
    const { builtinPacks } = await import('@govlint/rules');
    expect(builtinPacks.map((p) => p.id).sort()).toEqual(['gov-2019', 'gov-2021']);
    const result = compilePack(builtinPacks.flatMap((p) => p.files));
    expect(result.diagnostics).toEqual([]);
    expect(result.pack?.templates.map((t) => t.id)).toEqual(['gov-2021', 'gov-2019']);
  });

  it('match the rules files on disk', async () => {
    const { builtinPacks } = await import('@govlint/rules');
    for (const p of builtinPacks) {
      for (const f of p.files) {
        const name = f.uri.split('/').pop()!;
        expect(f.text, f.uri).toBe(readFileSync(new URL(`${p.id}/${name}`, rulesDir), 'utf8'));
      }
    }
  });
});

describe('loadPack', () => {
  const root = fileURLToPath(rulesDir);

  it('loads one folder with an injected file system', () => {
    const result = loadPack(`${root}gov-2021`, nodeFs);
    expect(result.diagnostics).toEqual([]);
    expect(result.pack?.templates.map((t) => t.id)).toEqual(['gov-2021']);
  });

  it('loads every pack folder of rules/ together, so gov-2019 can extend gov-2021', () => {
    expect(statSync(root).isDirectory()).toBe(true);
    const result = loadPack(root, nodeFs);
    expect(result.diagnostics).toEqual([]);
    expect(result.pack?.templates.map((t) => t.id)).toEqual(['gov-2021', 'gov-2019']);
  });

  it('refuses gov-2019 alone, naming the missing parent', () => {
    const result = loadPack(`${root}gov-2019`, nodeFs);
    expect(result.pack).toBeUndefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('dsl-unknown-template');
  });

  it('reports an empty or missing folder instead of throwing', () => {
    const result = loadPack('/nonexistent/rules', nodeFs);
    expect(result.pack).toBeUndefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['dsl-no-template']);
  });
});
