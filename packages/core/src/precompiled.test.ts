import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultPacks } from './defaults.js';
import { createLinter } from './linter.js';
import { packFingerprint, precompile, usingPrecompiled } from './precompiled.js';

const files = defaultPacks.flatMap((p) => p.files);
const seed = readFileSync(
  new URL('../../../../shared/seeds/000_c9cdefee434a3be0.txt', import.meta.url),
  'utf8',
);

describe('precompiled packs', () => {
  it('lint alike after a JSON round trip, without compiling again', () => {
    const stored = JSON.parse(JSON.stringify(precompile(files)));
    let compiled = 0;
    const linter = createLinter({
      compile: usingPrecompiled(stored, () => {
        compiled++;
        return { pack: null, diagnostics: [] };
      }),
    });
    expect(compiled).toBe(0);
    const diagnostics = linter.lint(seed, { uri: 'a.txt' }).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(3);
    expect(diagnostics).toEqual(createLinter().lint(seed, { uri: 'a.txt' }).diagnostics);
  });

  it('compile any other set of files (an edited rule, an extra pack)', () => {
    const stored = precompile(files);
    const edited = files.map((f, i) => (i === 0 ? { ...f, text: `${f.text}\n` } : f));
    expect(packFingerprint(edited)).not.toBe(stored.fingerprint);
    expect(packFingerprint([{ uri: 'ab', text: 'c' }])).not.toBe(
      packFingerprint([{ uri: 'a', text: 'bc' }]),
    );
    let compiled = 0;
    const compile = usingPrecompiled(stored, (f) => {
      compiled++;
      return { pack: null, diagnostics: [], files: f.length } as never;
    });
    compile(edited);
    expect(compiled).toBe(1);
    expect(compile(files)).toBe(stored.result);
    expect(compiled).toBe(1);
  });
});
