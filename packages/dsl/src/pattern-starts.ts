/**
 * Every position of a text where a match can start, in one pass backwards
 * over the text: O(text × program), however many matches there are.
 *
 * The forward scan (pattern-scan.ts) is usually cheaper, since it skips the
 * stretches where no match can begin, but each of its scans may look past
 * the match it reports to rule out earlier starts, and the next scan looks
 * there again: `("甲" gap 0..200 "乙" | "丙")` over 甲丙甲丙… would cost
 * 200 positions per match. pattern.ts switches to this pass when the scans
 * have swept more than a few times the text.
 */
import { isDigit, type Program } from './pattern-program.js';
import type { MatchStats } from './pattern-scan.js';
import { Op, tablesOf } from './pattern-tables.js';

const { AFTER, BEFORE, CHAR, DIGIT, GAP, JMP, MATCH, OTHER, SPLIT } = Op;

/**
 * `starts[p - from]` is 1 when a match of `program` begins at position p of
 * `text` (p from `from` to the end). ok[pc] at position p: the program run
 * from instruction pc at p can reach `match`. It depends on ok at p for later
 * instructions (jumps go forward), and on ok at p + 1 (consuming ones, which
 * are also the only targets of backward jumps, a number's loops).
 */
export function matchStarts(
  program: Program,
  text: string,
  from: number,
  stats: MatchStats,
): Uint8Array {
  const { op, x, y, consumers } = tablesOf(program);
  const size = op.length;
  const starts = new Uint8Array(text.length - from + 1);
  let ok = new Uint8Array(size);
  let okNext = new Uint8Array(size); // at p + 1
  // Per gap: ok of the instruction after it at the last max + 2 positions (a
  // ring), and how many of them are set in its window [p + min, p + max].
  const gaps = [...op.keys()].filter((pc) => op[pc] === GAP);
  const rings = gaps.map((pc) => new Uint8Array(2 ** Math.ceil(Math.log2(y[pc]! + 2))));
  const counts = new Int32Array(gaps.length);
  for (let p = text.length; p >= from; p--) {
    const c = text.charCodeAt(p); // NaN at the end
    for (let k = 0; k < consumers.length; k++) {
      const pc = consumers[k]!;
      const o = op[pc]!;
      const takes = o === CHAR ? x[pc] === c : o === DIGIT ? isDigit(c) : p < text.length;
      ok[pc] = takes ? okNext[pc + 1]! : 0;
    }
    for (let pc = size - 1, g = gaps.length - 1; pc >= 0; pc--) {
      const o = op[pc]!;
      if (o === MATCH) ok[pc] = 1;
      else if (o === JMP) ok[pc] = ok[x[pc]!]!;
      else if (o === SPLIT) ok[pc] = ok[x[pc]!]! | ok[y[pc]!]!;
      else if (o === OTHER) ok[pc] = ok[pc + 1]!;
      else if (o === BEFORE || o === AFTER)
        ok[pc] = isDigit(text.charCodeAt(o === BEFORE ? p - 1 : p)) ? 0 : ok[pc + 1]!;
      else if (o === GAP) {
        const ring = rings[g]!;
        const mask = ring.length - 1;
        ring[p & mask] = ok[pc + 1]!;
        const [min, max] = [x[pc]!, y[pc]!];
        if (p + min <= text.length) counts[g]! += ring[(p + min) & mask]!;
        if (p + max + 1 <= text.length) counts[g]! -= ring[(p + max + 1) & mask]!;
        ok[pc] = counts[g]! > 0 ? 1 : 0;
        g--;
      }
    }
    starts[p - from] = ok[0]!;
    [ok, okNext] = [okNext, ok];
  }
  stats.steps += (text.length - from + 1) * size;
  return starts;
}
