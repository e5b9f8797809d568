/**
 * What linting one file needs besides the file: its configuration (found by
 * walking up from its folder) and a linter with the packs that configuration
 * adds. Built once per process (the main thread, or each worker).
 */
import type { FileConfig, Linter } from '@govlint/core';
import { ConfigLoader, prepareConfigs, toPosix } from './config-files.js';
import { type LintFileOptions, lintFile } from './lint-file.js';
import { LinterCache } from './packs.js';
import { type FileResult, count } from './results.js';

export interface RunOptions extends LintFileOptions {
  readonly configFile?: string;
  readonly rulesDirs: readonly string[];
}

export class Runner {
  private readonly configs: ConfigLoader;
  private readonly linters: LinterCache;

  /** A runner (a `--config` file is read now); call prepare(files) before linting them. */
  static async create(options: RunOptions): Promise<Runner> {
    await prepareConfigs([], options.configFile);
    return new Runner(options);
  }

  /** Loads what reading these files' config files takes, if they have any (see prepareConfigs). */
  prepare(files: readonly string[]): Promise<void> {
    return prepareConfigs(files, this.options.configFile);
  }

  private constructor(private readonly options: RunOptions) {
    this.configs = new ConfigLoader(options.configFile);
    this.linters = new LinterCache(options.rulesDirs);
    // Asked for every file: the ids are collected once per linter.
    const known = new WeakMap<Linter, { rules: Set<string>; templates: Set<string> }>();
    this.configs.known = (rulePaths) => {
      const linter = this.linters.get(rulePaths);
      let ids = known.get(linter);
      if (!ids) {
        ids = {
          rules: new Set(linter.rules().map((r) => r.id)),
          templates: new Set(linter.templates().map((t) => t.id)),
        };
        known.set(linter, ids);
      }
      return ids;
    };
  }

  /** The linter without packs from configuration: the catalogue, the templates. */
  baseLinter(): Linter {
    return this.linters.get();
  }

  configFor(file: string): FileConfig {
    return this.configs.forFile(file);
  }

  linterFor(config: FileConfig): Linter {
    return this.linters.get(config.rulePaths);
  }

  /**
   * Lint one file. An ignored file is skipped (null) when it came from a
   * folder or glob, and reported with a warning when it was named.
   */
  lint(
    file: string,
    {
      bytes = null,
      named = false,
      displayPath = file,
    }: { bytes?: Uint8Array | null; named?: boolean; displayPath?: string } = {},
  ): FileResult | null {
    const config = this.configFor(file);
    if (config.ignored && bytes === null) {
      if (!named) return null;
      return count(displayPath, [
        {
          ruleId: null,
          severity: 1,
          message: '文件被配置中的 ignore 规则忽略（file ignored by config）',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
        },
      ]);
    }
    const linter = this.linterFor(config);
    const result = lintFile(file, bytes, linter, config, this.options);
    return displayPath === file ? result : { ...result, filePath: displayPath };
  }
}

export { toPosix };
