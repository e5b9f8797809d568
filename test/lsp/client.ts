/**
 * A minimal LSP client for the end-to-end tests: spawns the built server
 * (`govlint-language-server --stdio`), speaks JSON-RPC with vscode-jsonrpc,
 * keeps each open document's text and version, and records every
 * publishDiagnostics so a test can wait for the one it expects.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const serverBin = fileURLToPath(
  new URL('../../packages/language-server/bin/govlint-language-server.js', import.meta.url),
);
export const seedPath = (name: string) =>
  fileURLToPath(new URL(`../../../shared/seeds/${name}`, import.meta.url));

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface LspDiagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
  data?: unknown;
}
export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}
export interface TextEdit {
  range: Range;
  newText: string;
}

interface OpenDocument {
  text: string;
  version: number;
}

/** Offsets ↔ positions in UTF-16 units, lines ending at CRLF, LF or CR (as LSP counts them). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

export function offsetAt(text: string, position: Position): number {
  const starts = lineStarts(text);
  return (starts[position.line] ?? text.length) + position.character;
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
  return { line, character: offset - (starts[line] as number) };
}

/** Apply LSP edits to a text, last first so earlier ranges stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort(
    (a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start),
  );
  let out = text;
  for (const edit of sorted) {
    out =
      out.slice(0, offsetAt(out, edit.range.start)) +
      edit.newText +
      out.slice(offsetAt(out, edit.range.end));
  }
  return out;
}

export class LspClient {
  readonly published: PublishedDiagnostics[] = [];
  readonly logs: string[] = [];
  private readonly documents = new Map<string, OpenDocument>();
  private readonly waiters: (() => void)[] = [];
  private stderr = '';
  private exited: string | null = null;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {}

  static start(args: string[] = ['--stdio']): LspClient {
    const child = spawn(process.execPath, [serverBin, ...args], { stdio: 'pipe' });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new LspClient(child, connection);
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      client.exited = `server exited (code ${code}, signal ${signal})`;
      client.waiters.splice(0).forEach((wake) => wake());
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      client.published.push(params);
      client.waiters.splice(0).forEach((wake) => wake());
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.logs.push(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => null),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    return client;
  }

  async initialize(rootUri: string | null = null, initializationOptions: unknown = {}) {
    const exited = new Promise<never>((_, reject) =>
      this.process.once('exit', () => reject(new Error(`${this.exited}: ${this.stderr}`))),
    );
    const request = this.connection.sendRequest<{ capabilities: Record<string, unknown> }>(
      'initialize',
      {
        processId: process.pid,
        rootUri,
        workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
        initializationOptions,
        capabilities: {
          general: { positionEncodings: ['utf-16'] },
          textDocument: {
            synchronization: { dynamicRegistration: false },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            codeAction: {
              codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } },
            },
            hover: { contentFormat: ['markdown', 'plaintext'] },
          },
          workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
        },
      },
    );
    const result = await Promise.race([request, exited]);
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  text(uri: string): string {
    return this.documents.get(uri)?.text ?? '';
  }

  version(uri: string): number {
    return this.documents.get(uri)?.version ?? 0;
  }

  async open(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
    this.documents.set(uri, { text, version: 1 });
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Send incremental edits (ranges in the current text), as an editor does while typing. */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    doc.version++;
    // Incremental changes apply one after the other: send them last-first.
    const ordered = [...edits].sort(
      (a, b) => offsetAt(doc.text, b.range.start) - offsetAt(doc.text, a.range.start),
    );
    for (const edit of ordered) doc.text = applyEdits(doc.text, [edit]);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: doc.version },
      contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
    });
    return doc.version;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The first publication for `uri` (at `version`, if given) that satisfies `accept`. */
  async diagnostics(
    uri: string,
    options: {
      version?: number;
      accept?: (d: LspDiagnostic[]) => boolean;
      timeoutMs?: number;
    } = {},
  ): Promise<LspDiagnostic[]> {
    const { version, accept = () => true, timeoutMs = 15_000 } = options;
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      for (; seen < this.published.length; seen++) {
        const p = this.published[seen] as PublishedDiagnostics;
        if (p.uri !== uri) continue;
        if (version !== undefined && p.version !== undefined && p.version !== version) continue;
        if (accept(p.diagnostics)) return p.diagnostics;
      }
      const left = deadline - Date.now();
      if (this.exited) throw new Error(`${this.exited} while waiting for ${uri}: ${this.stderr}`);
      if (left <= 0) {
        throw new Error(
          `no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`,
        );
      }
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([
        this.connection.sendRequest('shutdown'),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below makes sure.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }

  get errorOutput(): string {
    return this.stderr;
  }
}
