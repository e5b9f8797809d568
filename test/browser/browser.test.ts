/**
 * dsl, report and core must run in a browser and in VS Code's web extension
 * host (docs/architecture.md). Lint rules keep Node built-ins out of their
 * sources; this test checks the whole dependency tree in a real browser:
 * core is bundled for the browser (a Node-only import anywhere fails the
 * build), run in a Web Worker in headless Chromium (Debian's package), and
 * must give the diagnostics Node gives, field for field: on the seeds as
 * text and as HTML, the corpus report, the Markdown example, and a seed's
 * GB18030 bytes.
 * Skipped, saying so, only when Chromium is not installed (.ci/run installs it).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserInput, lintInputs } from './lint-inputs.js';

const chromiumPath = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((p): p is string => p !== undefined && p !== '' && existsSync(p));
if (!chromiumPath)
  console.warn('SKIPPED: the browser test needs Chromium (apt-get install chromium)');

const shared = (dir: string) => new URL(`../../../shared/${dir}/`, import.meta.url);
const readDir = (url: URL, ext: RegExp) =>
  readdirSync(url)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => ({ uri: f, text: readFileSync(new URL(f, url), 'utf8') }));

/** A report as a web page would give it: tab-separated lines become table rows. */
function asHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = text
    .split('\n')
    .map((line) =>
      line.includes('\t')
        ? `<table><tr>${line
            .split('\t')
            .map((c) => `<td>${escape(c)}</td>`)
            .join('')}</tr></table>`
        : `<p>${escape(line)}</p>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>`;
}

const seeds = readDir(shared('seeds'), /\.txt$/);
const inputs: BrowserInput[] = [
  ...seeds,
  ...readDir(shared('corpus'), /\.txt$/),
  ...readDir(new URL('../../examples/', import.meta.url), /\.md$/),
  ...seeds.map((s) => ({ uri: s.uri.replace(/\.txt$/, '.html'), text: asHtml(s.text) })),
  {
    uri: '000-gb18030.txt',
    bytes: [...readFileSync(new URL('../cli/fixtures/000-gb18030.txt', import.meta.url))],
  },
];

/** The little of a browser's Worker that the page uses (the tests compile without the DOM's types). */
interface PageWorker {
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message: string; filename: string; lineno: number }) => void) | null;
  postMessage(data: unknown): void;
}

describe.skipIf(!chromiumPath)('core in a browser (headless Chromium, a Web Worker)', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    const bundled = await build({
      entryPoints: [fileURLToPath(new URL('./worker-entry.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
      write: false,
      logLevel: 'silent',
    });
    const worker = bundled.outputFiles[0]!.text;
    server = createServer((req, res) => {
      const js = req.url === '/worker.js';
      res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
      res.end(js ? worker : '<!DOCTYPE html><title>govlint</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('gives the diagnostics Node gives, on the seeds as text and HTML, the corpus, Markdown and GB18030', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(origin);
    const inBrowser = await page.evaluate(async (inputs) => {
      // The page's own globals: this function runs in Chromium, where Worker exists.
      const { Worker } = globalThis as unknown as { Worker: new (url: string) => PageWorker };
      const worker = new Worker('/worker.js');
      return await new Promise<unknown>((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(`${e.message} (${e.filename}:${e.lineno})`));
        worker.postMessage(inputs);
      });
    }, inputs);
    expect(errors).toEqual([]);
    const onNode = lintInputs(inputs);
    // Not an empty match: seed 002's （七）总计 error is there on both sides.
    const rules = (r: unknown) =>
      (r as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
    expect(rules(onNode.find((r) => r.uri.startsWith('002_'))!)).toContain('t3-row-total');
    expect(inBrowser).toEqual(onNode);
  }, 120_000);
});
