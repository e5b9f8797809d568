/**
 * The server's protocol plumbing, in process: lifecycle, debounce, version
 * checks, clearing on close, isolation of a failing document, and config
 * file diagnostics. The linter here is a stand-in that flags every `ERR` in
 * the text and counts its calls; test/lsp runs the built server with core.
 */
import type { Linter, LinterOptions, LintOptions, LintResult } from '@govlint/core';
import type { Diagnostic } from '@govlint/text';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createConnection,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

/** Flags each `ERR`; a text containing `BOOM` makes lint() throw; a rules file's `SYNTAX` is a pack error. */
function markerLinter(calls: string[], options: LinterOptions = {}): Linter {
  const lint = (text: string, options: LintOptions): LintResult => {
    calls.push(text);
    if (text.includes('BOOM')) throw new Error('reader exploded');
    const diagnostics: Diagnostic[] = [];
    for (let at = text.indexOf('ERR'); at >= 0; at = text.indexOf('ERR', at + 1)) {
      diagnostics.push({
        ruleId: 'marker',
        severity: 'error',
        message: '标记',
        range: { start: at, end: at + 3 },
      });
    }
    const isReport = !text.startsWith('not a report');
    return {
      uri: options.uri,
      diagnostics,
      model: isReport ? ({ isReport: true, cells: [], sections: [], tables: [] } as never) : null,
      template: null,
      detection: { template: null, by: 'none', markers: {}, year: null },
      evaluation: [],
    };
  };
  const packDiagnostics = [...(options.packs ?? []), ...(options.extraPacks ?? [])].flatMap(
    (pack) =>
      'files' in pack
        ? pack.files.flatMap((f) => {
            const start = f.text.indexOf('SYNTAX');
            if (start < 0) return [];
            const range = { start, end: start + 6 };
            return [
              {
                uri: f.uri,
                ruleId: 'dsl-syntax',
                severity: 'error' as const,
                message: '语法错误',
                range,
              },
            ];
          })
        : [],
  );
  return { lint, rules: () => [], parse: () => null, templates: () => [], packDiagnostics };
}

interface Harness {
  client: MessageConnection;
  calls: string[];
  published: PublishDiagnosticsParams[];
  next(
    uri: string,
    accept?: (p: PublishDiagnosticsParams) => boolean,
  ): Promise<PublishDiagnosticsParams>;
}

const open: MessageConnection[] = [];
afterEach(() => open.splice(0).forEach((c) => c.dispose()));

async function harness(initializationOptions: unknown = { debounceMs: 20 }): Promise<Harness> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const calls: string[] = [];
  startServer(
    createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)),
    {
      createLinter: (options) => markerLinter(calls, options),
    },
  );
  const client = createMessageConnection(
    new StreamMessageReader(toClient),
    new StreamMessageWriter(toServer),
  );
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    waiters.splice(0).forEach((w) => w());
  });
  client.listen();
  open.push(client);
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    capabilities: {},
    initializationOptions,
  });
  await client.sendNotification('initialized', {});
  const next = async (
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
  ) => {
    for (let seen = 0; ;) {
      for (; seen < published.length; seen++) {
        const p = published[seen]!;
        if (p.uri === uri && accept(p)) return p;
      }
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  return { client, calls, published, next };
}

const didOpen = (h: Harness, uri: string, text: string, languageId = 'plaintext') =>
  h.client.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version: 1, text },
  });

const typeAt = (h: Harness, uri: string, version: number, character: number, text: string) =>
  h.client.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [
      { range: { start: { line: 0, character }, end: { line: 0, character } }, text },
    ],
  });

