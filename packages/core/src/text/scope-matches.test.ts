/**
 * The scope matcher (anchored starts from the literal index, the matcher run
 * on the whole report's folding) against the simple way: each unit folded on
 * its own and scanned for every pattern, the matches merged by position with
 * the first pattern winning, on random text cut into random units.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CompiledTemplate,
  compilePattern,
  findMatches,
  type PatternNode,
  type TextPattern,
} from '@govlint/dsl';
import type { Range } from '@govlint/text';
import type { TextContext } from './context.js';
import { foldReport, templateNeedles } from './literal-index.js';
import { scopeMatcher } from './scope-matches.js';
import { unitsOf } from '../test/units.js';

/** Characters that folding changes, deletes or keeps, and a surrogate pair. */
const alphabet = [...'政府信息公开（）()，,：: 　\t\n“”"ＡＢ１２abAB12|*#·𠀀'];
/** Single characters, and the patterns' words, so that matches are common. */
const chars = fc.array(
  fc.oneof(fc.constantFrom(...alphabet), fc.constantFrom('政府', '信息', '公开', '（公开）', '12')),
  { maxLength: 60 },
);

const lit = (text: string): PatternNode => ({ kind: 'literal', text });
const pattern = (node: PatternNode): TextPattern => ({ source: '', captures: [], node });
const lexicons = { w: [{ text: 'ＡＢ', note: '甲' }, { text: '公开' }, { text: 'b' }] };

const patterns: TextPattern[] = [
  // Anchored, with a confirmer (信息 one or two units on) and a number after it.
  pattern({
    kind: 'seq',
    items: [
      { kind: 'alt', options: [lit('政府'), lit('（公开）')] },
      { kind: 'gap', min: 0, max: 1 },
      lit('信息'),
      { kind: 'optional', body: { kind: 'number', name: 'n' } },
    ],
  }),
  // Anchored on an optional first word or the word after it.
  pattern({
    kind: 'seq',
    items: [{ kind: 'optional', body: lit('(') }, lit('公开'), { kind: 'number', name: 'm' }],
  }),
  // A bare lexicon (lexicon-search.ts), and a pattern that may begin anywhere (scanned).
  pattern({ kind: 'lexicon', name: 'w' }),
  pattern({ kind: 'seq', items: [{ kind: 'gap', min: 1, max: 2 }, lit('2')] }),
];

/** Just what the scope matcher reads of a text context. */
function contextOf(text: string): TextContext {
  const template = {
    id: 't',
    markers: [],
    lexicons,
    rules: [{ id: 'r', check: { kind: 'text', patterns, scope: { unit: 'sentence' } } }],
  } as unknown as CompiledTemplate;
  const report = foldReport(text, templateNeedles([template]));
  return {
    text,
    template,
    folded: () => report.folded,
    literals: () => report.literals,
    lexicon: (name: string) => lexicons[name as 'w'] ?? [],
  } as unknown as TextContext;
}

/** The simple way: every pattern scanned for in every unit, no overlaps, the first pattern first. */
function reference(text: string, units: readonly Range[], ps: readonly TextPattern[]) {
  const out: { unit: number; order: number; range: Range; captures: unknown; note?: string }[] = [];
  units.forEach((unit, k) => {
    const all = ps.flatMap((p, order) =>
      findMatches(compilePattern(p.node, lexicons), text, unit.start, unit.end).map((m) => ({
        m,
        order,
      })),
    );
    all.sort((a, b) => a.m.range.start - b.m.range.start || a.order - b.order);
    let end = -1;
    for (const { m, order } of all) {
      if (m.range.start < end) continue;
      out.push({ unit: k, order, range: m.range, captures: m.captures, note: m.note });
      end = Math.max(m.range.end, m.range.start + 1);
    }
  });
  return out;
}

describe('the scope matcher against scanning each unit', () => {
  it('finds the same matches, in the same order', () => {
    let matched = 0;
    fc.assert(
      fc.property(chars, fc.array(fc.nat(60), { maxLength: 6 }), (cs, cuts) => {
        const text = cs.join('');
        const units = unitsOf(cs, cuts);
        const found = scopeMatcher(contextOf(text), units)
          .matches(patterns)
          .map((f) => ({
            unit: f.unit,
            order: patterns.indexOf(f.pattern),
            range: f.match.range,
            captures: f.match.captures,
            note: f.match.note,
          }));
        const expected = reference(text, units, patterns);
        matched += expected.length;
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
    expect(matched).toBeGreaterThan(300);
  });

  it('finds the same in one unit asked for alone, and in units out of order', () => {
    fc.assert(
      fc.property(chars, fc.array(fc.nat(60), { maxLength: 6 }), (cs, cuts) => {
        const text = cs.join('');
        const units = unitsOf(cs, cuts);
        const scope = scopeMatcher(contextOf(text), units);
        units.forEach((_, k) => {
          const alone = scope.matches(patterns, k).map((f) => [f.unit, f.match.range]);
          const expected = reference(text, units, patterns).filter((f) => f.unit === k);
          expect(alone).toEqual(expected.map((f) => [f.unit, f.range]));
        });
        // Reversed, the units take the older way (scanned), with the same answer per unit.
        const reversed = [...units].reverse();
        const back = scopeMatcher(contextOf(text), reversed).matches(patterns);
        expect(back.map((f) => [reversed[f.unit], f.match.range])).toEqual(
          reference(text, reversed, patterns).map((f) => [reversed[f.unit], f.range]),
        );
      }),
      { numRuns: 300 },
    );
  });
});
