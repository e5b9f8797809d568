import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPacks } from './defaults.js';
import { packsDefine, precompile } from './precompiled.js';

describe('bundledPacks', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('are read from __GOVLINT_PACKS__ when a bundler defined it, and used by every linter', async () => {
    const stored = precompile(defaultPacks.flatMap((p) => p.files));
    // What a bundler does with packsDefine(): each name becomes the expression it maps to.
    for (const [name, expression] of Object.entries(packsDefine())) {
      vi.stubGlobal(name, JSON.parse(expression));
    }
    vi.resetModules();
    const { bundledPacks } = await import('./precompiled.js');
    expect(bundledPacks?.fingerprint).toBe(stored.fingerprint);
    const dsl = await import('@govlint/dsl');
    const compile = vi.spyOn(dsl, 'compilePack');
    const { createLinter } = await import('./linter.js');
    expect(
      createLinter()
        .templates()
        .map((t) => t.id),
    ).toContain('gov-2021');
    expect(compile).not.toHaveBeenCalled();
  });

  it('are absent unbundled', async () => {
    const { bundledPacks } = await import('./precompiled.js');
    expect(bundledPacks).toBeUndefined();
  });
});
