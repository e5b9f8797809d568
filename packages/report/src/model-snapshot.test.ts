/**
 * Differential safety net: the whole model read from every real report (and
 * from deterministic mutations of them that push the reader off its exact
 * paths: fuzzy labels, lost lines, CRLF, HTML, the rendered layouts) must stay
 * byte for byte what it was when the snapshots were taken. A speed-up of the
 * reader must not change a single result; a deliberate change of behaviour
 * updates the snapshots (`npx vitest run -u`) and says why in its commit.
 *
 * The originals read with the real gov-2021 pack are kept whole, so that a
 * difference shows where it is; the many variants are kept as digests.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePack } from '@govlint/dsl';
import { builtinPacks } from '@govlint/rules';
import type { CompiledTemplate } from '@govlint/dsl';
import { readReport } from './index.js';
import { gov2021 } from './test/gov-2021.fixture.js';
import { type RenderLayout, type Values, key, render } from './test/render.js';
import { corpusText, seedText } from './test/seeds.js';

const pack = compilePack(builtinPacks.flatMap((p) => p.files)).pack;
const templates: [string, CompiledTemplate][] = [
  ['fixture', gov2021],
  ...(pack?.templates ?? []).map((t): [string, CompiledTemplate] => [t.id, t]),
];
const real2021 = pack?.templates.find((t) => t.id === 'gov-2021');

const seedDir = new URL('../../../../shared/seeds/', import.meta.url);
const corpusDir = new URL('../../../../shared/corpus/', import.meta.url);
const sources: [string, string][] = [
  ...readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f): [string, string] => [f.slice(0, 3), seedText(f.slice(0, 3))]),
  ...readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f): [string, string] => [f.replace(/\.txt$/u, ''), corpusText(f)]),
];

/** Every `step`-th character (from `from`) replaced: labels then match only fuzzily or not at all. */
const mutateChars = (text: string, step: number, from: number, by: string): string =>
  [...text].map((c, i) => (i >= from && (i - from) % step === 0 && c.trim() ? by : c)).join('');

/** Deterministic variants of a report, each pushing the reader down other paths. */
const variants: [string, (text: string) => string][] = [
  ['original', (t) => t],
  ['crlf', (t) => t.replace(/\n/gu, '\r\n')],
  ['bom-cr', (t) => `\uFEFF${t.replace(/\n/gu, '\r')}`],
  [
    'every-7th-line-dropped',
    (t) =>
      t
        .split('\n')
        .filter((_, i) => i % 7 !== 3)
        .join('\n'),
  ],
  [
    'every-11th-line-doubled',
    (t) =>
      t
        .split('\n')
        .flatMap((l, i) => (i % 11 === 5 ? [l, l] : [l]))
        .join('\n'),
  ],
  [
    'lines-trimmed',
    (t) =>
      t
        .split('\n')
        .map((l) => l.trim())
        .join('\n'),
  ],
  ['tabs-to-spaces', (t) => t.replace(/\t/gu, '  ')],
  ['chars-replaced-37', (t) => mutateChars(t, 37, 5, '某')],
  ['chars-replaced-13', (t) => mutateChars(t, 13, 2, '囗')],
  ['chars-dropped-29', (t) => mutateChars(t, 29, 7, '')],
  ['spaces-inserted', (t) => mutateChars(t, 17, 1, ' ').replace(/ /gu, ' 　')],
  ['first-half', (t) => t.slice(0, t.length >> 1)],
  ['second-half', (t) => t.slice(t.length >> 1)],
  [
    'full-width-digits',
    (t) => t.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  ],
  [
    'paragraphs-html',
    (t) =>
      `<html><body>${t
        .split('\n')
        .map((l) => `<p>${l}</p>`)
        .join('\n')}</body></html>`,
  ],
  ['one-line', (t) => t.replace(/\n/gu, ' ')],
];

const digest = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** Values for the rendered layouts: a fixed pseudo-random pattern with a few blanks. */
function renderValues(template: CompiledTemplate): Values {
  const values = new Map<string, number | null>();
  let n = 7;
  for (const table of template.tables)
    for (const block of table.blocks)
      for (const row of block.rows)
        for (const column of block.columns) {
          n = (n * 1103515245 + 12345) % 2147483648;
          values.set(key(table.id, row.id, column.id), n % 23 === 0 ? null : n % 41);
        }
  return values;
}
const layouts: RenderLayout[] = [
  'tab-rows',
  'cell-per-line',
  'pipe-cells',
  'markdown',
  'html',
  'flattened',
];

describe('the model of every real report, unchanged', () => {
  it.each(sources)('%s, read with the real gov-2021 pack', async (name, text) => {
    expect(real2021).toBeDefined();
    const model = readReport(text, real2021 as CompiledTemplate, { uri: `${name}.txt` });
    expect(model.isReport).toBe(true);
    await expect(`${JSON.stringify(model, null, 1)}\n`).toMatchFileSnapshot(
      `./test/fixtures/models/${name}.model.json`,
    );
  });

  it('digests of every variant, template and rendered layout', async () => {
    const digests: Record<string, string> = {};
    for (const [name, text] of sources)
      for (const [variant, make] of variants) {
        const input = make(text);
        for (const [tid, template] of templates)
          digests[`${name} ${variant} ${tid}`] = digest(
            readReport(input, template, { uri: 'variant.txt' }),
          );
      }
    for (const [tid, template] of templates)
      for (const layout of layouts) {
        const text = render(template, renderValues(template), layout);
        digests[`render ${layout} ${tid}`] = digest(readReport(text, template, { uri: 'r.txt' }));
      }
    // The digests must differ between cases, or the net catches nothing.
    expect(new Set(Object.values(digests)).size).toBeGreaterThan(Object.keys(digests).length / 2);
    await expect(`${JSON.stringify(digests, null, 1)}\n`).toMatchFileSnapshot(
      './test/fixtures/models/model-digests.json',
    );
  });
});
