/**
 * The server's view of the workspace: settings, configuration files, and
 * linters built from the built-in packs plus the workspace's rules packs.
 * All are cached, and dropped when a rules file, a config file or the
 * settings change (the server then lints every open report again).
 */
import type { FileConfig, Linter, LinterOptions } from '@govlint/core';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import {
  configForFile,
  matchedByConfigGlobs,
  readConfigChain,
  type ConfigChain,
} from './config.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { loadPacks, uriToPath } from './workspace-files.js';

export type LinterFactory = (options: LinterOptions) => Linter;

export interface WorkspaceLog {
  error(message: string): void;
}

/** What applies to one document: its linter and its resolved configuration. */
export interface DocumentSetup {
  readonly linter: Linter;
  readonly config: FileConfig | undefined;
  /** A config `overrides[].files` glob names the file: lint it whatever its language. */
  readonly named: boolean;
}

export class Workspace {
  settings: Settings = DEFAULT_SETTINGS;
  /** Workspace folders, as paths; relative setting rule paths resolve against the first. */
  roots: string[] = [];

  /** Linters by their set of extra rule paths. */
  private readonly linters = new Map<string, Linter>();
  private readonly chains = new Map<string, ConfigChain>();
  private readonly reported = new Set<string>();
  private builtins: ReadonlySet<string> | undefined;

  constructor(
    private readonly createLinter: LinterFactory,
    /** The text of an open editor buffer for a path, if one is open. */
    private readonly openText: (path: string) => string | undefined,
    private readonly log: WorkspaceLog,
  ) {}

  setup(uri: string): DocumentSetup {
    const path = uriToPath(uri);
    const chain = path ? this.chainFor(dirname(path)) : undefined;
    const config = path && chain ? configForFile(chain, path) : undefined;
    const named = !!(path && chain && matchedByConfigGlobs(chain, path));
    return { linter: this.linter(config?.rulePaths ?? []), config, named };
  }

  /** The linter with the settings' rule paths and a config's rule paths (absolute). */
  linter(configRulePaths: readonly string[] = []): Linter {
    const base = this.roots[0] ?? null;
    const key = JSON.stringify([base, this.settings.rulePaths, configRulePaths]);
    const cached = this.linters.get(key);
    if (cached) return cached;
    const { packs, problems } = loadPacks(
      [...this.settings.rulePaths, ...configRulePaths],
      base,
      this.openText,
    );
    problems.forEach((p) => this.logOnce(p));
    let linter: Linter;
    try {
      linter = this.createLinter(packs.length ? { extraPacks: packs } : {});
    } catch (error) {
      // A pack that breaks the compiler must not take the built-in rules with it.
      this.log.error(`规则包无法加载，改用内置规则：${(error as Error)?.stack ?? String(error)}`);
      linter = this.createLinter({});
    }
    this.linters.set(key, linter);
    return linter;
  }

  private chainFor(dir: string): ConfigChain {
    let chain = this.chains.get(dir);
    if (!chain) {
      chain = readConfigChain(dir, this.openText);
      for (const e of chain.errors) this.logOnce(`${e.file}:${e.line}:${e.column}: ${e.message}`);
      this.chains.set(dir, chain);
    }
    return chain;
  }

  /** Log a workspace problem once, not on every keystroke. */
  private logOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.log.error(message);
  }

  /** Workspace rule paths as absolute paths: the settings' and the root config's. */
  rulePaths(): string[] {
    const base = this.roots[0];
    const fromSettings = this.settings.rulePaths.flatMap((p) =>
      isAbsolute(p) ? [p] : base ? [resolve(base, p)] : [],
    );
    const fromConfig = base ? configForFile(this.chainFor(base), join(base, '_')).rulePaths : [];
    return [...fromSettings, ...fromConfig];
  }

  /** Template ids of the built-in packs (they name the packs' folders). */
  builtinIds(): ReadonlySet<string> {
    this.builtins ??= new Set(
      this.createLinter({})
        .templates()
        .map((t) => t.id),
    );
    return this.builtins;
  }

  /** A rules file changed: rebuild the linters on next use. */
  invalidatePacks(): void {
    this.linters.clear();
  }

  /** A config file or the settings changed: forget everything derived from them. */
  invalidateConfig(): void {
    this.chains.clear();
    this.linters.clear();
    this.reported.clear();
  }
}
