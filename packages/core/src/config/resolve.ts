/**
 * Which configuration applies to one file. Discovery (reading config files
 * while walking up from the file's folder) is I/O and lives in the CLI and
 * the language server; this is the pure part, so that both resolve alike.
 *
 * The chain is ordered from the outermost config (nearest the file system
 * root) to the innermost (nearest the file): inner settings win, and within
 * a file, later overrides win over earlier ones and over the file's top
 * level. Globs are relative to the folder of the config that declares them;
 * a glob without `/` matches the file name at any depth (like .gitignore).
 */
import picomatch from 'picomatch/posix.js';
import type { ConfiguredSeverity } from '@govlint/text';
import type { ResolvedConfig } from '../api.js';
import { dirname, relativeTo, resolvePath } from './paths.js';
import type { GovlintConfig } from './schema.js';

export interface LoadedConfig {
  /** Absolute path of the config file, forward slashes. */
  readonly path: string;
  readonly config: GovlintConfig;
}

export interface FileConfig extends ResolvedConfig {
  /** An `ignore` glob matches the file: do not lint it. */
  readonly ignored: boolean;
  /** Absolute folders of extra rule packs, outermost config first. */
  readonly rulePaths: readonly string[];
  /** The config files that applied, outermost first. */
  readonly sources: readonly string[];
}

/** Keep only the configs that apply: from the innermost `root: true` inwards. */
export function effectiveChain(chain: readonly LoadedConfig[]): readonly LoadedConfig[] {
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i]?.config.root) return chain.slice(i);
  return chain;
}

export function resolveConfig(chain: readonly LoadedConfig[], file: string): FileConfig {
  let template: string | undefined;
  const rules: Record<string, ConfiguredSeverity> = {};
  const deadlines: Record<string, string> = {};
  const agencies: Record<string, string> = {};
  const rulePaths: string[] = [];
  let ignored = false;
  const applied = effectiveChain(chain);
  for (const { path, config } of applied) {
    const dir = dirname(path);
    const relative = relativeTo(dir, file);
    if (config.template) template = config.template;
    Object.assign(rules, config.rules);
    Object.assign(deadlines, config.deadlines);
    Object.assign(agencies, config.agencies);
    for (const p of config.rulePaths ?? []) rulePaths.push(resolvePath(dir, p));
    if (relative === null) continue;
    if (config.ignore && matches(config.ignore, relative)) ignored = true;
    for (const o of config.overrides ?? []) {
      if (!matches(o.files, relative)) continue;
      if (o.excludedFiles && matches(o.excludedFiles, relative)) continue;
      if (o.template) template = o.template;
      Object.assign(rules, o.rules);
      Object.assign(deadlines, o.deadlines);
    }
  }
  return {
    ...(template ? { template } : {}),
    rules,
    deadlines,
    ...(Object.keys(agencies).length > 0 ? { agencies } : {}),
    rulePaths,
    ignored,
    sources: applied.map((c) => c.path),
  };
}

const matchers = new Map<string, (path: string) => boolean>();

function matches(globs: string | readonly string[], relative: string): boolean {
  for (const glob of typeof globs === 'string' ? [globs] : globs) {
    let m = matchers.get(glob);
    if (!m) {
      const pattern = glob.replace(/^\.\//, '');
      const isMatch = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
      // A glob naming a folder covers what is inside it.
      const inside = picomatch(`${pattern.replace(/\/$/, '')}/**`, { dot: true });
      m = (p: string) => isMatch(p) || inside(p);
      matchers.set(glob, m);
    }
    if (m(relative)) return true;
  }
  return false;
}
