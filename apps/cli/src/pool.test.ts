import { describe, expect, it } from 'vitest';
import { PARALLEL_THRESHOLD, workerCount } from './pool.js';

describe('workerCount', () => {
  const idle = { cores: 4, load: 0.2 };
  it('uses the idle cores besides the main thread and V8’s own, for large batches only', () => {
    expect(workerCount(PARALLEL_THRESHOLD - 1, undefined, idle)).toBe(0);
    expect(workerCount(1000, undefined, idle)).toBe(2);
    expect(workerCount(1000, undefined, { cores: 2, load: 0 })).toBe(0);
    expect(workerCount(1000, undefined, { cores: 16, load: 0 })).toBe(7);
  });

  it('starts no worker on busy cores', () => {
    expect(workerCount(1000, undefined, { cores: 2, load: 1.5 })).toBe(0);
    expect(workerCount(1000, undefined, { cores: 4, load: 3.6 })).toBe(0);
    expect(workerCount(1000, undefined, { cores: 6, load: 2.2 })).toBe(2);
  });

  it('obeys GOVLINT_WORKERS', () => {
    expect(workerCount(1000, '0', idle)).toBe(0);
    expect(workerCount(1000, '5', { cores: 2, load: 9 })).toBe(5);
    expect(workerCount(3, '5', idle)).toBe(3);
  });
});
