import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldOffsets } from '../fold.js';
import { compilePack } from '@govlint/dsl';
import { builtinPacks } from '@govlint/rules';
import { readReport } from '../read.js';
import { corpusText, seedText } from '../test/seeds.js';
import { foldedOffsets } from './match-at.js';

describe('foldedOffsets', () => {
  it('gives the first offsets foldOffsets gives, for any text', () => {
    // Ideographs, spaces folding removes, full-width forms, units folding to several, surrogate pairs.
    const unit = fc.constantFrom(
      '申',
      '请',
      ' ',
      '　',
      '（',
      'Ａ',
      '１',
      '㎏',
      '…',
      '𠀀',
      '\ud800',
      'a',
      '·',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), fc.nat(30), (units, upTo) => {
        const text = `前${units.join('')}后`;
        const end = text.length - 1;
        const all = Array.from(foldOffsets(text, 1, end));
        const some = foldedOffsets(text, 1, end, upTo);
        // At least the first upTo + 1 (a unit folding to several may add a few more), all right.
        const n = Math.min(all.length, upTo + 1);
        expect(some.length).toBeGreaterThanOrEqual(n);
        expect(some).toEqual(all.slice(0, some.length));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('NoLabel', () => {
  // Two copies of the real template: one reads every text afresh, the other
  // has first read everything (its memo of texts matching no label is full).
  const compile = () =>
    compilePack(builtinPacks.flatMap((p) => p.files)).pack?.templates.find(
      (t) => t.id === 'gov-2021',
    );
  const fresh = compile;
  const warm = compile();
  const texts = ['000', '001', '002', '003', '004'].map(seedText);
  texts.push(corpusText('pingtan-2022-flattened.txt'));

  it('skipping text known to match no label reads every report as reading it afresh', () => {
    if (!warm) throw new Error('no template');
    for (const t of texts) readReport(t, warm, { uri: 'warm.txt' });
    const lines = texts.map((t) => t.split('\n'));
    fc.assert(
      fc.property(
        fc.nat(lines.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'copy', 'cut')), {
          maxLength: 4,
        }),
        (which, edits) => {
          const ls = [...(lines[which] as string[])];
          for (const [a, b, how] of edits) {
            const i = a % ls.length;
            const line = ls[i] as string;
            if (how === 'drop') ls.splice(i, 1);
            else if (how === 'copy') ls.splice(b % ls.length, 0, line);
            else ls[i] = line.slice(0, b % (line.length + 1));
          }
          const text = ls.join('\n');
          const template = fresh();
          if (!template) throw new Error('no template');
          const a = readReport(text, template, { uri: 'a.txt' });
          const b = readReport(text, warm, { uri: 'a.txt' });
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
      { numRuns: 60 },
    );
  });
});
