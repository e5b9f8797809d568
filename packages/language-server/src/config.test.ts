import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configForFile, matchedByConfigGlobs, readConfigChain } from './config.js';

describe('configuration discovery', () => {
  const root = mkdtempSync(join(tmpdir(), 'govlint-config-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'reports', '2023'), { recursive: true });
  writeFileSync(
    join(root, 'govlint.config.json'),
    JSON.stringify({ rules: { 'title-missing': 'off' } }),
  );
  writeFileSync(
    join(root, 'reports', 'govlint.config.json'),
    JSON.stringify({ overrides: [{ files: '*.log', rules: { 't3-row-total': 'warning' } }] }),
  );
  const report = join(root, 'reports', '2023', 'a.log');

  it('merges every config from the root down, the nearest winning', () => {
    const chain = readConfigChain(join(root, 'reports', '2023'), () => undefined);
    expect(chain.errors).toEqual([]);
    expect(chain.chain.length).toBeGreaterThanOrEqual(2);
    const config = configForFile(chain, report);
    expect(config.rules).toMatchObject({ 'title-missing': 'off', 't3-row-total': 'warning' });
  });

  it('tells which files an overrides glob names', () => {
    const chain = readConfigChain(join(root, 'reports', '2023'), () => undefined);
    expect(matchedByConfigGlobs(chain, report)).toBe(true);
    expect(matchedByConfigGlobs(chain, join(root, 'reports', '2023', 'a.txt'))).toBe(false);
  });

  it('reads an open buffer before the disk, and locates its errors', () => {
    const path = join(root, 'reports', 'govlint.config.json');
    const chain = readConfigChain(join(root, 'reports'), (p) =>
      p === path ? '{\n  "rules": 3\n}' : undefined,
    );
    expect(chain.errors).toMatchObject([{ file: path, line: 2 }]);
  });
});
