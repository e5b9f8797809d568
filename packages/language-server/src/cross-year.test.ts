import { readFileSync } from 'node:fs';
import { createLinter } from '@govlint/core';
import { LineIndex } from '@govlint/text';
import { describe, expect, it } from 'vitest';
import { CrossYearTracker } from './cross-year.js';
import { type LintSnapshot, LintStore } from './lint-state.js';

const seed003 = readFileSync(
  new URL('../../../../shared/seeds/003_10e3baeb14b029d4.txt', import.meta.url),
  'utf8',
);
const linter = createLinter();
const CARRIED_ON = '| 四、结转下年度继续办理 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |';

/** Seed 003 as last year's report, `n` applications carried on. */
const lastYear = (n: number) =>
  seed003
    .replace('红旗区市场监督管理局 2023 年', '红旗区市场监督管理局 2022 年')
    .replace(CARRIED_ON, `| 四、结转下年度继续办理 | | ${n} | 0 | 0 | 0 | 0 | 0 | ${n} | |`);

function snapshot(uri: string, text: string, version = 1): LintSnapshot {
  const result = linter.lint(text, { uri });
  return { uri, version, text, index: new LineIndex(text), result };
}

const carried = (p: { diagnostics: { code?: unknown }[] } | undefined) =>
  (p?.diagnostics ?? []).filter((d) => d.code === 't3-carry-forward').length;

describe('cross-year rules among open reports', () => {
  it('adds them to this year’s report, and republishes it when last year’s changes', () => {
    const store = new LintStore();
    const tracker = new CrossYearTracker();
    const noConfig = () => undefined;
    store.set(snapshot('file:///2023.txt', seed003));
    const alone = tracker.update(store, 'file:///2023.txt', noConfig);
    expect(alone.map((p) => p.snapshot.uri)).toEqual(['file:///2023.txt']);
    expect(carried(alone[0])).toBe(0);

    store.set(snapshot('file:///2022.txt', lastYear(2)));
    const opened = tracker.update(store, 'file:///2022.txt', noConfig);
    const now = opened.find((p) => p.snapshot.uri === 'file:///2023.txt');
    expect(carried(now)).toBe(2);
    expect(carried(opened.find((p) => p.snapshot.uri === 'file:///2022.txt'))).toBe(0);

    // Last year's report edited to carry nothing on: this year's is published again, clean.
    store.set(snapshot('file:///2022.txt', lastYear(0), 2));
    const edited = tracker.update(store, 'file:///2022.txt', noConfig);
    expect(carried(edited.find((p) => p.snapshot.uri === 'file:///2023.txt'))).toBe(0);
    expect(edited.map((p) => p.snapshot.uri).sort()).toEqual([
      'file:///2022.txt',
      'file:///2023.txt',
    ]);

    // Nothing changed for this year's report: it is not published again.
    store.set(snapshot('file:///2022.txt', lastYear(0), 3));
    expect(tracker.update(store, 'file:///2022.txt', noConfig).map((p) => p.snapshot.uri)).toEqual([
      'file:///2022.txt',
    ]);
  });
});
