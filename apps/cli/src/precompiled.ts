/**
 * The built-in packs as the bundle embeds them, compiled at build time
 * (esbuild.mjs). Unbundled (dist/, in tests) there are none, and the packs
 * are compiled at start-up as before.
 */
import type { PrecompiledPacks } from '@govlint/core';

declare const __GOVLINT_PACKS__: string | undefined;

export const precompiledPacks: PrecompiledPacks | undefined =
  typeof __GOVLINT_PACKS__ === 'string'
    ? (JSON.parse(__GOVLINT_PACKS__) as PrecompiledPacks)
    : undefined;
