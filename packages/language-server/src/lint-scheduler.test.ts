import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LintScheduler } from './lint-scheduler.js';

describe('LintScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, for the last of a burst of edits', () => {
    const runs: string[] = [];
    const scheduler = new LintScheduler(30, (uri) => runs.push(uri));
    for (let i = 0; i < 5; i++) {
      scheduler.schedule('file:///a.txt');
      vi.advanceTimersByTime(10);
    }
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(30);
    expect(runs).toEqual(['file:///a.txt']);
  });

  it('keeps documents apart and can cancel one', () => {
    const runs: string[] = [];
    const scheduler = new LintScheduler(30, (uri) => runs.push(uri));
    scheduler.schedule('a');
    scheduler.schedule('b', 0);
    scheduler.cancel('a');
    vi.advanceTimersByTime(100);
    expect(runs).toEqual(['b']);
    expect(scheduler.pending('a')).toBe(false);
  });

  it('dispose stops every waiting run', () => {
    const runs: string[] = [];
    const scheduler = new LintScheduler(30, (uri) => runs.push(uri));
    scheduler.schedule('a');
    scheduler.dispose();
    vi.advanceTimersByTime(100);
    expect(runs).toEqual([]);
  });
});
