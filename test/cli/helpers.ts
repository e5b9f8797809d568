/**
 * Running the BUILT command line (apps/cli/bin/govlint.js) as users do, in
 * a child process, and the files the tests share.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(repo, 'apps/cli/bin/govlint.js');
export const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
export const seed = (prefix: string) =>
  join(
    seedsDir,
    seeds.find((s) => s.startsWith(prefix))!,
  );

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function govlint(
  args: readonly string[],
  options: { cwd?: string; input?: string | Uint8Array; env?: NodeJS.ProcessEnv } = {},
): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repo,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** ESLint-shaped results of one run with `--format json`. */
export interface JsonResult {
  filePath: string;
  messages: {
    ruleId: string | null;
    severity: 1 | 2;
    info?: boolean;
    fatal?: boolean;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    fix?: { range: [number, number]; text: string };
  }[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
}

export function govlintJson(args: readonly string[], options: Parameters<typeof govlint>[1] = {}) {
  const run = govlint(['--format', 'json', ...args], options);
  let results: JsonResult[] = [];
  try {
    results = JSON.parse(run.stdout) as JsonResult[];
  } catch {
    throw new Error(`not JSON (exit ${run.status}): ${run.stdout.slice(0, 300)}\n${run.stderr}`);
  }
  return { ...run, results };
}

/** A fresh temporary folder, with copies of the given files. */
export function tempDir(files: Readonly<Record<string, string>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'govlint-e2e-'));
  for (const [name, source] of Object.entries(files)) copyFileSync(source, join(dir, name));
  return dir;
}
