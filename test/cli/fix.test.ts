import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, govlint, govlintJson, seed, tempDir } from './helpers.js';

describe('--fix (built CLI)', () => {
  it('fixes a copy of seed 000 in place; a second run finds nothing fixable', () => {
    const dir = tempDir({ 'r.txt': seed('000') });
    const file = join(dir, 'r.txt');
    const before = readFileSync(file, 'utf8');
    const fixed = govlintJson(['--fix', 'r.txt'], { cwd: dir });
    expect(fixed.results[0]).toMatchObject({ fixableErrorCount: 0 });
    expect(fixed.results[0]!.messages.filter((m) => m.ruleId?.startsWith('t3-'))).toEqual([]);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    // Only the two total cells changed, from 0 to 2.
    const changed = before
      .split('\n')
      .flatMap((line, i) =>
        line === after.split('\n')[i] ? [] : [[i + 1, line, after.split('\n')[i]]],
      );
    expect(changed).toEqual([
      [232, '\t0', '\t2'],
      [352, '\t0', '\t2'],
    ]);
    const again = govlintJson(['r.txt'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.results[0]).toMatchObject({
      errorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
    // Idempotent: fixing again changes nothing.
    govlint(['--fix', 'r.txt'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('--fix-dry-run reports the fixed text as output and writes nothing', () => {
    const dir = tempDir({ 'r.txt': seed('002') });
    const file = join(dir, 'r.txt');
    const before = readFileSync(file, 'utf8');
    const r = govlintJson(['--fix-dry-run', 'r.txt'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(r.results[0]!.output).toBeDefined();
    expect(r.results[0]!.fixableErrorCount).toBe(0);
    expect(r.results[0]!.messages.filter((m) => m.ruleId?.startsWith('t3-'))).toEqual([]);
    expect(r.results[0]!.output!.split('\n')[290]).toBe('12 |');
  });

  it('writes a GB18030 report back in GB18030', () => {
    const dir = tempDir({ 'gb.txt': join(fixtures, '000-gb18030.txt') });
    const file = join(dir, 'gb.txt');
    const r = govlint(['--fix', 'gb.txt'], { cwd: dir });
    expect(r.status).toBe(0);
    const bytes = readFileSync(file);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = new TextDecoder('gb18030').decode(bytes);
    const utf8Fixed = tempDir({ 'u.txt': seed('000') });
    govlint(['--fix', 'u.txt'], { cwd: utf8Fixed });
    expect(text).toBe(readFileSync(join(utf8Fixed, 'u.txt'), 'utf8'));
  });

  it('refuses --fix with --stdin (use --fix-dry-run)', () => {
    const r = govlint(['--fix', '--stdin'], { input: '' });
    expect(r.status).toBe(2);
    const dry = govlintJson(['--fix-dry-run', '--stdin'], { input: readFileSync(seed('000')) });
    expect(dry.results[0]!.output).toContain('\t2\n');
  });
});
