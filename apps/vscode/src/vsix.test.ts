/**
 * The .vsix is self-contained: `vsce package --no-dependencies` on the built
 * extension yields a package with the bundled server inside, and that server,
 * run from the unpacked .vsix with no node_modules around it, lints seed 002.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVsix, readZipEntry, zipEntries } from '../scripts/vsix.mjs';

const extensionDir = fileURLToPath(new URL('..', import.meta.url));
const vsce = join(
  dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')),
  'vsce',
);
const seed002 = readFileSync(
  new URL('../../../../shared/seeds/002_84c7f691cd999dc0.txt', import.meta.url),
  'utf8',
);

describe('the packaged extension', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govlint-vsix-'));
  const vsix = join(dir, 'govlint.vsix');
  let zip: Buffer;

  beforeAll(() => {
    const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', vsix], {
      cwd: extensionDir,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    zip = readFileSync(vsix);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the bundles, the grammar and the manifest, and no sources or node_modules', () => {
    expect(checkVsix(zip)).toEqual([]);
    const names = zipEntries(zip).map((e) => e.name);
    expect(names).toContain('extension/dist/server.cjs');
    expect(names.some((n) => n.includes('node_modules'))).toBe(false);
  });

  it('runs the bundled server from the unpacked .vsix and lints seed 002', async () => {
    const unpacked = join(dir, 'unpacked');
    mkdirSync(unpacked);
    const server = join(unpacked, 'server.cjs');
    const entry = zipEntries(zip).find((e) => e.name === 'extension/dist/server.cjs');
    expect(entry).toBeDefined();
    writeFileSync(server, readZipEntry(zip, entry!));

    const child = spawn(process.execPath, [server, '--stdio'], { cwd: unpacked, stdio: 'pipe' });
    try {
      const messages = lspMessages(child.stdout);
      send(child.stdin, {
        id: 1,
        method: 'initialize',
        params: { processId: null, rootUri: null, capabilities: {} },
      });
      send(child.stdin, { method: 'initialized', params: {} });
      send(child.stdin, {
        method: 'textDocument/didOpen',
        params: {
          textDocument: {
            uri: 'file:///vsix/002.txt',
            languageId: 'plaintext',
            version: 1,
            text: seed002,
          },
        },
      });
      for await (const message of messages) {
        if (message.method !== 'textDocument/publishDiagnostics') continue;
        const { diagnostics } = message.params as { diagnostics: { code?: string }[] };
        expect(diagnostics.map((d) => d.code)).toContain('t3-row-total');
        break;
      }
    } finally {
      child.kill();
    }
  }, 60_000);
});

/** Write one JSON-RPC message with its Content-Length header (the LSP base protocol). */
function send(stream: NodeJS.WritableStream, message: Record<string, unknown>): void {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  stream.write(`Content-Length: ${body.length}\r\n\r\n`);
  stream.write(body);
}

/** The JSON-RPC messages on a stream, parsed from their Content-Length frames. */
async function* lspMessages(
  stream: NodeJS.ReadableStream,
): AsyncGenerator<{ method?: string; params?: unknown }> {
  let buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    buffer = Buffer.concat([buffer, chunk as Buffer]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const length = Number(
        /Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1],
      );
      if (buffer.length < headerEnd + 4 + length) break;
      yield JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
    }
  }
}
