/**
 * Extra rule packs from disk (`--rules DIR`, config `rulePaths`): the
 * folder's `.govlint` files, as text, for core to compile like the built-in
 * packs. A pack that does not compile is a usage error with located
 * messages, never a silently ignored rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLinter, type Linter, type PackSource } from '@govlint/core';
import { LineIndex } from '@govlint/text';
import { UsageError } from './args.js';

export function readPackDir(dir: string): PackSource {
  const absolute = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(absolute, { recursive: true, encoding: 'utf8' });
  } catch (e) {
    throw new UsageError(`无法读取规则目录 ${dir}（${(e as NodeJS.ErrnoException).code ?? e}）`);
  }
  const files = names
    .filter((n) => n.endsWith('.govlint'))
    .sort()
    .map((n) => {
      const path = join(absolute, n);
      return { uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') };
    });
  if (files.length === 0) throw new UsageError(`规则目录 ${dir} 中没有 .govlint 文件`);
  return { id: basename(absolute), files };
}

/** One linter per set of extra packs (most runs have one set: none). */
export class LinterCache {
  private readonly linters = new Map<string, Linter>();

  constructor(private readonly baseDirs: readonly string[]) {}

  get(extraDirs: readonly string[] = []): Linter {
    const dirs = [...new Set([...this.baseDirs.map((d) => resolve(d)), ...extraDirs])];
    const key = dirs.join('\u0000');
    let linter = this.linters.get(key);
    if (!linter) {
      linter = createLinter({ extraPacks: dirs.map(readPackDir) });
      const errors = linter.packDiagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        throw new UsageError(`规则包有错误：\n${formatPackErrors(errors)}`, { showHelp: false });
      }
      this.linters.set(key, linter);
    }
    return linter;
  }
}

function formatPackErrors(errors: Linter['packDiagnostics']): string {
  return errors
    .map((d) => {
      let where = d.uri;
      try {
        const path = fileURLToPath(d.uri);
        const text = readFileSync(path, 'utf8');
        const at = new LineIndex(text).lineColumn(d.range.start);
        where = `${path}:${at.line}:${at.column}`;
      } catch {
        // Keep the URI when the file cannot be read again.
      }
      return `${where}: ${d.message}${d.ruleId ? ` (${d.ruleId})` : ''}`;
    })
    .join('\n');
}
