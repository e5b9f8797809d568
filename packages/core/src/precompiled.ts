/**
 * Packs compiled ahead of time. The compiled form of a pack is plain data
 * (JSON), so a program that ships the built-in packs can ship them compiled
 * and skip the DSL's lexer, parser and checks at start-up. A fingerprint
 * ties the compiled result to the exact files it came from: any other set
 * of files (an extra pack, an edited rule) is compiled as usual.
 */
import type { PackCompiler } from './api.js';
import { defaultCompile, defaultPacks } from './defaults.js';

type PackFiles = Parameters<PackCompiler>[0];

export interface PrecompiledPacks {
  readonly fingerprint: string;
  readonly result: ReturnType<PackCompiler>;
}

/** FNV-1a over every file's uri and text: cheap, and any edit changes it. */
export function packFingerprint(files: PackFiles): string {
  let hash = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      hash ^= s.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    hash ^= 0xffff;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const f of files) {
    mix(f.uri);
    mix(f.text);
  }
  return `${files.length}:${(hash >>> 0).toString(16)}`;
}

/** Compile now, to be stored (JSON.stringify) and given to `usingPrecompiled` later. */
export function precompile(
  files: PackFiles,
  compile: PackCompiler = defaultCompile,
): PrecompiledPacks {
  return { fingerprint: packFingerprint(files), result: compile(files) };
}

declare const __GOVLINT_PACKS__: string | undefined;

/**
 * The built-in packs compiled when a program was bundled: a bundler that
 * defines `__GOVLINT_PACKS__` (the JSON of `precompile(defaultPacks…)`, as
 * apps/cli and apps/vscode do) makes every linter start from it.
 * Unbundled, there are none and the packs are compiled at start-up.
 */
export const bundledPacks: PrecompiledPacks | undefined =
  typeof __GOVLINT_PACKS__ === 'string'
    ? (JSON.parse(__GOVLINT_PACKS__) as PrecompiledPacks)
    : undefined;

/**
 * The esbuild `define` that embeds the built-in packs, compiled now, in a
 * bundle (read back by `bundledPacks`): one place for the name both sides use.
 */
export function packsDefine(): Record<string, string> {
  const packs = JSON.stringify(precompile(defaultPacks.flatMap((p) => p.files)));
  return { __GOVLINT_PACKS__: JSON.stringify(packs) };
}

/** A compiler that answers from `precompiled` when the files are the same, and compiles otherwise. */
export function usingPrecompiled(
  precompiled: PrecompiledPacks | undefined,
  compile: PackCompiler = defaultCompile,
): PackCompiler {
  if (!precompiled) return compile;
  return (files) =>
    packFingerprint(files) === precompiled.fingerprint ? precompiled.result : compile(files);
}
