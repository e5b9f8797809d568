import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasUnit, unitSet } from './unit-set.js';

describe('unitSet', () => {
  it('holds exactly the units it was made of', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 50 }),
        fc.integer({ min: 0, max: 0xffff }),
        (units, probe) => {
          const set = unitSet(units);
          expect(hasUnit(set, probe)).toBe(units.includes(probe));
          for (const u of units) expect(hasUnit(set, u)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('tells the first and last units of each 32-unit word apart', () => {
    const set = unitSet([0, 31, 0xffff]);
    expect([0, 1, 30, 31, 32, 0xfffe, 0xffff].map((c) => hasUnit(set, c))).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
  });
});
