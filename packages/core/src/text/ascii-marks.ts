/**
 * Where a report has ASCII letters and the half-width marks ( ) : , ; < >,
 * found once per report for injected-spam (Latin runs) and
 * punctuation-halfwidth. A Chinese report has few of them: one native
 * search over the whole text skips the rest about three times faster than
 * a loop by code unit over each paragraph, and the checks then look only
 * at these positions.
 */
import type { TextContext } from './context.js';

export interface AsciiMarks {
  /** Positions of A–Z and a–z, ascending. */
  readonly letters: readonly number[];
  /** Positions of ( ) : , ; < >, ascending. */
  readonly marks: readonly number[];
}

const FOUND = /[A-Za-z():,;<>]/g;

const byContext = new WeakMap<TextContext, AsciiMarks>();

/** The report's letters and marks (searched on first use, once per context). */
export function asciiMarks(ctx: TextContext): AsciiMarks {
  let found = byContext.get(ctx);
  if (!found) byContext.set(ctx, (found = findAsciiMarks(ctx.text)));
  return found;
}

export function findAsciiMarks(text: string): AsciiMarks {
  const letters: number[] = [];
  const marks: number[] = [];
  FOUND.lastIndex = 0;
  // `test` builds no match; each hit is one code unit, just before lastIndex.
  while (FOUND.test(text)) {
    const at = FOUND.lastIndex - 1;
    if (isLetter(text.charCodeAt(at))) letters.push(at);
    else marks.push(at);
  }
  return { letters, marks };
}

export const isLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/** The index of the first position at or after `offset` (positions ascending). */
export function firstAtOrAfter(positions: readonly number[], offset: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
