import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govlint, seed, tempDir } from './helpers.js';

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
    // Seed 002 with its errors turned off keeps its title-missing warning.
    const off = ['t3-row-total', 't3-result-total', 't3-column-balance'];
    const dir = tempDir({ 'r.txt': seed('002') });
    writeFileSync(
      join(dir, 'govlint.config.json'),
      JSON.stringify({ rules: Object.fromEntries(off.map((id) => [id, 'off'])) }),
    );
    expect(govlint(['r.txt'], { cwd: dir }).status).toBe(0);
    const over = govlint(['--max-warnings', '0', 'r.txt'], { cwd: dir });
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('警告过多');
    expect(govlint(['--max-warnings', '5', 'r.txt'], { cwd: dir }).status).toBe(0);
    // --quiet drops warnings, so they cannot exceed the limit.
    expect(govlint(['--quiet', '--max-warnings', '0', 'r.txt'], { cwd: dir }).status).toBe(0);
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
