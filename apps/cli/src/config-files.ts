/**
 * Config discovery: for each file, the `govlint.config.json` files of its
 * folder and every parent folder (cached per folder), or the one given with
 * `--config`. Resolution itself is core's pure `resolveConfig`, shared with
 * the language server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type ConfigError, type FileConfig, type LoadedConfig, resolveConfig } from '@govlint/core';

export const CONFIG_FILE = 'govlint.config.json';

/** Core's config-file reader: loaded by prepareConfigs, only when there is a file to read. */
let reader: typeof import('@govlint/core/config') | undefined;

/**
 * Call before linting these files: loads the config reader (and zod, ~40 ms
 * of start-up) if a config file is given or sits in a folder above one of
 * them. Most runs have none, and a CLI run on one file starts in ~0.3 s.
 */
export async function prepareConfigs(
  files: readonly string[],
  configFile: string | undefined,
): Promise<void> {
  if (reader) return;
  const seen = new Set<string>();
  const hasConfigAbove = (dir: string): boolean => {
    if (seen.has(dir)) return false; // already walked, and nothing was found
    seen.add(dir);
    if (existsSync(join(dir, CONFIG_FILE))) return true;
    const parent = dirname(dir);
    return parent !== dir && hasConfigAbove(parent);
  };
  if (configFile !== undefined || files.some((f) => hasConfigAbove(dirname(resolve(f))))) {
    reader = await import('@govlint/core/config');
  }
}

function configReader(): NonNullable<typeof reader> {
  // A config file appeared after prepareConfigs looked (or it was not called).
  if (!reader) throw new Error('config file found, but prepareConfigs() did not load the reader');
  return reader;
}

/** A config that cannot be used: every error located. */
export class ConfigFailure extends Error {
  constructor(readonly errors: readonly ConfigError[]) {
    super(errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  }
}

/** Forward slashes, the form core's path helpers take. */
export const toPosix = (p: string) => p.replace(/\\/g, '/');

export class ConfigLoader {
  private readonly chains = new Map<string, readonly LoadedConfig[]>();
  private readonly explicit: readonly LoadedConfig[] | undefined;

  constructor(configFile?: string) {
    this.explicit = configFile ? [load(resolve(configFile), true)] : undefined;
  }

  /** The configuration for a file; throws ConfigFailure for a broken config. */
  forFile(file: string): FileConfig {
    const path = resolve(file);
    const chain = this.explicit ?? this.chainFor(dirname(path));
    // No config file anywhere above: the same defaults for every file, made once.
    if (chain.length === 0) return (this.defaults ??= resolveConfig([], toPosix(path)));
    const config = resolveConfig(chain, toPosix(path));
    if (this.known) {
      const known = this.known(config.rulePaths);
      const packs = config.rulePaths.join('\u0000');
      for (const c of chain) this.checkIds(c as Loaded, known, packs);
    }
    return config;
  }

  /**
   * The rule and template ids a config may name, given the packs it adds;
   * a config naming another is an error, located at the name.
   */
  known: ((rulePaths: readonly string[]) => KnownIds) | undefined;
  private readonly checked = new Set<string>();
  private defaults: FileConfig | undefined;

  private checkIds(c: Loaded, known: KnownIds, packs: string): void {
    const key = `${c.path}\u0001${packs}`;
    if (this.checked.has(key)) return;
    this.checked.add(key);
    const errors: ConfigError[] = [];
    const template = (id: string | undefined, at: (string | number)[]) => {
      if (id !== undefined && !known.templates.has(id)) {
        const list = [...known.templates].join(', ');
        errors.push(
          configReader().configErrorAt(c.text, c.path, at, `未知的模板“${id}”（可用：${list}）`),
        );
      }
    };
    template(c.config.template, ['template']);
    c.config.overrides?.forEach((o, i) => template(o.template, ['overrides', i, 'template']));
    const check = (
      rules: Readonly<Record<string, unknown>> | undefined,
      at: (string | number)[],
    ) => {
      for (const id of Object.keys(rules ?? {})) {
        if (!known.rules.has(id)) {
          errors.push(
            configReader().configErrorAt(
              c.text,
              c.path,
              [...at, id],
              `未知的规则“${id}”（unknown rule; see govlint rules）`,
            ),
          );
        }
      }
    };
    check(c.config.rules, ['rules']);
    c.config.overrides?.forEach((o, i) => check(o.rules, ['overrides', i, 'rules']));
    if (errors.length) throw new ConfigFailure(errors);
  }

  /** Outermost first. */
  private chainFor(dir: string): readonly LoadedConfig[] {
    const cached = this.chains.get(dir);
    if (cached) return cached;
    const parent = dirname(dir);
    const outer = parent === dir ? [] : this.chainFor(parent);
    const own = load(join(dir, CONFIG_FILE), false);
    const chain = own ? [...outer, own] : outer;
    this.chains.set(dir, chain);
    return chain;
  }
}

export interface KnownIds {
  readonly rules: ReadonlySet<string>;
  readonly templates: ReadonlySet<string>;
}

interface Loaded extends LoadedConfig {
  readonly text: string;
}

function load(path: string, required: true): Loaded;
function load(path: string, required: false): Loaded | null;
function load(path: string, required: boolean): Loaded | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!required && (code === 'ENOENT' || code === 'ENOTDIR')) return null;
    throw new ConfigFailure([
      {
        file: path,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        path: '',
        message: `无法读取配置文件（${code ?? String(e)}）`,
      },
    ]);
  }
  const parsed = configReader().parseConfig(text, path);
  if (!parsed.ok) throw new ConfigFailure(parsed.errors);
  return { path: toPosix(path), config: parsed.config, text };
}
