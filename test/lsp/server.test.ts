/**
 * The built language server as an editor talks to it: lifecycle over stdio
 * and node IPC, then seed 002: the t3-row-total error on its （七）总计 row,
 * the same answers as core's lint() and the CLI's json output, hover,
 * outline and folding. Editing is in editing.test.ts.
 */
import { createLinter } from '@govlint/core';
import { LineIndex } from '@govlint/text';
import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
} from 'vscode-jsonrpc/node.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, repoRoot, seedPath, serverBin, type LspDiagnostic } from './client.js';
import { onTotalRow, rowTotalErrors, seed002, totalCellLine } from './seed-002.js';

const dir = mkdtempSync(join(tmpdir(), 'govlint-lsp-'));
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

interface CliMessage {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
