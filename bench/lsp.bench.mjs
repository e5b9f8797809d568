// Language server over the protocol (stdio), as an editor drives it:
//  1. edit → publishDiagnostics latency on seed 000 (20 KB): one digit of a
//     table cell changes per edit; median after warm-up. The server's
//     debounce is set to 0 ms here (initializationOptions.debounceMs), so the
//     number is lint + conversion + transport; an editor adds its debounce
//     (30 ms by default) on top.
//  2. the server's resident memory (VmRSS) with 50 reports open.
// Needs the built server: `npm run build` first (the bench runner does it).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node.js';

const WARMUP = 20;
const RUNS = 100;
const OPEN_REPORTS = 50;

const root = new URL('..', import.meta.url);
const server = fileURLToPath(
  new URL('packages/language-server/bin/govlint-language-server.js', root),
);
const seedDir = new URL('../shared/seeds/', root);
const seeds = [
  '000_c9cdefee434a3be0.txt',
  '001_105d092e2e626fb2.txt',
  '002_84c7f691cd999dc0.txt',
  '003_10e3baeb14b029d4.txt',
  '004_98d78a100eee2400.txt',
].map((name) => readFileSync(new URL(name, seedDir), 'utf8'));

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(
  new StreamMessageReader(child.stdout),
  new StreamMessageWriter(child.stdin),
);
const waiting = new Map(); // `${uri}@${version}` → resolve
connection.onNotification('textDocument/publishDiagnostics', ({ uri, version }) => {
  const key = `${uri}@${version}`;
  waiting.get(key)?.();
  waiting.delete(key);
});
connection.onRequest('workspace/configuration', ({ items }) => items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.listen();

const published = (uri, version) =>
  new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: null,
  capabilities: { workspace: { configuration: true } },
  initializationOptions: { debounceMs: 0 },
});
await connection.sendNotification('initialized', {});

// 1. Edit latency on seed 000.
const text = seeds[0];
const uri = 'file:///bench/000.txt';
let version = 1;
let ready = published(uri, version);
await connection.sendNotification('textDocument/didOpen', {
  textDocument: { uri, languageId: 'plaintext', version, text },
});
await ready;
// The first table cell holding a single digit: edits flip it between 0 and 1.
const lines = text.split('\n');
const cellLine = lines.findIndex((l) => /^\t?[01]$/.test(l));
const character = lines[cellLine].length - 1;
const times = [];
for (let i = 0; i < WARMUP + RUNS; i++) {
  version++;
  ready = published(uri, version);
  const start = performance.now();
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [
      {
        range: {
          start: { line: cellLine, character },
          end: { line: cellLine, character: character + 1 },
        },
        text: String(i % 2),
      },
    ],
  });
  await ready;
  if (i >= WARMUP) times.push(performance.now() - start);
}
console.log(
  `edit → publishDiagnostics, seed 000 (${Buffer.byteLength(text)} bytes, ${text.length} UTF-16 units), ` +
    `debounce 0 ms (an editor adds its debounce, 30 ms by default): median ${median(times).toFixed(2)} ms ` +
    `over ${RUNS} edits after ${WARMUP} warm-up (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)})`,
);

// 2. Memory with 50 open reports.
const before = rssMiB(child.pid);
const all = [];
for (let i = 0; i < OPEN_REPORTS; i++) {
  const docUri = `file:///bench/open-${i}.txt`;
  all.push(published(docUri, 1));
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: {
      uri: docUri,
      languageId: 'plaintext',
      version: 1,
      text: seeds[i % seeds.length],
    },
  });
}
await Promise.all(all);
const after = rssMiB(child.pid);
console.log(
  `server RSS: ${before.toFixed(1)} MiB with 1 report open, ${after.toFixed(1)} MiB with ${OPEN_REPORTS + 1} open`,
);

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
setTimeout(() => child.kill(), 500).unref();
