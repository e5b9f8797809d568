import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, findMatches, type PatternNode, type TextPattern } from '@govlint/dsl';
import { foldWithOffsets, type Range } from '@govlint/text';
import { createLinter } from '../linter.js';
import { foldReport, indexLiterals, needlesOf, templateNeedles } from './literal-index.js';
import { textUnits } from './units.js';
import {
  candidateUnits,
  checksFilter,
  foldedSpan,
  literalPlan,
  planOf,
  unitLiterals,
} from './unit-literals.js';
import { unitsOf } from '../test/units.js';

/** Characters that folding changes, deletes or keeps, and a surrogate pair. */
const alphabet = [...'政府信息公开（）()，,：: 　\t\n“”"ＡＢ１２abAB12|*#·𠀀㍻－-'];
const chars = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 });

const lit = (text: string): PatternNode => ({ kind: 'literal', text });
const pattern = (node: PatternNode): TextPattern => ({ source: '', captures: [], node });

/** The prefilter over a text: the plan, its index and the units' literals. */
function prefilter(t: string, units: readonly Range[], patterns: readonly TextPattern[]) {
  const plan = planOf(patterns, {});
  const folded = foldWithOffsets(t);
  const literals = indexLiterals(folded.folded, needlesOf(plan.list));
  return { plan, folded, u: unitLiterals(plan, units, folded, literals) };
}

describe('candidateUnits', () => {
  // ("公开" | "政府") ("1" | "2"): two clauses, so a unit needs one literal of each.
  const both = pattern({
    kind: 'seq',
    items: [
      { kind: 'alt', options: [lit('公开'), lit('政府')] },
      { kind: 'alt', options: [lit('1'), lit('2')] },
    ],
  });
  const clauses = [
    ['公开', '政府'],
    ['1', '2'],
  ];
  const hasAll = (t: string, u: Range) => {
    const folded = foldWithOffsets(t, u.start, u.end).folded;
    return clauses.every((c) => c.some((l) => folded.includes(l)));
  };

  it('keeps exactly the units whose folded text has one literal of every clause', () => {
    fc.assert(
      fc.property(chars, fc.array(fc.nat(60), { maxLength: 6 }), (cs, cuts) => {
        const t = cs.join('');
        const units = unitsOf(cs, cuts);
        const { plan, u } = prefilter(t, units, [both]);
        const kept = candidateUnits(u, checksFilter(plan, [both]));
        expect(kept).toEqual(units.flatMap((unit, k) => (hasAll(t, unit) ? [k] : [])));
      }),
    );
  });

  it('answers the same for units out of order or overlapping', () => {
    fc.assert(
      fc.property(
        chars,
        fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 6 }),
        (cs, spans) => {
          const t = cs.join('');
          const units = spans.map(([s, w]) => {
            const start = Math.min(s, cs.length);
            const end = Math.min(start + w, cs.length);
            return {
              start: cs.slice(0, start).join('').length,
              end: cs.slice(0, end).join('').length,
            };
          });
          const { plan, u } = prefilter(t, units, [both]);
          const kept = candidateUnits(u, checksFilter(plan, [both]));
          expect(kept).toEqual(units.flatMap((unit, k) => (hasAll(t, unit) ? [k] : [])));
        },
      ),
    );
  });

  it('keeps every unit for a pattern without literals, and a unit any pattern may match', () => {
    const t = '政府公开1。甲乙。公开2。';
    const units = [
      { start: 0, end: 6 },
      { start: 6, end: 9 },
      { start: 9, end: 13 },
    ];
    const gaps = pattern({ kind: 'gap', min: 1, max: 2 });
    const yi = pattern(lit('乙'));
    const { plan, u } = prefilter(t, units, [both, gaps, yi]);
    expect(candidateUnits(u, checksFilter(plan, [gaps]))).toEqual([0, 1, 2]);
    expect(candidateUnits(u, checksFilter(plan, [both]))).toEqual([0, 2]);
    expect(candidateUnits(u, checksFilter(plan, [yi, both]))).toEqual([0, 1, 2]);
    expect(candidateUnits(u, checksFilter(plan, [yi]))).toEqual([1]);
  });
});

describe('candidates hold every match (differential, against the matcher)', () => {
  const node: PatternNode = {
    kind: 'alt',
    options: [
      {
        kind: 'seq',
        items: [
          lit('政府'),
          { kind: 'gap', min: 0, max: 3 },
          { kind: 'optional', body: lit('信息') },
          { kind: 'number', name: 'n' },
        ],
      },
      { kind: 'seq', items: [lit('（公开）'), { kind: 'lexicon', name: 'w' }] },
    ],
  };
  const lexicons = { w: [{ text: 'ＡＢ' }, { text: '12' }] };
  const p = pattern(node);

  it('in random text', () => {
    const program = compilePattern(node, lexicons);
    fc.assert(
      fc.property(chars, fc.array(fc.nat(60), { maxLength: 6 }), (cs, cuts) => {
        const t = cs.join('');
        const units = unitsOf(cs, cuts);
        const plan = planOf([p], lexicons);
        const folded = foldWithOffsets(t);
        const u = unitLiterals(
          plan,
          units,
          folded,
          indexLiterals(folded.folded, needlesOf(plan.list)),
        );
        const kept = new Set(candidateUnits(u, checksFilter(plan, [p])));
        units.forEach((unit, k) => {
          if (findMatches(program, t, unit.start, unit.end).length > 0)
            expect(kept.has(k)).toBe(true);
        });
      }),
    );
  });

  it('in the seeds, for every pattern of the builtin rules', () => {
    const linter = createLinter();
    const templates = linter.templates();
    const dir = new URL('../../../../../shared/seeds/', import.meta.url);
    let matched = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const model = linter.parse(text, { uri: file })!;
      const report = foldReport(text, templateNeedles(templates));
      for (const template of templates) {
        const plan = literalPlan(template);
        for (const scope of [{ unit: 'sentence' }, { unit: 'paragraph' }] as const) {
          const units = textUnits(model, text, scope);
          const u = unitLiterals(plan, units, report.folded, report.literals);
          for (const rule of template.rules) {
            if (rule.check.kind !== 'text') continue;
            const { patterns, unless = [] } = rule.check;
            const ofCheck = new Set(candidateUnits(u, checksFilter(plan, patterns)));
            for (const p of [...patterns, ...unless]) {
              const program = compilePattern(p.node, template.lexicons);
              const kept = patterns.includes(p)
                ? ofCheck
                : new Set(candidateUnits(u, checksFilter(plan, [p])));
              units.forEach((unit, k) => {
                if (findMatches(program, text, unit.start, unit.end).length === 0) return;
                matched++;
                expect(kept.has(k)).toBe(true);
              });
            }
          }
        }
      }
    }
    expect(matched).toBeGreaterThan(20);
  });
});

describe('foldedSpan', () => {
  it('folds a unit like foldWithOffsets over it, offsets and end included', () => {
    fc.assert(
      fc.property(chars, fc.array(fc.nat(60), { maxLength: 4 }), (cs, cuts) => {
        const t = cs.join('');
        const units = unitsOf(cs, cuts);
        const { folded, u } = prefilter(t, units, []);
        units.forEach((unit, k) => {
          const reference = foldWithOffsets(t, unit.start, unit.end);
          const span = foldedSpan(u, folded, k);
          expect(span.folded).toBe(reference.folded);
          expect([...span.sourceOffsets]).toEqual([...reference.sourceOffsets]);
        });
      }),
    );
  });
});
