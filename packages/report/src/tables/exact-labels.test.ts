import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSlice } from '../fold.js';
import { tableLabels } from '../labels.js';
import { isBareNumbering } from '../numbering.js';
import { gov2021 } from '../test/gov-2021.fixture.js';
import { ExactLabels } from './exact-labels.js';

const tables = gov2021.tables.map((t) => tableLabels(t));
const keys = tables.flatMap((t) => [...t.byFolded.keys()]);

/** What the scan did before: fold the span to a string and look it up. */
function reference(
  labels: (typeof tables)[number],
  text: string,
  start: number,
  end: number,
): readonly unknown[] | 'strings' {
  const f = foldSlice(text, start, end);
  if (f.length === 0 || isBareNumbering(f)) return 'strings';
  return labels.byFolded.get(f) ?? [];
}

/** Labels as the template writes them, with the decorations folding removes or changes. */
const spans = fc.oneof(
  fc.constantFrom(...keys),
  fc
    .tuple(
      fc.constantFrom(...keys),
      fc.constantFrom(' ', '　', '（', '(', '*', '1', 'Ａ', '𠀀', ''),
    )
    .map(([k, d]) => (k.length > 1 ? k.slice(0, 1) + d + k.slice(1) : d + k)),
  fc.string({ unit: fc.constantFrom('一', '、', '申', '请', ' ', '(', '（', '１', 'a', '\u00e9') }),
);

describe('ExactLabels', () => {
  it('finds what folding the span to a string and looking it up finds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: tables.length - 1 }), spans, (t, span) => {
        const labels = tables[t] as (typeof tables)[number];
        const exact = new ExactLabels(labels.byFolded, isBareNumbering);
        const text = `前${span}后`;
        const got = exact.lookup(text, 1, 1 + span.length);
        const want = reference(labels, text, 1, 1 + span.length);
        // "Ask the strings" is always allowed (the scan then does what it did before),
        // and so is "no label" where the strings see numbering: only labels found must agree.
        if (got === null) return;
        if (got.length === 0) expect(want === 'strings' || want.length === 0).toBe(true);
        else expect(got).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds every label of the template, written with full-width and spaced variants', () => {
    for (const labels of tables) {
      const exact = new ExactLabels(labels.byFolded, isBareNumbering);
      for (const [key, list] of labels.byFolded) {
        const spaced = key.split('').join(' ');
        expect(exact.lookup(spaced, 0, spaced.length)).toBe(list);
      }
    }
  });

  it('leaves numbering-only spans and spans folding to nothing to the strings', () => {
    const labels = tables[0] as (typeof tables)[number];
    const exact = new ExactLabels(new Map([['一、', labels.labels]]), isBareNumbering);
    expect(exact.lookup('一、', 0, 2)).toBeNull();
    expect(exact.lookup('  ', 0, 2)).toBeNull();
    expect(exact.lookup('不是标签', 0, 4)).toEqual([]);
  });
});
