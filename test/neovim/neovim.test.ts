/**
 * A real editor as the client: headless Neovim (Debian's 0.7.x) runs
 * govlint-client.lua against the built server. Skipped, saying so, only
 * when `nvim` is not installed (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPath, serverBin } from '../lsp/client.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;
if (!hasNvim) console.warn('SKIPPED: the Neovim LSP test needs `nvim` (apt-get install neovim)');

interface NeovimRun {
  steps: string[];
  error?: string;
  positionEncoding?: string;
  errors?: {
    lnum: number;
    message: string;
    source: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
  hover?: string;
  cellLine?: string;
  edited?: string;
  remaining?: unknown[];
  cleared?: boolean;
}

describe.skipIf(!hasNvim)(`Neovim ${nvim.stdout?.split('\n')[0] ?? ''} as the LSP client`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'govlint-nvim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the （七）总计 error of seed 002, then clears it after the cell is corrected', () => {
    const report = join(dir, 'report-002.txt');
    copyFileSync(seedPath('002_84c7f691cd999dc0.txt'), report);
    const out = join(dir, 'result.json');
    const script = fileURLToPath(new URL('./govlint-client.lua', import.meta.url));
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${script}`], {
      env: {
        ...process.env,
        GOVLINT_SERVER: serverBin,
        GOVLINT_REPORT: report,
        GOVLINT_OUT: out,
        GOVLINT_NODE: process.execPath,
      },
      encoding: 'utf8',
      timeout: 90_000,
    });
    const result = JSON.parse(readFileSync(out, 'utf8')) as NeovimRun;
    expect(result.error, `${result.error}\n${run.stderr}`).toBeUndefined();
    expect(result.positionEncoding).toBe('utf-16');

    // Seed 002 line 284 (1-based) is `(七)总计 |`; its seventh value, the 总计 cell `0 |`, is line 291.
    const seed = readFileSync(report, 'utf8').split('\n');
    expect(seed[283]).toBe('(七)总计 |');
    const totalRow = result.errors?.find((e) => e.lnum >= 283 && e.lnum <= 290);
    expect(totalRow, JSON.stringify(result.errors)).toBeDefined();
    expect(totalRow?.range).toEqual({
      start: { line: 290, character: 0 },
      end: { line: 290, character: 1 },
    });
    expect(totalRow?.source).toBe('govlint');
    expect(totalRow?.message).toContain('12');
    expect(result.cellLine).toBe('0 |');
    expect(result.edited).toBe('12 |');

    expect(result.hover).toContain('（七）总计');
    expect(result.cleared).toBe(true);
    expect(result.remaining?.length).toBeLessThan(result.errors?.length ?? 0);
  }, 120_000);
});
