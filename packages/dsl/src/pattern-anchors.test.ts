/**
 * Anchored matching (pattern-anchors.ts + findMatchesAt) against the
 * scanning matcher: running the matcher only where a pattern's first
 * literals occur, and only where its confirmers hold, finds the same matches
 * in a window of a longer text as scanning that window cut out.
 */
import fc from 'fast-check';
import { foldWithOffsets } from '@govlint/text';
import { describe, expect, it } from 'vitest';
import type { PatternNode } from './compiled.js';
import { compilePattern, findMatches, findMatchesAt, type PatternMatch } from './pattern.js';
import { type PatternAnchors, patternAnchors } from './pattern-anchors.js';
import { lexicons, literal, node, text } from './test/pattern-arbitraries.js';

/** The positions in [lo, hi] where a first literal occurs and every confirmer holds, the simple way. */
function starts(anchors: PatternAnchors, folded: string, lo: number, hi: number): number[] {
  const at = (p: number, l: string) => folded.startsWith(l, p);
  const isDigit = (p: number) => /[0-9]/.test(folded.charAt(p));
  const out: number[] = [];
  for (let p = lo; p <= hi; p++) {
    if (!anchors.first.some((l) => at(p, l))) continue;
    const confirmed = anchors.confirm.every((c) => {
      for (let d = c.min; d <= c.max; d++) {
        if (c.digit ? isDigit(p + d) : c.literals.some((l) => at(p + d, l))) return true;
      }
      return false;
    });
    if (confirmed) out.push(p);
  }
  return out;
}

const lit = (t: string): PatternNode => ({ kind: 'literal', text: t });

describe('pattern anchors', () => {
  it('reads first literals and confirmers off a pattern', () => {
    const pattern: PatternNode = {
      kind: 'seq',
      items: [
        { kind: 'alt', options: [lit('公开'), lit('公示')] },
        { kind: 'gap', min: 0, max: 2 },
        lit('行政许可'),
        { kind: 'number', name: 'n' },
        lit('件'),
      ],
    };
    expect(patternAnchors(pattern, {})).toEqual({
      first: ['公开', '公示'],
      confirm: [
        { literals: ['行政许可'], digit: false, min: 2, max: 4 },
        { literals: [], digit: true, min: 6, max: 8 },
      ],
    });
    const optionalFirst: PatternNode = {
      kind: 'seq',
      items: [{ kind: 'optional', body: lit('被申请') }, lit('行政复议')],
    };
    expect(patternAnchors(optionalFirst, {})?.first).toEqual(['被申请', '行政复议']);
  });

  it('has none for patterns that may begin anywhere or match nothing', () => {
    expect(patternAnchors({ kind: 'number', name: 'n' }, {})).toBeNull();
    expect(
      patternAnchors({ kind: 'seq', items: [{ kind: 'gap', min: 1, max: 2 }, lit('a')] }, {}),
    ).toBeNull();
    expect(patternAnchors({ kind: 'optional', body: lit('a') }, {})).toBeNull();
    expect(
      patternAnchors({ kind: 'lexicon', name: 'empty' }, { empty: [{ text: ' ' }] }),
    ).toBeNull();
    // An unknown lexicon matches nothing: no first literal, so no start.
    expect(patternAnchors({ kind: 'lexicon', name: 'none' }, {})?.first).toEqual([]);
  });

  it('finds what the scan finds, in a window of a longer text', () => {
    // Half of the patterns begin with a literal, so that most have anchors.
    const begun = fc
      .tuple(fc.oneof(literal, fc.constant<PatternNode>({ kind: 'lexicon', name: 'w' })), node)
      .map(([head, rest]): PatternNode => ({ kind: 'seq', items: [head, rest] }));
    let anchored = 0;
    let matched = 0;
    fc.assert(
      fc.property(fc.oneof(node, begun), text, fc.nat(), fc.nat(), (pattern, input, a, b) => {
        const anchors = patternAnchors(pattern, lexicons);
        if (!anchors) return;
        anchored++;
        // A window of most of the text: its first and last thirds may be cut off.
        const third = Math.floor(input.length / 3) + 1;
        const [s, e] = [a % third, input.length - (b % third)];
        const program = compilePattern(pattern, lexicons);
        const span = foldWithOffsets(input);
        const index = (source: number) => span.sourceOffsets.findIndex((o) => o >= source);
        const window = { lo: index(s!), hi: index(e!), end: e! };
        const candidates = starts(anchors, span.folded, window.lo, window.hi);
        const found: PatternMatch[] = [];
        findMatchesAt(program, input, span, window, candidates, 0, candidates.length, found);
        const expected = findMatches(program, input, s, e);
        if (expected.length > 0) matched++;
        expect(found).toEqual(expected);
      }),
      { numRuns: 4000 },
    );
    expect(anchored).toBeGreaterThan(2000);
    expect(matched).toBeGreaterThan(200);
  });
});
