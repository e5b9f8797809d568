import { copyFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govlint, govlintJson, seed, seeds, tempDir } from './helpers.js';

describe('large batches (built CLI, worker threads)', () => {
  it(
    'lints 100 reports across workers with the same results, in path order, every run',
    { timeout: 180_000 },
    () => {
      const dir = seedCopies(100);
      const serial = Object.fromEntries(
        govlintJson([seed('000').replace(/[^/]+$/, '')]).results.map((r) => [
          basename(r.filePath),
          r.messages,
        ]),
      );
      const first = govlint(['--format', 'json', '.'], { cwd: dir, env: { GOVLINT_WORKERS: '2' } });
      const second = govlint(['--format', 'json', '.'], {
        cwd: dir,
        env: { GOVLINT_WORKERS: '3' },
      });
      const inMainThread = govlint(['--format', 'json', '.'], {
        cwd: dir,
        env: { GOVLINT_WORKERS: '0' },
      });
      expect(first.status).toBe(1);
      expect(second.stdout).toBe(first.stdout);
      expect(inMainThread.stdout).toBe(first.stdout);
      const results = JSON.parse(first.stdout) as { filePath: string; messages: unknown[] }[];
      expect(results).toHaveLength(100);
      expect(results.map((r) => r.filePath)).toEqual([...results.map((r) => r.filePath)].sort());
      for (const r of results) {
        const name = basename(r.filePath);
        const source = name.slice(name.indexOf('-') + 1);
        expect(r.messages, r.filePath).toEqual(serial[source]);
      }
    },
  );

  // Workers load the config reader themselves (zod is loaded only when a
  // config file exists): a config must apply, and a broken one must fail,
  // in a worker as in the main thread.
  it(
    'applies, and rejects, config files in workers as in the main thread',
    { timeout: 180_000 },
    () => {
      const dir = seedCopies(20);
      writeFileSync(join(dir, 'govlint.config.json'), '{ "rules": { "t3-row-total": "off" } }\n');
      const inWorkers = govlint(['--format', 'json', '.'], {
        cwd: dir,
        env: { GOVLINT_WORKERS: '2' },
      });
      const inMainThread = govlint(['--format', 'json', '.'], {
        cwd: dir,
        env: { GOVLINT_WORKERS: '0' },
      });
      expect(inWorkers.stdout).toBe(inMainThread.stdout);
      const ids = (JSON.parse(inWorkers.stdout) as { messages: { ruleId: string }[] }[]).flatMap(
        (r) => r.messages.map((m) => m.ruleId),
      );
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).not.toContain('t3-row-total');

      writeFileSync(join(dir, 'govlint.config.json'), '{ "rules": { "t3-row-total": "loud" } }\n');
      const broken = govlint(['--format', 'json', '.'], {
        cwd: dir,
        env: { GOVLINT_WORKERS: '2' },
      });
      expect(broken.status).toBe(2);
      expect(broken.stderr).toMatch(/govlint\.config\.json:1:\d+: 配置错误/);
    },
  );
});

/** A folder of `n` copies of the seeds, in turn, named so that path order is copy order. */
function seedCopies(n: number): string {
  const dir = tempDir();
  for (let i = 0; i < n; i++) {
    const source = seeds[i % seeds.length]!;
    copyFileSync(seed(source.slice(0, 3)), join(dir, `r${String(i).padStart(3, '0')}-${source}`));
  }
  return dir;
}
