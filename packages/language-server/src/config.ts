/**
 * Configuration discovery, the I/O half: every `govlint.config.json` from
 * the file system root down to a document's folder, read from an open
 * buffer when there is one (unsaved edits count) or from disk. Parsing,
 * validation and the merge are core's (`parseConfig`, `resolveConfig`), so
 * the CLI and the editor resolve a file's configuration identically.
 */
import { resolveConfig, type ConfigError, type FileConfig, type LoadedConfig } from '@govlint/core';
import { parseConfig } from '@govlint/core/config';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from './workspace-files.js';

export interface ConfigChain {
  /** Valid config files, outermost first. */
  readonly chain: readonly LoadedConfig[];
  /** Config files that could not be used, with located errors. */
  readonly errors: readonly ConfigError[];
}

/** Config file paths at or above `dir`, outermost first. */
export function configFilesAbove(dir: string): string[] {
  const found: string[] = [];
  let current = resolve(dir);
  for (;;) {
    const candidate = join(current, CONFIG_FILE_NAME);
    if (existsSync(candidate)) found.unshift(candidate);
    const parent = dirname(current);
    if (parent === current) return found;
    current = parent;
  }
}

export function readConfigChain(
  dir: string,
  openText: (path: string) => string | undefined,
): ConfigChain {
  const chain: LoadedConfig[] = [];
  const errors: ConfigError[] = [];
  for (const path of configFilesAbove(dir)) {
    let text: string;
    try {
      text = openText(path) ?? readFileSync(path, 'utf8');
    } catch (error) {
      const message = `无法读取配置文件：${(error as Error).message}`;
      errors.push({ file: path, line: 1, column: 1, endLine: 1, endColumn: 1, path: '', message });
      continue;
    }
    const parsed = parseConfig(text, path);
    if (parsed.ok) chain.push({ path: path.split('\\').join('/'), config: parsed.config });
    else errors.push(...parsed.errors);
  }
  return { chain, errors };
}

export function configForFile(chain: ConfigChain, path: string): FileConfig {
  return resolveConfig(chain.chain, path.split('\\').join('/'));
}

/** A template id no real pack declares: it marks which overrides matched. */
const PROBE = '\u0000override-matched';

/**
 * Whether an `overrides[].files` glob of the configuration names this file:
 * such a file is linted whatever its language id. The probe runs core's own
 * matching (globs relative to each config's folder) with every override
 * marked, so the editor and the CLI agree on which files a glob means.
 */
export function matchedByConfigGlobs(chain: ConfigChain, path: string): boolean {
  const probe = chain.chain.map(({ path: file, config }) => ({
    path: file,
    config: {
      ...config,
      template: undefined,
      overrides: config.overrides?.map((o) => ({ ...o, template: PROBE })),
    },
  }));
  return resolveConfig(probe, path.split('\\').join('/')).template === PROBE;
}
