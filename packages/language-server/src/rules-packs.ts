/**
 * Which pack a rules file belongs to, so that it is checked with the files
 * it is compiled with: the workspace rule path that holds it; else its
 * folder. A folder named like a built-in pack (editing rules/gov-2021 in
 * govlint's own repository) is checked with its sibling folders in place of
 * the built-in packs, or every declaration would be declared twice.
 */
import type { PackSource } from '@govlint/core';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { loadPacks } from './workspace-files.js';

export interface RulesContext {
  readonly packs: readonly PackSource[];
  /** The packs stand in for the built-in ones instead of adding to them. */
  readonly replaceBuiltins: boolean;
  readonly problems: readonly string[];
}

function inside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!!rel && !rel.startsWith('..') && !isAbsolute(rel));
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir)
      .sort()
      .map((name) => join(dir, name))
      .filter((p) => statSync(p).isDirectory());
  } catch {
    return [];
  }
}

export function rulesContextFor(
  path: string,
  rulePaths: readonly string[],
  builtinIds: ReadonlySet<string>,
  openText: (path: string) => string | undefined,
): RulesContext {
  const own = rulePaths.find((rulePath) => inside(path, rulePath));
  if (own) return { ...loadPacks([own], null, openText), replaceBuiltins: false };
  const folder = dirname(path);
  if (builtinIds.has(basename(folder))) {
    const siblings = subfolders(dirname(folder)).filter((dir) => builtinIds.has(basename(dir)));
    return { ...loadPacks(siblings, null, openText), replaceBuiltins: true };
  }
  return { ...loadPacks([folder], null, openText), replaceBuiltins: false };
}
