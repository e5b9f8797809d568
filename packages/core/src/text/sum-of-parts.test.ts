import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Count, countsIn, wordList } from './sum-of-parts.js';

/** countsIn as first written: a regular expression and slices of the sentence. */
function reference(
  text: string,
  sentence: { start: number; end: number },
  units: readonly string[],
  approximate: readonly string[],
): Count[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Count[] = [];
  for (const m of body.matchAll(/[0-9０-９]+(?:[.．][0-9０-９]+)?/gu)) {
    const at = m.index;
    let after = at + m[0].length;
    while (/\s/u.test(body[after] ?? '')) after++;
    const cue = approximate.find((a) => body.startsWith(a, after));
    if (cue) after += cue.length;
    while (/\s/u.test(body[after] ?? '')) after++;
    const unit = units.find((u) => body.startsWith(u, after));
    if (!unit) continue;
    const before = body.slice(Math.max(0, at - 2), at);
    const end = after + unit.length;
    const trailing = body.slice(end, end + 2);
    out.push({
      value: Number(m[0].normalize('NFKC')),
      unit,
      start: sentence.start + at,
      end: sentence.start + end,
      approximate:
        cue !== undefined || approximate.some((a) => before.endsWith(a) || trailing.startsWith(a)),
    });
  }
  return out;
}

describe('countsIn', () => {
  const entries = (words: string[]) => words.map((text) => ({ text }));
  const units = ['条', '件', '篇', '篇次', '人次', '人'];
  const cues = ['余', '多', '左右', '以上'];

  it('finds the counts the regular expression and slices find', () => {
    const text = fc
      .array(fc.constantFrom(...'12０９.．条件篇次人余多左右以上 \u3000，其中'), { maxLength: 40 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const start = Math.min(a, b) % (t.length + 1);
        const end = Math.max(start, Math.max(a, b) % (t.length + 1));
        const sentence = { start, end };
        expect(
          countsIn(t, sentence, wordList(entries(units), true), wordList(entries(cues), false)),
        ).toEqual(reference(t, sentence, ['篇次', '人次', '条', '件', '篇', '人'], cues));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads approximate and full-width figures', () => {
    const t = '受理２０．５件，办结200余条、约3 篇次';
    const found = countsIn(
      t,
      { start: 0, end: t.length },
      wordList(entries(units), true),
      wordList(entries(['余', '约']), false),
    );
    expect(found.map((c) => [c.value, c.unit, c.approximate])).toEqual([
      [20.5, '件', false],
      [200, '条', true],
      [3, '篇次', true],
    ]);
  });
});
