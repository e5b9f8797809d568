/**
 * Rules files over stdio with the built server: a workspace pack that adds
 * a rule to gov-2021 gets completion and hover, a syntax error is located on
 * the buffer as typed, and editing the pack re-lints the open reports.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, seedPath } from './client.js';

const rulesText = `template gov-2021

rule local-first-row {
  severity warning
  category arithmetic
  description "本地规则：新收申请全部来自自然人"
  message "本地规则：总计 {left}，自然人 {right}"
  T3[一, TOT] = T3[一, NP]
}
`;

function positionOf(text: string, needle: string, after = 0) {
  const lines = text.slice(0, text.indexOf(needle) + after).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

describe('rules files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govlint-lsp-rules-'));
  const rulesPath = join(dir, 'pack', 'local.govlint');
  const rulesUri = pathToFileURL(rulesPath).href;
  let client: LspClient;

  beforeAll(async () => {
    mkdirSync(join(dir, 'pack'));
    writeFileSync(rulesPath, rulesText);
    client = LspClient.start();
    await client.initialize(pathToFileURL(dir).href, { rulePaths: ['pack'], debounceMs: 10 });
    await client.open(rulesUri, rulesText, 'govlint-rules');
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes no problems for a valid pack', async () => {
    expect(await client.diagnostics(rulesUri, { version: 1 })).toEqual([]);
  });

  it('completes the row ids of T3 inside a cell reference', async () => {
    const items = await client.request<{ label: string; detail?: string }[]>(
      'textDocument/completion',
      {
        textDocument: { uri: rulesUri },
        position: positionOf(rulesText, 'T3[一', 3),
      },
    );
    expect(items.find((i) => i.label === '三.七')?.detail).toBe('（七）总计');
    expect(items.length).toBeGreaterThanOrEqual(25);
  });

  it('hovers a row id with the label it resolves to', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: rulesUri },
      position: positionOf(rulesText, 'T3[一', 3),
    });
    expect(hover.contents.value).toContain('“一、本年新收政府信息公开申请数量”');
  });

  it('applies the workspace pack to open reports, and re-lints them when the pack is edited', async () => {
    const report = pathToFileURL(join(dir, '000.txt')).href;
    await client.open(report, readFileSync(seedPath('000_c9cdefee434a3be0.txt'), 'utf8'));
    // Seed 000: 一.NP = 2 and 一.TOT = 2, so the local rule holds.
    const before = await client.diagnostics(report, { version: 1 });
    expect(before.some((d) => d.code === 'local-first-row')).toBe(false);
    // Edit the pack (unsaved): now the rule demands 一.TOT = 一.NP + 1.
    const edited = rulesText.replace('T3[一, TOT] = T3[一, NP]', 'T3[一, TOT] = T3[一, NP] + 1');
    await client.edit(rulesUri, [
      {
        range: { start: { line: 0, character: 0 }, end: positionOf(rulesText, '\n}\n', 3) },
        newText: edited,
      },
    ]);
    const after = await client.diagnostics(report, {
      accept: (ds) => ds.some((d) => d.code === 'local-first-row'),
    });
    expect(after.find((d) => d.code === 'local-first-row')?.message).toBe(
      '本地规则：总计 2，自然人 3',
    );
  });

  it('locates a syntax error on the buffer as typed', async () => {
    const version = await client.edit(rulesUri, [
      {
        range: {
          start: positionOf(client.text(rulesUri), 'T3[一'),
          end: positionOf(client.text(rulesUri), 'T3[一'),
        },
        newText: '= ',
      },
    ]);
    const ds = await client.diagnostics(rulesUri, { version, accept: (d) => d.length > 0 });
    expect(ds[0]?.severity).toBe(1);
    expect(ds[0]?.range.start.line).toBe(positionOf(client.text(rulesUri), '= T3[一').line);
  });
});
