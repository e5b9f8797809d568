import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWithOffsets, type Range } from '@govlint/text';
import { indexLiterals, needlesOf } from './literal-index.js';
import { foldedUnit, literalClauses, unitsWithLiterals } from './prefilter.js';

/** Characters that folding changes, deletes or keeps, and a surrogate pair. */
const alphabet = [...'政府信息公开（）()，,：: 　\t\n“”"ＡＢ１２abAB12|*#·𠀀㍻－-'];
const text = fc
  .array(fc.constantFrom(...alphabet), { maxLength: 60 })
  .map((chars) => chars.join(''));

describe('literalClauses', () => {
  it('asks for every literal of a sequence, one of each alternative, and a digit for a number', () => {
    expect(
      literalClauses(
        {
          kind: 'seq',
          items: [
            {
              kind: 'alt',
              options: [
                { kind: 'literal', text: '办理' },
                { kind: 'literal', text: '答复' },
              ],
            },
            { kind: 'optional', body: { kind: 'literal', text: '了' } },
            { kind: 'literal', text: '（申请）' },
            { kind: 'number', name: 'n' },
            { kind: 'gap', min: 0, max: 3 },
          ],
        },
        {},
      ),
    ).toEqual([['办理', '答复'], ['(申请)'], ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']]);
  });

  it('says nothing about a pattern whose alternatives have no literal', () => {
    expect(
      literalClauses(
        {
          kind: 'alt',
          options: [
            { kind: 'literal', text: '甲' },
            { kind: 'gap', min: 1, max: 2 },
          ],
        },
        {},
      ),
    ).toEqual([]);
  });
});

describe('unitsWithLiterals', () => {
  it('keeps exactly the units whose folded text has one literal of every clause', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 8 }), (t, pieces) => {
        const units: Range[] = [];
        const step = Math.max(1, Math.ceil(t.length / pieces));
        for (let s = 0; s < t.length; s += step)
          units.push({ start: s, end: Math.min(t.length, s + step) });
        const clauses = [
          ['公开', '政府'],
          ['1', '2'],
        ];
        const index = foldWithOffsets(t);
        const literals = indexLiterals(index.folded, needlesOf(clauses.flat()));
        const kept = unitsWithLiterals(units, clauses, index, literals);
        const expected = units.filter((u) => {
          const folded = foldWithOffsets(t, u.start, u.end).folded;
          return clauses.every((c) => c.some((l) => folded.includes(l)));
        });
        expect(kept).toEqual(expected);
      }),
    );
  });
});

describe('foldedUnit', () => {
  it('folds a unit like foldWithOffsets over it, offsets and end included', () => {
    const chars = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 });
    fc.assert(
      fc.property(chars, fc.array(fc.nat(60), { maxLength: 4 }), (cs, cuts) => {
        const t = cs.join('');
        // Units end on whole characters, as the model's do.
        const bounds = [...new Set([0, ...cuts.map((c) => Math.min(c, cs.length)), cs.length])]
          .sort((a, b) => a - b)
          .map((k) => cs.slice(0, k).join('').length);
        const index = foldWithOffsets(t);
        for (let i = 1; i < bounds.length; i++) {
          const unit = { start: bounds[i - 1]!, end: bounds[i]! };
          const reference = foldWithOffsets(t, unit.start, unit.end);
          const span = foldedUnit(index, unit);
          expect(span.folded).toBe(reference.folded);
          expect([...span.sourceOffsets]).toEqual([...reference.sourceOffsets]);
        }
      }),
    );
  });
});