describe('server plumbing', () => {
  it('lints a burst of keystrokes once, at the last version', async () => {
    const h = await harness();
    await didOpen(h, 'file:///a.txt', 'x');
    await h.next('file:///a.txt');
    for (let v = 2; v <= 6; v++) await typeAt(h, 'file:///a.txt', v, v - 1, v === 6 ? 'ERR' : 'y');
    const last = await h.next('file:///a.txt', (p) => p.version === 6);
    expect(last.diagnostics).toHaveLength(1);
    expect(last.diagnostics[0]?.range).toEqual({
      start: { line: 0, character: 5 },
      end: { line: 0, character: 8 },
    });
    expect(h.calls).toEqual(['x', 'xyyyyERR']);
    expect(h.published.filter((p) => p.uri === 'file:///a.txt').map((p) => p.version)).toEqual([
      1, 6,
    ]);
  });

  it('clears diagnostics when a document closes', async () => {
    const h = await harness();
    await didOpen(h, 'file:///b.txt', 'ERR');
    expect((await h.next('file:///b.txt')).diagnostics).toHaveLength(1);
    await h.client.sendNotification('textDocument/didClose', {
      textDocument: { uri: 'file:///b.txt' },
    });
    expect((await h.next('file:///b.txt', (p) => p.diagnostics.length === 0)).diagnostics).toEqual(
      [],
    );
  });

  it('keeps serving other documents when one makes the linter fail', async () => {
    const h = await harness();
    await didOpen(h, 'file:///boom.txt', 'BOOM');
    const failed = await h.next('file:///boom.txt');
    expect(failed.diagnostics).toMatchObject([{ code: 'internal-error', source: 'govlint' }]);
    await didOpen(h, 'file:///fine.txt', 'ERR ERR');
    expect((await h.next('file:///fine.txt')).diagnostics).toHaveLength(2);
    const hover = await h.client.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///boom.txt' },
      position: { line: 0, character: 0 },
    });
    expect(hover).toBeNull();
  });

  it('publishes nothing for a text that is not a report, or a language it does not watch', async () => {
    const h = await harness();
    await didOpen(h, 'file:///notes.txt', 'not a report ERR');
    expect((await h.next('file:///notes.txt')).diagnostics).toEqual([]);
    await didOpen(h, 'file:///code.ts', 'ERR', 'typescript');
    expect((await h.next('file:///code.ts')).diagnostics).toEqual([]);
    expect(h.calls).toEqual(['not a report ERR']);
  });

  it('lints a file of any language that a config overrides glob names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govlint-named-'));
    writeFileSync(
      join(dir, 'govlint.config.json'),
      '{ "overrides": [{ "files": "*.log", "rules": {} }] }',
    );
    const h = await harness();
    const named = pathToFileURL(join(dir, 'report.log')).href;
    await didOpen(h, named, 'ERR', 'log');
    expect((await h.next(named)).diagnostics).toHaveLength(1);
    const other = pathToFileURL(join(dir, 'other.cfg')).href;
    await didOpen(h, other, 'ERR', 'ini');
    expect((await h.next(other)).diagnostics).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows the enable setting', async () => {
    const h = await harness({ enable: false });
    await didOpen(h, 'file:///off.txt', 'ERR');
    expect((await h.next('file:///off.txt')).diagnostics).toEqual([]);
    expect(h.calls).toEqual([]);
  });

  it('shows the pack errors of an unsaved rules file on its buffer', async () => {
    const h = await harness();
    await h.client.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: 'untitled:rules-1',
        languageId: 'govlint-rules',
        version: 1,
        text: '𠀀 rule SYNTAX',
      },
    });
    const { diagnostics } = await h.next('untitled:rules-1');
    expect(diagnostics).toMatchObject([
      {
        code: 'dsl-syntax',
        range: { start: { line: 0, character: 8 }, end: { line: 0, character: 14 } },
      },
    ]);
  });

  it('locates errors in an open govlint.config.json', async () => {
    const h = await harness();
    await didOpen(
      h,
      'file:///w/govlint.config.json',
      '{\n  "rules": { "t3-row-total": "loud" }\n}',
      'json',
    );
    const { diagnostics } = await h.next('file:///w/govlint.config.json');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'config-invalid', range: { start: { line: 1 } } });
  });
});
