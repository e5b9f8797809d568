import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLabel, foldWithOffsets } from '@govlint/text';
import { createLinter } from '../linter.js';
import {
  foldReport,
  indexLiterals,
  needlesOf,
  SEARCHED_LEXICONS,
  templateNeedles,
} from './literal-index.js';

/** Every start of `needle` in `text`, overlaps included: what indexOf finds one by one. */
function byIndexOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/** Random needles over `words` and texts over `texts`: every needle's positions are indexOf's. */
function agreesWithIndexOf(words: string, texts: string): void {
  const word = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 });
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

  it('tells apart needles whose last units share a bucket', () => {
    // U+4E00 and U+6E00 are 8192 apart: the same bucket, for one unit or after the same unit.
    agreesWithIndexOf('一渀x', '一渀xy');
  });

  it('answers for a literal it was not built with, by searching for it', () => {
    const index = indexLiterals('甲乙甲乙', needlesOf(['丙']));
    expect(index.positions('甲乙')).toEqual([0, 2]);
    expect(index.positions('丙')).toEqual([]);
  });
});

describe('foldReport', () => {
  it('folds as foldWithOffsets does and finds what indexOf finds in the folding, in one pass', () => {
    // Units that fold to one, to none, to several (㍻), surrogate pairs and lone halves.
    const units = [...'甲乙（）() 　\t\n“”ＡＢ１2|*#·㍻平成'].concat(['𠀀', '\ud840', '\udc00']);
    const word = fc.array(fc.constantFrom(...'甲乙()"AB12平成'), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 8 }),
        fc.array(fc.constantFrom(...units), { maxLength: 60 }),
        (chosen, chars) => {
          const needles = chosen.map((w) => w.join(''));
          const text = chars.join('');
          const report = foldReport(text, needlesOf(needles));
          const reference = foldWithOffsets(text);
          expect(report.folded.folded).toBe(reference.folded);
          expect([...report.folded.sourceOffsets]).toEqual([...reference.sourceOffsets]);
          for (const n of needles) {
            expect(report.literals.positions(n)).toEqual(byIndexOf(reference.folded, n));
          }
        },
      ),
    );
  });
});

describe('foldReport, called again', () => {
  it('leaves the reports it folded before as they were', () => {
    const needles = needlesOf(['乙']);
    const first = foldReport('甲 乙 丙', needles);
    foldReport('乙乙乙乙乙乙乙乙', needles);
    expect(first.folded.folded).toBe('甲乙丙');
    expect([...first.folded.sourceOffsets]).toEqual([0, 2, 4, 5]);
    expect(first.literals.positions('乙')).toEqual([1]);
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
