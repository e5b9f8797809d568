import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govlint, govlintJson, seed, tempDir } from './helpers.js';

/** The arithmetic rules reported for a file (the ones these tests configure). */
const rulesOf = (r: ReturnType<typeof govlintJson>, file: string) =>
  r.results
    .find((x) => x.filePath.endsWith(file))!
    .messages.map((m) => m.ruleId)
    .filter((id) => id?.startsWith('t3-'));

describe('configuration (built CLI)', () => {
  it('is found by walking up from each file, the nearest config winning, overrides by glob', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    writeFileSync(
      join(dir, 'govlint.config.json'),
      JSON.stringify({
        rules: { 't3-row-total': 'warning' },
        overrides: [{ files: 'a/b/override-*.txt', rules: { 't3-column-balance': 'off' } }],
      }),
    );
    writeFileSync(
      join(dir, 'a/govlint.config.json'),
      JSON.stringify({ rules: { 't3-row-total': 'off' } }),
    );
    for (const f of ['top.txt', 'a/b/inner.txt', 'a/b/override-1.txt']) {
      copyFileSync(seed('000'), join(dir, f));
    }
    const r = govlintJson(['.'], { cwd: dir });
    const top = r.results.find((x) => x.filePath.endsWith('top.txt'))!;
    expect(top.messages.filter((m) => m.ruleId === 't3-row-total').map((m) => m.severity)).toEqual([
      1, 1,
    ]);
    expect(rulesOf(r, 'inner.txt')).not.toContain('t3-row-total');
    expect(rulesOf(r, 'inner.txt')).toContain('t3-column-balance');
    expect(rulesOf(r, 'override-1.txt')).toEqual([]);
  });

  it('--print-config shows the resolved configuration and its sources', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'govlint.config.json'),
      JSON.stringify({ template: 'gov-2021', rules: { 'cell-blank': 'off' } }),
    );
    const r = govlint(['--print-config', 'x.txt'], { cwd: dir });
    expect(r.status).toBe(0);
    const config = JSON.parse(r.stdout);
    expect(config).toMatchObject({
      template: 'gov-2021',
      rules: { 'cell-blank': 'off' },
      ignored: false,
    });
    expect(config.sources).toEqual([join(dir, 'govlint.config.json')]);
  });

  it('ignores files by glob when they come from a folder', () => {
    const dir = tempDir({ 'keep.txt': seed('003'), 'draft.txt': seed('000') });
    writeFileSync(join(dir, 'govlint.config.json'), JSON.stringify({ ignore: ['draft*.txt'] }));
    const r = govlintJson(['.'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.results.map((x) => x.filePath)).toEqual([join(dir, 'keep.txt')]);
  });

  it('a bad config exits 2 with the file, line and column of the mistake', () => {
    const dir = tempDir({ 'r.txt': seed('003') });
    writeFileSync(
      join(dir, 'govlint.config.json'),
      '{\n  "rules": {\n    "t3-row-total": "fatal"\n  }\n}\n',
    );
    const r = govlint(['r.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'govlint.config.json')}:3:21: `);
    expect(r.stderr).toContain('"off"、"info"、"warning"、"error"');
    expect(r.stdout).toBe('');
  });

  it('a config naming an unknown rule, or with a JSON syntax error, is located too', () => {
    const dir = tempDir({ 'r.txt': seed('003') });
    writeFileSync(join(dir, 'govlint.config.json'), '{\n  "rules": { "t3-row-totl": "off" }\n}');
    const unknown = govlint(['r.txt'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('govlint.config.json:2:14: ');
    expect(unknown.stderr).toContain('t3-row-totl');
    writeFileSync(join(dir, 'govlint.config.json'), '{\n  "rules": {,\n}');
    const syntax = govlint(['r.txt'], { cwd: dir });
    expect(syntax.status).toBe(2);
    expect(syntax.stderr).toContain('govlint.config.json:2:13: ');
  });

  it('--config uses the given file instead of discovery', () => {
    const dir = tempDir({ 'r.txt': seed('000') });
    writeFileSync(
      join(dir, 'govlint.config.json'),
      JSON.stringify({ rules: { 't3-row-total': 'off' } }),
    );
    writeFileSync(
      join(dir, 'other.json'),
      JSON.stringify({ rules: { 't3-column-balance': 'off' } }),
    );
    const r = govlintJson(['-c', 'other.json', 'r.txt'], { cwd: dir });
    expect(rulesOf(r, 'r.txt')).toEqual(['t3-row-total', 't3-row-total']);
  });
});
