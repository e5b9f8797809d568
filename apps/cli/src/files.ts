/**
 * From command-line targets to a sorted list of files: a file is taken as
 * given (whatever its extension), a folder is searched for reports, anything
 * else is a glob. A target that matches nothing is a usage error, so that a
 * typo in CI does not pass as "no problems".
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './args.js';

export const REPORT_EXTENSIONS = ['txt', 'md', 'html', 'htm'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];

export async function expandTargets(targets: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const target of targets) {
    const absolute = resolve(cwd, target);
    const stat = statOrNull(absolute);
    let found: string[];
    if (stat?.isFile()) found = [absolute];
    else if (stat?.isDirectory()) {
      found = await glob(`**/*.{${REPORT_EXTENSIONS.join(',')}}`, {
        cwd: absolute,
        absolute: true,
        ignore: IGNORED,
        dot: false,
      });
    } else if (isDynamicPattern(target)) {
      found = await glob(target, { cwd, absolute: true, ignore: IGNORED });
    } else {
      throw new UsageError(`找不到文件或文件夹：${target}（no such file or directory）`);
    }
    if (found.length === 0)
      throw new UsageError(`没有与“${target}”匹配的报告文件（no files matching）`);
    for (const f of found) files.add(resolve(f));
  }
  return [...files].sort();
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
