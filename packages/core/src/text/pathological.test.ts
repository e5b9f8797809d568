/**
 * Patterns come from rules files, so a rules author can write the worst the
 * language allows: two gaps of 200 over a megabyte in which every position
 * can start a match. Matching must still finish (linear time, no
 * backtracking) and be right. Its speed is measured in bench/text.bench.mjs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../index.js';

const seed002 = readFileSync(
  new URL('../../../../../shared/seeds/002_84c7f691cd999dc0.txt', import.meta.url),
  'utf8',
);

const pathological = {
  id: 'pathological',
  files: [
    {
      uri: 'pathological.govlint',
      text: `template gov-2021
rule gap-twice {
  severity warning
  category narrative
  description "两个最长的 gap"
  message "“{match}”"
  text by sentence match "甲" gap 0..200 "乙" gap 0..200 "丙"
}`,
    },
  ],
};

describe('a pathological pattern over 1 MB', () => {
  const linter = createLinter({ extraPacks: [pathological] });

  it('compiles into the template', () => {
    expect(linter.packDiagnostics).toEqual([]);
    expect(linter.rules().some((r) => r.id === 'gap-twice')).toBe(true);
  });

  it('finishes, and finds the one leftmost match', () => {
    const megabyte = '甲'.repeat(1_000_000);
    const text = `${seed002}\n${megabyte}乙丙\n`;
    const result = linter.lint(text, { uri: 'big.txt' });
    const found = result.diagnostics.filter((d) => d.ruleId === 'gap-twice');
    expect(found).toHaveLength(1);
    // Leftmost start from which 乙 is within 200 characters; the gaps as short as possible.
    const matched = text.slice(found[0]!.range.start, found[0]!.range.end);
    expect(matched).toBe(`${'甲'.repeat(201)}乙丙`);
    // The real rules ran over the same megabyte too.
    expect(result.diagnostics.some((d) => d.ruleId === 'narrative-no-review')).toBe(true);
  }, 120_000);
});
