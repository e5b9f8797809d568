/**
 * The reader guided by the real pack (rules/gov-2021 compiled by the DSL)
 * reads the seeds exactly as it does with the hand-built fixture: the
 * template, not code, decides what is read.
 */
import { describe, expect, it } from 'vitest';
import { compilePack } from '@govlint/dsl';
import { builtinPacks } from '@govlint/rules';
import { readReport } from './index.js';
import { ReportModelSchema } from './model.js';
import { gov2021 } from './test/gov-2021.fixture.js';
import { checkIdentities } from './test/evaluate.js';
import { corpusText, seedText, serious } from './test/seeds.js';
import { type RenderLayout, key, render } from './test/render.js';

const compiled = compilePack(builtinPacks.flatMap((p) => p.files));
const real = compiled.pack?.templates.find((t) => t.id === 'gov-2021');

const sources: [string, string][] = [
  ...['000', '001', '002', '003', '004'].map((s): [string, string] => [s, seedText(s)]),
  ['pingtan', corpusText('pingtan-2022-flattened.txt')],
];

/** Cells as comparable strings; the unlabelled row's id differs between pack and fixture. */
const cellKeys = (model: ReturnType<typeof readReport>) =>
  model.cells.map((c) => `${c.table}|${c.column}|${c.value}|${c.status}|${c.range.start}`);

describe('the compiled gov-2021 pack', () => {
  it('compiles', () => {
    expect(real?.tables.map((t) => t.id)).toEqual(['T2', 'T3', 'T4']);
  });

  for (const [name, text] of sources) {
    it(`reads ${name} as the fixture does`, () => {
      if (!real) throw new Error('gov-2021 did not compile');
      const withPack = readReport(text, real, { uri: name });
      const withFixture = readReport(text, gov2021, { uri: name });
      expect(ReportModelSchema.safeParse(withPack).success).toBe(true);
      expect(cellKeys(withPack)).toEqual(cellKeys(withFixture));
      expect(withPack.sections).toEqual(withFixture.sections);
      expect(serious(withPack, text)).toEqual(serious(withFixture, text));
      expect(withPack.cells.length).toBeGreaterThan(0);
    });
  }

  it('cuts the corpus digits with the pack’s own identities', () => {
    if (!real) throw new Error('gov-2021 did not compile');
    const model = readReport(corpusText('pingtan-2022-flattened.txt'), real, { uri: 'pingtan' });
    const verdicts = checkIdentities(real, model, ['T3', 'T4']);
    expect(verdicts.failed).toEqual([]);
    expect(verdicts.notEvaluable).toBe(0);
    expect(model.cells.filter((c) => c.table !== 'T2' && c.value !== null)).toHaveLength(190);
  });
});

describe('every built-in template, with no code of its own', () => {
  for (const template of compiled.pack?.templates ?? []) {
    for (const layout of [
      'tab-rows',
      'cell-per-line',
      'pipe-cells',
      'markdown',
      'html',
    ] as RenderLayout[]) {
      it(`${template.id}: a report rendered as ${layout} reads back`, () => {
        const values = new Map<string, number>();
        let n = 0;
        for (const t of template.tables)
          for (const b of t.blocks)
            for (const r of b.rows)
              for (const c of b.columns) values.set(key(t.id, r.id, c.id), n++ % 97);
        const model = readReport(render(template, values, layout), template, {
          uri: `${template.id}.${layout}`,
        });
        expect(model.cells.map((c) => [key(c.table, c.row, c.column), c.value])).toEqual([
          ...values,
        ]);
        expect(model.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      });
    }
  }
});
