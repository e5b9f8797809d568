import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInner, tableLabels } from './labels.js';
import { gov2021 } from './test/gov-2021.fixture.js';

const tables = gov2021.tables.map((t) => tableLabels(t));

describe('findInner', () => {
  it('finds a label of four or more units wherever it sits in a longer span', () => {
    // Context made of the labels' own units, so that the units a needle is
    // first screened by are present for many needles that are not there.
    const units = [...new Set(tables.flatMap((t) => t.needles.flatMap(([n]) => [...n])))];
    const context = fc.array(fc.constantFrom(...units, '，', 'x'), { maxLength: 12 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: tables.length - 1 }),
        fc.nat(),
        context,
        context,
        (t, k, before, after) => {
          const labels = tables[t] as (typeof tables)[number];
          const [needle] = labels.needles[
            k % labels.needles.length
          ] as (typeof labels.needles)[number];
          const f = `${before.join('')}${needle}${after.join('')}`;
          const hits = findInner(labels, f);
          // The needle, or a longer label overlapping it, is found where it is.
          const at = f.indexOf(needle);
          expect(
            hits.some((h) => h.from <= at + needle.length && h.to >= at && h.to - h.from >= 4),
          ).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds nothing in a span holding no label', () => {
    const labels = tables[1] as (typeof tables)[number];
    expect(findInner(labels, '这是一段说明文字')).toEqual([]);
  });
});
