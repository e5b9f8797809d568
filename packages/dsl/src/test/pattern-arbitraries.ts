/**
 * Random small patterns and texts for the matcher's property tests, over a
 * few characters so that matches, near misses and folding (full-width
 * digits, spaces) all come up often.
 */
import fc from 'fast-check';
import type { PatternNode } from '../compiled.js';

export const lexicons = {
  w: [
    { text: 'ab', note: '甲' },
    { text: 'a1', note: '乙' },
    { text: 'b', note: undefined },
  ],
};

export const literal = fc
  .string({ unit: fc.constantFrom('a', 'b', 'c', '1', '.'), minLength: 1, maxLength: 3 })
  .map((text): PatternNode => ({ kind: 'literal', text }));
const gap = fc
  .tuple(fc.nat(3), fc.nat(4))
  .map(([min, extra]): PatternNode => ({ kind: 'gap', min, max: min + extra }));
const leaf = fc.oneof(
  literal,
  gap,
  fc.constantFrom<PatternNode>(
    { kind: 'number', name: 'n' },
    { kind: 'number', name: 'm' },
    { kind: 'lexicon', name: 'w' },
  ),
);

export const { node } = fc.letrec<{ node: PatternNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items) => ({
      kind: 'seq' as const,
      items,
    })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((options) => ({
      kind: 'alt' as const,
      options,
    })),
    tie('node').map((body) => ({ kind: 'optional' as const, body })),
  ),
}));

export const text = fc.string({
  unit: fc.constantFrom('a', 'b', 'c', '1', '2', '.', '２', ' '),
  maxLength: 40,
});
