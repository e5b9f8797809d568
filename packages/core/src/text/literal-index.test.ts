import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLabel } from '@govlint/text';
import { createLinter } from '../linter.js';
import { indexLiterals, needlesOf, SEARCHED_LEXICONS, templateNeedles } from './literal-index.js';

/** Every start of `needle` in `text`, overlaps included: what indexOf finds one by one. */
function byIndexOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/** Random needles over `words` and texts over `texts`: every needle's positions are indexOf's. */
function agreesWithIndexOf(words: string, texts: string): void {
  const word = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 });
  const text = fc.array(fc.constantFrom(...texts), { maxLength: 80 });
  fc.assert(
    fc.property(fc.array(word, { maxLength: 8 }), text, (chosen, chars) => {
      const needles = chosen.map((w) => w.join(''));
      const t = chars.join('');
      const index = indexLiterals(t, needlesOf(needles));
      for (const n of needles) expect(index.positions(n)).toEqual(byIndexOf(t, n));
    }),
  );
}

describe('indexLiterals', () => {
  it('finds every occurrence of every needle in one pass, as indexOf would', () => {
    agreesWithIndexOf('甲乙丙1', '甲乙丙1x');
  });

  it('tells apart needles whose first units share a bucket', () => {
    // U+4E00 and U+5E00 are 4096 apart: the same bucket of the first-unit table.
    agreesWithIndexOf('一帀x', '一帀xy');
  });

  it('answers for a literal it was not built with, by searching for it', () => {
    const index = indexLiterals('甲乙甲乙', needlesOf(['丙']));
    expect(index.positions('甲乙')).toEqual([0, 2]);
    expect(index.positions('丙')).toEqual([]);
  });
});

describe('templateNeedles', () => {
  it('holds every marker, searched lexicon entry and anchor of the text checks, folded', () => {
    const templates = createLinter().templates();
    const template = templates.find((t) => t.id === 'gov-2021')!;
    const needles = templateNeedles(templates);
    for (const t of templates) {
      for (const m of t.markers) expect(needles.ids.has(foldLabel(m))).toBe(true);
    }
    for (const name of SEARCHED_LEXICONS) {
      expect(template.lexicons[name]?.length).toBeGreaterThan(0);
      for (const e of template.lexicons[name]!)
        expect(needles.ids.has(foldLabel(e.text))).toBe(true);
    }
    // A word list the checks compare with, never look for, stays out of the pass.
    expect(needles.ids.has(foldLabel('IPv6'))).toBe(false);
    // The literals a narrative pattern is found by: its first words and the
    // words at a known distance after them (prefilter.ts); not the unit word
    // after a number, whose place the matcher finds.
    expect(needles.ids.has('行政处罚')).toBe(true);
    expect(needles.ids.has('依申请公开')).toBe(true);
    expect(needles.ids.has('件')).toBe(false);
    expect(needles.list.length).toBeGreaterThan(100);
  });
});
