/**
 * Where a report has ASCII letters, for injected-spam's Latin runs. A Chinese report has few: one native search
 * over the whole text skips the rest several times faster than a loop by
 * code unit over each paragraph, and it stops once per run of letters,
 * not per letter.
 */
/** The maximal runs of A–Z and a–z: run k is [starts[k], ends[k]), in text order. */
export interface LetterRuns {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const LETTERS = /[A-Za-z]+/g;

export function findLetterRuns(text: string): LetterRuns {
  const starts: number[] = [];
  const ends: number[] = [];
  LETTERS.lastIndex = 0;
  // `test` builds no match: the run is found again from its end.
  while (LETTERS.test(text)) {
    const end = LETTERS.lastIndex;
    let start = end - 1;
    while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
    starts.push(start);
    ends.push(end);
  }
  return { starts, ends };
}

export const isLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/** The index of the first position above `offset` (positions ascending). */
export function firstAbove(positions: readonly number[], offset: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
