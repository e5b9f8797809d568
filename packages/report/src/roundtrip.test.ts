/**
 * Round trip: a report rendered in every layout (from the template's labels)
 * reads back to the same cells, over many generated reports.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CompiledTemplate } from '@govlint/dsl';
import { readReport } from './index.js';
import { gov2021 } from './test/gov-2021.fixture.js';
import { type RenderLayout, type Values, key, render } from './test/render.js';

/** Every cell of the template, with whether it is an amount (decimals allowed). */
function cellsOf(template: CompiledTemplate) {
  return template.tables.flatMap((t) =>
    t.blocks.flatMap((b) =>
      b.rows.flatMap((r) =>
        b.columns.map((c) => ({
          key: key(t.id, r.id, c.id),
          amount: c.kind.type === 'amount',
          row: `${t.id}|${r.id}`,
        })),
      ),
    ),
  );
}

const cells = cellsOf(gov2021);

/** Make the template's row-local identities hold, through each instance's fix cell. */
function withIdentities(values: Map<string, number | null>): Map<string, number | null> {
  for (const rule of gov2021.rules) {
    if (rule.check.kind !== 'assert') continue;
    for (const inst of rule.check.instances) {
      const fix = inst.fixCell;
      const terms = inst.assert.right.terms;
      if (
        !fix ||
        inst.assert.left.terms.length !== 1 ||
        !terms.every((t) => t.cell.row === fix.row && t.cell.table === fix.table)
      )
        continue;
      let sum = 0;
      for (const t of terms)
        sum += t.coefficient * (values.get(key(t.cell.table, t.cell.row, t.cell.column)) ?? 0);
      values.set(key(fix.table, fix.row, fix.column), sum);
    }
  }
  return values;
}

const count = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 9 }) },
  { weight: 3, arbitrary: fc.integer({ min: 10, max: 999 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 99999 }) },
);
const amount = fc.oneof(
  count,
  fc.integer({ min: 1, max: 99999 }).map((n) => n / 100),
);

const reportValues = (blanks: boolean) =>
  fc
    .tuple(
      fc.array(fc.oneof(count, amount), { minLength: cells.length, maxLength: cells.length }),
      blanks
        ? fc.array(fc.integer({ min: 0, max: cells.length * 4 }), { maxLength: 8 })
        : fc.constant([]),
    )
    .map(([numbers, blankAt]) => {
      const values = new Map<string, number | null>();
      cells.forEach((c, i) => {
        const n = numbers[i] as number;
        values.set(c.key, c.amount ? n : Math.round(n));
      });
      withIdentities(values);
      // At most one blank per row, never in a one-column row (that is a missing row).
      const blankRows = new Set<string>();
      for (const i of blankAt) {
        const c = cells[i];
        if (!c || blankRows.has(c.row) || cells.filter((x) => x.row === c.row).length === 1)
          continue;
        blankRows.add(c.row);
        values.set(c.key, null);
      }
      return values as Values;
    });

function readBack(values: Values, layout: RenderLayout) {
  const text = render(gov2021, values, layout);
  const model = readReport(text, gov2021, { uri: `roundtrip.${layout}` });
  const read = new Map(model.cells.map((c) => [key(c.table, c.row, c.column), c]));
  return { text, model, read };
}

describe('round trip through every layout', () => {
  const exactLayouts: RenderLayout[] = [
    'tab-rows',
    'cell-per-line',
    'pipe-cells',
    'markdown',
    'html',
  ];
  for (const layout of exactLayouts) {
    const blanks = layout === 'html' || layout === 'markdown';
    it(`${layout}: every cell reads back${blanks ? ' (empty cells as blanks)' : ''}`, () => {
      fc.assert(
        fc.property(reportValues(blanks), (values) => {
          const { model, read } = readBack(values, layout);
          for (const [k, v] of values) {
            const cell = read.get(k);
            expect({ k, value: cell?.value, status: cell?.status }).toEqual({
              k,
              value: v ?? 0,
              status: v === null ? 'blank' : 'number',
            });
          }
          expect(model.cells).toHaveLength(values.size);
          expect(model.findings.filter((f) => f.severity !== 'info')).toEqual([]);
          expect(model.sections).toHaveLength(6);
        }),
        { numRuns: Number(process.env.RUNS ?? 60) },
      );
    });
  }

  it('flattened: a value is recovered only when the identities allow one cut, and then it is right', () => {
    let recovered = 0;
    let total = 0;
    fc.assert(
      fc.property(reportValues(false), (values) => {
        const { model, read } = readBack(values, 'flattened');
        const ambiguous = new Set(
          model.findings.filter((f) => f.ruleId === 'cells-ambiguous').map((f) => f.data?.rowId),
        );
        for (const [k, v] of values) {
          const cell = read.get(k);
          total++;
          if (cell?.value === null || cell === undefined) {
            expect(ambiguous.has(k.split('|')[1])).toBe(true);
            continue;
          }
          expect({ k, value: cell.value }).toEqual({ k, value: v });
          recovered++;
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 60) },
    );
    // Most rows have a single cut: small counts dominate real reports.
    expect(recovered / total).toBeGreaterThan(0.5);
  });

  it('html: positions land on the cell text in the HTML source', () => {
    const values = withIdentities(new Map(cells.map((c, i) => [c.key, (i * 7) % 23])));
    const { text, model } = readBack(values, 'html');
    for (const c of model.cells)
      expect(text.slice(c.range.start, c.range.end)).toBe(String(c.value));
    for (const r of model.tables.flatMap((t) => t.rows)) {
      // Labels are split over two <span>s (Word-pasted HTML): the range spans both.
      if (r.label.length > 2)
        expect(text.slice(r.labelRange.start, r.labelRange.end)).toMatch(/<\/span><span>/u);
    }
    expect(model.title?.text).toBe(render(gov2021, values, 'tab-rows').split('\n')[0]);
  });
});
