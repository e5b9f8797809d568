import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govlint, repo, seed, tempDir } from './helpers.js';

describe('govlint exit codes (built CLI)', () => {
  it('npx govlint examples exits 1: the examples contain errors', () => {
    const r = govlint(['examples']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('t3-row-total');
  });

  it('0 for a report without errors', () => {
    expect(govlint(['examples/clean-2023.md']).status).toBe(0);
    expect(govlint([seed('003')]).status).toBe(0);
  });

  it('1 when warnings exceed --max-warnings, 0 within it', () => {
    // The clean example without its title: one warning (title-missing), no error.
    const dir = tempDir();
    const clean = readFileSync(join(repo, 'examples/clean-2023.md'), 'utf8');
    writeFileSync(join(dir, 'r.md'), clean.slice(clean.indexOf('\n') + 1));
    const plain = govlint(['r.md'], { cwd: dir });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('title-missing');
    const over = govlint(['--max-warnings', '0', 'r.md'], { cwd: dir });
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('警告过多');
    expect(govlint(['--max-warnings', '5', 'r.md'], { cwd: dir }).status).toBe(0);
    // --quiet drops warnings, so they cannot exceed the limit.
    expect(govlint(['--quiet', '--max-warnings', '0', 'r.md'], { cwd: dir }).status).toBe(0);
  });

  it('2 for usage mistakes, without a stack trace', () => {
    for (const args of [
      ['--bogus', 'examples'],
      ['no-such-file.txt'],
      ['--format', 'xml', 'examples'],
      [],
      ['--max-warnings', 'x', 'examples'],
      ['--template', 'gov-1999', 'examples'],
      ['no-such-dir/**/*.txt'],
    ]) {
      const r = govlint(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^govlint: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('1 for a binary file: a fatal finding for that file, the others still linted', () => {
    const dir = tempDir({ 'a.txt': seed('003') });
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0]));
    const r = govlint(['--format', 'json', '.'], { cwd: dir });
    expect(r.status).toBe(1);
    const [a, b] = JSON.parse(r.stdout);
    expect(a.errorCount).toBe(0);
    expect(b).toMatchObject({
      fatalErrorCount: 1,
      messages: [{ ruleId: null, fatal: true, severity: 2 }],
    });
  });

  it('--help and --version exit 0', () => {
    expect(govlint(['--help'])).toMatchObject({ status: 0 });
    expect(govlint(['--help']).stdout).toContain('--max-warnings');
    expect(govlint(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
