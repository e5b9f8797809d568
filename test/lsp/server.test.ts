/**
 * The built language server over stdio, as an editor talks to it: lifecycle,
 * diagnostics on seed 002 at exact UTF-16 positions (also with 𠀀 and CRLF),
 * edit and re-lint, hover, the quick fix, and the same answers as core's
 * lint() for the same text.
 */
import { createLinter } from '@govlint/core';
import { LineIndex } from '@govlint/text';
import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
} from 'vscode-jsonrpc/node.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyEdits,
  LspClient,
  repoRoot,
  seedPath,
  serverBin,
  type LspDiagnostic,
  type TextEdit,
} from './client.js';

const seed002 = readFileSync(seedPath('002_84c7f691cd999dc0.txt'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'govlint-lsp-'));
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

/** Seed 002's （七）总计 row: the label on line 284 (1-based), its seven values on the lines after it. */
const totalLabelLine = seed002.split('\n').indexOf('(七)总计 |');
const totalCellLine = totalLabelLine + 7;

const rowTotalErrors = (ds: LspDiagnostic[]) => ds.filter((d) => d.code === 't3-row-total');
const onTotalRow = (d: LspDiagnostic) =>
  d.range.start.line >= totalLabelLine && d.range.end.line <= totalCellLine;

let client: LspClient;

beforeAll(async () => {
  client = LspClient.start();
  await client.initialize(pathToFileURL(dir).href, { debounceMs: 20 });
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('lifecycle', () => {
  it('advertises UTF-16 positions, incremental sync and the features', async () => {
    const probe = LspClient.start();
    const { capabilities } = await probe.initialize();
    await probe.stop();
    expect(capabilities).toMatchObject({
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.govlint'] },
    });
  });
});

describe('--node-ipc', () => {
  it('serves a Node client over IPC, as the VS Code extension starts it', async () => {
    const child = fork(serverBin, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(
      new IPCMessageReader(child),
      new IPCMessageWriter(child),
    );
    const published = new Promise<{ diagnostics: LspDiagnostic[] }>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', resolve),
    );
    connection.onRequest('workspace/configuration', () => [null]);
    connection.listen();
    try {
      const result = await connection.sendRequest<{ capabilities: { positionEncoding: string } }>(
        'initialize',
        {
          processId: process.pid,
          rootUri: null,
          capabilities: {},
        },
      );
      expect(result.capabilities.positionEncoding).toBe('utf-16');
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uriOf('ipc.txt'), languageId: 'plaintext', version: 1, text: seed002 },
      });
      expect(rowTotalErrors((await published).diagnostics).some(onTotalRow)).toBe(true);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

describe('seed 002', () => {
  const uri = uriOf('002.txt');
  let diagnostics: LspDiagnostic[];

  beforeAll(async () => {
    await client.open(uri, seed002);
    diagnostics = await client.diagnostics(uri, { version: 1 });
  });

  it('reports the t3-row-total error on the （七）总计 row, on its 总计 cell', () => {
    const error = rowTotalErrors(diagnostics).find(onTotalRow);
    expect(error, JSON.stringify(rowTotalErrors(diagnostics))).toBeDefined();
    expect(error).toMatchObject({
      severity: 1,
      source: 'govlint',
      range: {
        start: { line: totalCellLine, character: 0 },
        end: { line: totalCellLine, character: 1 },
      },
      codeDescription: {
        href: 'https://github.com/govlint/govlint/blob/main/docs/rules/t3-row-total.md',
      },
    });
    expect(error?.message).toContain('12');
    expect(error?.relatedInformation?.length).toBeGreaterThan(0);
  });

  it('gives exactly what core lint() gives for the same text', () => {
    const result = createLinter().lint(seed002, { uri });
    const index = new LineIndex(seed002);
    const expected = result.diagnostics.map((d) => ({
      code: d.ruleId,
      message: d.message,
      range: index.rangeToPositions(d.range),
    }));
    expect(diagnostics.map(({ code, message, range }) => ({ code, message, range }))).toEqual(
      expected,
    );
  });

  it("gives what the CLI's json output gives (1-based line and column)", () => {
    const cli = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'apps/cli/bin/govlint.js'),
        '--format',
        'json',
        '--info',
        seedPath('002_84c7f691cd999dc0.txt'),
      ],
      { encoding: 'utf8' },
    );
    // Exit code 1: errors were found (2 would be a usage or internal error).
    expect(cli.status, cli.stderr).toBe(1);
    const [file] = JSON.parse(cli.stdout) as { messages: CliMessage[] }[];
    const fromCli = file!.messages.map((m) => ({
      code: m.ruleId,
      message: m.message,
      start: { line: m.line - 1, character: m.column - 1 },
      end: { line: m.endLine - 1, character: m.endColumn - 1 },
    }));
    const fromServer = diagnostics.map((d) => ({ code: d.code, message: d.message, ...d.range }));
    expect(fromServer).toEqual(fromCli);
  });

  it('hovers the 总计 cell with its name from the template, its value and the rule', async () => {
    const hover = await client.request<{ contents: { kind: string; value: string } } | null>(
      'textDocument/hover',
      { textDocument: { uri }, position: { line: totalCellLine, character: 0 } },
    );
    expect(hover?.contents.kind).toBe('markdown');
    expect(hover?.contents.value).toContain('（七）总计 › 总计');
    expect(hover?.contents.value).toContain('值：0');
    expect(hover?.contents.value).toMatch(/✗ `t3-row-total`.*0 ≠ 12/);
  });

  it('outlines the six sections and folds them', async () => {
    const symbols = await client.request<{ name: string; children?: { name: string }[] }[]>(
      'textDocument/documentSymbol',
      { textDocument: { uri } },
    );
    expect(symbols.filter((s) => /^[一二三四五六]、/.test(s.name))).toHaveLength(6);
    expect(symbols.flatMap((s) => s.children ?? []).length).toBeGreaterThanOrEqual(3);
    const folds = await client.request<{ startLine: number; endLine: number }[]>(
      'textDocument/foldingRange',
      { textDocument: { uri } },
    );
    expect(folds.length).toBeGreaterThanOrEqual(6);
  });
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

function rangeEdit(line: number, from: number, to: number, newText: string): TextEdit {
  return { range: { start: { line, character: from }, end: { line, character: to } }, newText };
}

interface CliMessage {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: {
    documentChanges: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[];
  };
}
