/**
 * The file system, for the server's two kinds of workspace input: rules
 * packs (`*.govlint` under the configured rule paths) and configuration
 * files (`govlint.config.json`, found by walking up from a report). An open
 * editor buffer always wins over the file on disk, so unsaved edits count.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PackSource } from '@govlint/core';

export const CONFIG_FILE_NAME = 'govlint.config.json';
export const RULES_EXTENSION = '.govlint';

/** The file-system path of a `file:` URI, or null for other schemes (untitled:, …). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The URI's path part decoded, or as written when its escapes are malformed. */
function decodedPath(uri: string): string {
  const path = uri.split(/[?#]/)[0] ?? uri;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function isRulesFile(uri: string, languageId?: string): boolean {
  return languageId === 'govlint-rules' || decodedPath(uri).endsWith(RULES_EXTENSION);
}

export function isConfigFile(uri: string): boolean {
  return decodedPath(uri).endsWith(`/${CONFIG_FILE_NAME}`);
}

function rulesFilesIn(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (stat.isFile()) return extname(path) === RULES_EXTENSION ? [path] : [];
  if (!stat.isDirectory()) return [];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter(
      (name) => name.endsWith(RULES_EXTENSION) && !name.split(/[\\/]/).includes('node_modules'),
    )
    .sort()
    .map((name) => join(path, name));
}

export interface LoadedPacks {
  readonly packs: readonly PackSource[];
  /** Rule paths that could not be read, with why. */
  readonly problems: readonly string[];
}

/**
 * One pack per rule path (a folder of `*.govlint` files or a single file),
 * with the text of open buffers in place of the files on disk.
 */
export function loadPacks(
  rulePaths: readonly string[],
  baseDir: string | null,
  openText: (path: string) => string | undefined,
): LoadedPacks {
  const packs: PackSource[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rulePath of rulePaths) {
    const full = isAbsolute(rulePath) ? rulePath : baseDir ? resolve(baseDir, rulePath) : null;
    if (!full) {
      problems.push(`规则路径 ${rulePath} 是相对路径，但没有工作区目录`);
      continue;
    }
    if (seen.has(full)) continue;
    seen.add(full);
    const files = rulesFilesIn(full);
    if (!files.length) {
      problems.push(`规则路径 ${full} 中没有 ${RULES_EXTENSION} 文件`);
      continue;
    }
    const sources = files.flatMap((path) => {
      try {
        return [{ uri: pathToUri(path), text: openText(path) ?? readFileSync(path, 'utf8') }];
      } catch (error) {
        problems.push(`无法读取规则文件 ${path}：${(error as Error).message}`);
        return [];
      }
    });
    packs.push({ id: basename(full, RULES_EXTENSION), files: sources });
  }
  return { packs, problems };
}
