/**
 * Rules-file services over the protocol, in process, on a workspace pack
 * that adds a rule to the built-in gov-2021 template: completion of row and
 * column ids inside `T3[…]`, hover with the label a name resolves to, go to
 * definition into the built-in pack (served by `govlint/rulesFile`), outline.
 */
import { createLinter } from '@govlint/core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConnection,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MessageConnection,
} from 'vscode-languageserver/node.js';
import { PassThrough } from 'node:stream';
import { RULES_FILE_REQUEST } from './requests.js';
import { startServer } from './server.js';
import { pathToUri } from './workspace-files.js';

const text = `template gov-2021

rule local-first-row {
  severity warning
  category arithmetic
  description "本地规则：新收申请全部来自自然人"
  message "本地规则：{left} ≠ {right}"
  T3[一, TOT] = T3[一, NP]
}
`;

/** Position of the n-th character after `needle` in the text. */
function at(needle: string, after = 0) {
  const offset = text.indexOf(needle) + after;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('rules-file services', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govlint-rules-'));
  const file = join(dir, 'pack', 'local.govlint');
  const uri = pathToUri(file);
  let client: MessageConnection;

  beforeAll(async () => {
    mkdirSync(join(dir, 'pack'));
    writeFileSync(file, text);
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(
      createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)),
      {
        createLinter,
      },
    );
    client = createMessageConnection(
      new StreamMessageReader(toClient),
      new StreamMessageWriter(toServer),
    );
    client.listen();
    await client.sendRequest('initialize', {
      processId: null,
      rootUri: pathToUri(dir),
      capabilities: {},
      initializationOptions: { rulePaths: ['pack'] },
    });
    await client.sendNotification('initialized', {});
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'govlint-rules', version: 1, text },
    });
  });
  afterAll(() => {
    client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes the rows of T3 inside the brackets, with their labels', async () => {
    const items = await client.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: at('T3[一', 3),
    });
    expect(items.find((i) => i.label === '一')?.detail).toBe('一、本年新收政府信息公开申请数量');
    expect(items.some((i) => i.label === '三.七')).toBe(true);
  });

  it('completes keywords at the start of a declaration', async () => {
    const items = await client.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 0 },
    });
    expect(items.map((i) => i.label)).toEqual(
      expect.arrayContaining(['rule', 'table', 'template']),
    );
  });

  it('hovers a column id with the label it resolves to', async () => {
    const hover = await client.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: at('TOT', 1),
    });
    expect((hover.contents as { value: string }).value).toContain('“总计”');
    expect(hover.range).toEqual({ start: at('TOT'), end: at('TOT', 3) });
  });

  it('goes to the definition in the built-in pack, whose text the server serves', async () => {
    const location = await client.sendRequest<Location>('textDocument/definition', {
      textDocument: { uri },
      position: at('TOT', 1),
    });
    expect(location.uri).toBe('govlint-rules:/gov-2021/tables.govlint');
    const builtin = await client.sendRequest<string | null>(RULES_FILE_REQUEST, {
      uri: location.uri,
    });
    const line = builtin!.split('\n')[location.range.start.line]!;
    expect(line.slice(location.range.start.character, location.range.end.character)).toBe('TOT');
  });

  it('outlines the rules of the file', async () => {
    const symbols = await client.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    expect(symbols.map((s) => s.name)).toContain('local-first-row');
  });
});
