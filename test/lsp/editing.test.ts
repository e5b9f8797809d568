/**
 * Editing over stdio with the built server: re-lint of the unsaved buffer,
 * the quick fix and fix-all, exact UTF-16 positions with 𠀀 and CRLF, bad
 * input, and configuration edits that re-lint the open reports.
 */
import { createLinter } from '@govlint/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, LspClient, seedPath, type LspDiagnostic } from './client.js';
import {
  onTotalRow,
  rangeEdit,
  rowTotalErrors,
  seed002,
  totalCellLine,
  type CodeAction,
} from './seed-002.js';

const dir = mkdtempSync(join(tmpdir(), 'govlint-lsp-edit-'));
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

let client: LspClient;

beforeAll(async () => {
  client = LspClient.start();
  await client.initialize(pathToFileURL(dir).href, { debounceMs: 20 });
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('editing', () => {
  it('re-lints the unsaved buffer after an edit, and clears on close', async () => {
    const uri = uriOf('edit.txt');
    await client.open(uri, seed002);
    const before = await client.diagnostics(uri, { version: 1 });
    expect(rowTotalErrors(before).some(onTotalRow)).toBe(true);

    // Type the correct total into the 总计 cell, in two keystrokes.
    await client.edit(uri, [rangeEdit(totalCellLine, 0, 1, '1')]);
    const version = await client.edit(uri, [rangeEdit(totalCellLine, 1, 1, '2')]);
    const after = await client.diagnostics(uri, { version });
    expect(client.text(uri).split('\n')[totalCellLine]).toBe('12 |');
    expect(rowTotalErrors(after).some(onTotalRow)).toBe(false);

    await client.close(uri);
    expect(await client.diagnostics(uri, { accept: (ds) => ds.length === 0 })).toEqual([]);
  });

  it('applies the quick fix, and the error goes', async () => {
    const uri = uriOf('fix.txt');
    await client.open(uri, seed002);
    const diagnostics = await client.diagnostics(uri, { version: 1 });
    const error = rowTotalErrors(diagnostics).find(onTotalRow) as LspDiagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: error.range,
      context: { diagnostics: [error], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.isPreferred);
    expect(fix?.title).toContain('12');
    const change = fix?.edit.documentChanges[0];
    expect(change?.textDocument).toEqual({ uri, version: 1 });
    const version = await client.edit(uri, change?.edits ?? []);
    expect(client.text(uri).split('\n')[totalCellLine]).toBe('12 |');
    const after = await client.diagnostics(uri, { version });
    expect(rowTotalErrors(after).some(onTotalRow)).toBe(false);
  });

  it.each([
    '000_c9cdefee434a3be0.txt',
    '001_105d092e2e626fb2.txt',
    '002_84c7f691cd999dc0.txt',
    '003_10e3baeb14b029d4.txt',
    '004_98d78a100eee2400.txt',
  ])('fixes every fixable problem of seed %s with source.fixAll.govlint', async (seed) => {
    const text = readFileSync(seedPath(seed), 'utf8');
    const uri = uriOf(`fix-all-${seed}`);
    await client.open(uri, text);
    const before = await client.diagnostics(uri, { version: 1 });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const fixable = before.filter((d) => (d.data as { fix?: unknown } | undefined)?.fix);
    expect(actions.map((a) => a.kind)).toEqual(fixable.length ? ['source.fixAll.govlint'] : []);
    const fixed = applyEdits(text, actions[0]?.edit.documentChanges[0]?.edits ?? []);
    const remaining = createLinter().lint(fixed, { uri }).diagnostics;
    expect(remaining.filter((d) => d.fix)).toEqual([]);
    expect(remaining.length).toBe(before.length - fixable.length);
  });
});

describe('positions are UTF-16 code units', () => {
  it('counts 𠀀 (a surrogate pair) as two characters on a diagnostic line, with LF or CRLF', async () => {
    // Seed 004's （七）总计 row has an eighth value (table-extra-cells, on that value).
    const seed004 = readFileSync(seedPath('004_98d78a100eee2400.txt'), 'utf8');
    const lines = seed004.split('\n');
    const row = lines.findIndex((l) => l.startsWith('\t(七)总计\t'));
    lines[row] = `𠀀${lines[row]}`;
    const extraCell = lines[row]!.lastIndexOf('0');
    expect(extraCell).toBe(seed004.split('\n')[row]!.lastIndexOf('0') + 2);
    for (const [name, eol] of [
      ['surrogate-lf.txt', '\n'],
      ['surrogate-crlf.txt', '\r\n'],
    ] as const) {
      const uri = uriOf(name);
      await client.open(uri, lines.join(eol));
      const ds = await client.diagnostics(uri, { version: 1 });
      const extra = ds.find((d) => d.code === 'table-extra-cells' && d.range.start.line === row);
      expect(extra?.range, `${name}: ${JSON.stringify(ds.map((d) => [d.code, d.range]))}`).toEqual({
        start: { line: row, character: extraCell },
        end: { line: row, character: extraCell + 1 },
      });
    }
  });

  it('gives a CRLF file the same lines and characters as its LF original', async () => {
    const lf = uriOf('lf.txt');
    const crlf = uriOf('crlf.txt');
    await client.open(lf, seed002);
    await client.open(crlf, seed002.replace(/\n/g, '\r\n'));
    const a = await client.diagnostics(lf, { version: 1 });
    const b = await client.diagnostics(crlf, { version: 1 });
    expect(b.map((d) => [d.code, d.range])).toEqual(a.map((d) => [d.code, d.range]));
    expect(b.some((d) => d.code === 't3-row-total' && onTotalRow(d))).toBe(true);
  });
});

describe('documents that are not reports, and bad input', () => {
  it('publishes nothing for a plain text file that is not a report', async () => {
    const uri = uriOf('notes.txt');
    await client.open(uri, '会议纪要\n今天讨论了三件事。\n');
    expect(await client.diagnostics(uri, { version: 1 })).toEqual([]);
  });

  it('lints a 10 MB report without stalling the other documents', async () => {
    const big = uriOf('big.txt');
    const filler = '本机关持续推进政务公开工作。\n'.repeat(Math.ceil((10 * 1024 * 1024) / 45));
    await client.open(big, seed002 + filler);
    const ds = await client.diagnostics(big, { version: 1, timeoutMs: 60_000 });
    expect(rowTotalErrors(ds).some(onTotalRow)).toBe(true);
    const small = uriOf('after-big.txt');
    await client.open(small, seed002);
    expect(rowTotalErrors(await client.diagnostics(small, { version: 1 })).some(onTotalRow)).toBe(
      true,
    );
  }, 90_000);

  it('survives binary garbage and keeps serving the other documents', async () => {
    const bad = uriOf('garbage.txt');
    await client.open(
      bad,
      '\u0000\uffff\ud800'.repeat(1000) + '三、收到和处理政府信息公开申请情况\n(七)总计 |\n1e999 |',
    );
    await client.diagnostics(bad, { version: 1 });
    const good = uriOf('after-garbage.txt');
    await client.open(good, seed002);
    expect(rowTotalErrors(await client.diagnostics(good, { version: 1 })).some(onTotalRow)).toBe(
      true,
    );
  });
});

describe('workspace configuration', () => {
  it('re-lints open reports when govlint.config.json is edited, before it is saved', async () => {
    const uri = uriOf('configured.txt');
    await client.open(uri, seed002);
    expect(rowTotalErrors(await client.diagnostics(uri, { version: 1 })).length).toBeGreaterThan(0);
    const configUri = uriOf('govlint.config.json');
    writeFileSync(join(dir, 'govlint.config.json'), '{}');
    await client.open(configUri, '{ "rules": { "t3-row-total": "off" } }', 'json');
    const after = await client.diagnostics(uri, {
      accept: (ds) => rowTotalErrors(ds).length === 0,
    });
    expect(after.some((d) => d.code === 't3-result-total')).toBe(true);
  });
});
