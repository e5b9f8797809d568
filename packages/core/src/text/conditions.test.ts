/**
 * conditionHolds (numbers only) against evaluateTextCondition (which also
 * works out what a message shows): the same answer on random conditions,
 * captures and cells, missing and NaN values included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellRef, ComparisonOp, TextCondition, TextExpr } from '@govlint/dsl';
import { conditionHolds, evaluateTextCondition } from './conditions.js';

const cells = ['a', 'b', 'c'];
const captureNames = ['n', 'm'];
const coefficient = fc.constantFrom(1, -1, 2, 0.1);

const expr: fc.Arbitrary<TextExpr> = fc.record({
  constant: fc.constantFrom(0, 1, 0.2, -3),
  terms: fc.array(
    fc.record({
      coefficient,
      cell: fc.constantFrom(...cells).map((row): CellRef => ({ table: 'T', row, column: 'x' })),
    }),
    { maxLength: 3 },
  ),
  captures: fc.array(fc.record({ coefficient, capture: fc.constantFrom(...captureNames) }), {
    maxLength: 2,
  }),
});

const compare = fc
  .record({
    op: fc.constantFrom<ComparisonOp>('=', '≠', '<', '≤', '>', '≥'),
    left: expr,
    right: expr,
  })
  .map((comparison): TextCondition => ({ kind: 'compare', comparison }));

const { condition } = fc.letrec<{ condition: TextCondition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    compare,
    tie('condition').map((operand): TextCondition => ({ kind: 'not', operand })),
    fc
      .tuple(
        fc.constantFrom<'and' | 'or'>('and', 'or'),
        fc.array(tie('condition'), { minLength: 1, maxLength: 3 }),
      )
      .map(([kind, operands]): TextCondition => ({ kind, operands })),
  ),
}));

/** A value, or none (a missing cell or capture), or NaN (a capture that is no number). */
const value = fc.option(fc.constantFrom(0, 1, 2, 0.1, 0.3, 5, Number.NaN), { nil: undefined });

describe('conditionHolds', () => {
  it('decides as evaluateTextCondition does', () => {
    let decided = 0;
    fc.assert(
      fc.property(
        condition,
        fc.dictionary(fc.constantFrom(...captureNames), value),
        fc.dictionary(fc.constantFrom(...cells), value),
        (c, captured, cellValues) => {
          const captures: Record<string, { value: number }> = {};
          for (const [k, v] of Object.entries(captured))
            if (v !== undefined) captures[k] = { value: v };
          const cell = (ref: CellRef) => {
            const v = cellValues[ref.row];
            return v === undefined || Number.isNaN(v) ? undefined : v;
          };
          const expected = evaluateTextCondition(c, captures, cell).holds;
          if (expected !== null) decided++;
          expect(conditionHolds(c, captures, cell)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
    expect(decided).toBeGreaterThan(500);
  });
});
