/**
 * Phase 1 of the matcher: where does the next match start? Recognition only,
 * no captures, no priorities: the automaton runs over the program with each
 * gap as ONE state, and every state keeps only the smallest start that
 * reaches it (the leftmost start is the one the matcher reports). A gap keeps
 * the positions where it was entered in a sliding window (pattern-gap-window.ts),
 * so a position costs at most O(program size) however wide the gaps are:
 * O(text × program) in all. In practice a position costs the few states live
 * there: the scan visits only those, and follows no thread that needs another
 * character than the text's next one.
 */
import { isDigit, type Program } from './pattern-program.js';
import { GapWindow, NONE } from './pattern-gap-window.js';
import { ANY_CHAR, inSet, Op, type Tables, tablesOf } from './pattern-tables.js';

const { BEFORE, CHAR, DIGIT, GAP, JMP, MATCH, OTHER, SPLIT } = Op;

/** Counts the matcher's work, for tests that check it stays linear. */
export interface MatchStats {
  steps: number;
}

/** A scan's work: its steps, and the positions it swept (each costing O(program)). */
export interface ScanWork extends MatchStats {
  positions: number;
}

/** A scan's scratch state, reused by every scan of the program. */
interface Scratch {
  readonly tables: Tables;
  readonly windows: readonly (GapWindow | undefined)[];
  readonly gapWindows: readonly GapWindow[];
  readonly gapPcs: Int32Array;
  /** Two rows of `reach` (below), NONE everywhere between scans. */
  readonly rows: readonly [Int32Array, Int32Array];
  /** For each row, the pcs set in it: clearing a row costs its live states only. */
  readonly touched: readonly [Int32Array, Int32Array];
  /** A bitset of the zero-width pcs the current position has still to visit. */
  readonly pending: Int32Array;
  /** The one character every match begins with, if so, for indexOf; else ''. */
  readonly firstChar: string;
}

const scratches = new WeakMap<Program, Scratch>();

function scratchOf(program: Program): Scratch {
  const cached = scratches.get(program);
  if (cached) return cached;
  const tables = tablesOf(program);
  const { op, x, y } = tables;
  const size = op.length;
  const windows = [...op].map((o, pc) => (o === GAP ? new GapWindow(x[pc]!, y[pc]!) : undefined));
  const scratch: Scratch = {
    tables,
    windows,
    gapWindows: windows.filter((w): w is GapWindow => w !== undefined),
    gapPcs: Int32Array.from([...op.keys()].filter((pc) => op[pc] === GAP)),
    rows: [new Int32Array(size).fill(NONE), new Int32Array(size).fill(NONE)],
    touched: [new Int32Array(size), new Int32Array(size)],
    pending: new Int32Array((size + 31) >>> 5),
    firstChar: tables.first && tables.need[0]! >= 0 ? String.fromCharCode(tables.need[0]!) : '',
  };
  scratches.set(program, scratch);
  return scratch;
}

/** Every live gap goes on only with known characters (not a gap, not the match's end). */
function restrictedGaps(
  gapPcs: Int32Array,
  windows: readonly (GapWindow | undefined)[],
  follow: readonly (Int32Array | null)[],
): boolean {
  for (let g = 0; g < gapPcs.length; g++)
    if (windows[gapPcs[g]!]!.live && !follow[gapPcs[g]!]) return false;
  return true;
}

/** Whether `c` can start a match (`first`, null once a match is known) or go on from a live gap. */
function wanted(
  c: number,
  first: Int32Array | null,
  gapPcs: Int32Array,
  windows: readonly (GapWindow | undefined)[],
  follow: readonly (Int32Array | null)[],
): boolean {
  if (first && inSet(first, c)) return true;
  for (let g = 0; g < gapPcs.length; g++)
    if (windows[gapPcs[g]!]!.live && inSet(follow[gapPcs[g]!]!, c)) return true;
  return false;
}

/**
 * The smallest position ≥ `from` where a match of `program` in `text`
 * begins, or -1. Once a match is known, only states with a smaller start are
 * followed, and the scan stops when none is left. A position costs its live
 * states and gaps (plus a word of `pending` per 32 instructions), not the
 * program's size: most positions of a sentence hold a handful of states.
 */
export function leftmostStart(
  program: Program,
  text: string,
  from: number,
  work: ScanWork,
): number {
  const { tables, windows, gapWindows, gapPcs, rows, touched, pending, firstChar } =
    scratchOf(program);
  const { op, x, y, first, follow, need } = tables;
  const words = pending.length;
  for (const w of gapWindows) w.clear();
  // reach[pc]: the smallest start of a thread at pc at the current position;
  // reachSet lists the pcs where it is set, nextSet those of next.
  let reach = rows[0];
  let next = rows[1];
  let reachSet = touched[0];
  let nextSet = touched[1];
  let reachCount = 0;
  let nextCount = 0;
  let best = NONE;
  let live = false; // a consumer or a gap window holds a thread
  let consumerLive = false;
  let steps = 0;
  for (let pos = from; pos <= text.length; pos++) {
    if (best === NONE && !live && first) {
      if (firstChar) pos = text.indexOf(firstChar, pos);
      else while (pos < text.length && !inSet(first, text.charCodeAt(pos))) pos++;
      if (pos < 0 || pos >= text.length) break;
    } else if (
      live &&
      !consumerLive &&
      (best !== NONE || first) &&
      restrictedGaps(gapPcs, windows, follow)
    ) {
      // Only gaps wait: skip to a character that a gap's exit or a new start
      // can take (the windows catch up on the positions skipped).
      const skipFrom = pos;
      const starts = best === NONE ? first : null;
      while (pos < text.length && !wanted(text.charCodeAt(pos), starts, gapPcs, windows, follow))
        pos++;
      work.positions += pos - skipFrom;
      if (pos >= text.length) break;
    }
    // The character the threads at this position must take next (NaN at the
    // end): a thread that needs another one is not followed (need[pc]).
    const c = text.charCodeAt(pos);
    if (best === NONE && (!first || (pos < text.length && inSet(first, c)))) {
      reachSet[reachCount++] = 0; // nothing jumps back to pc 0: reach[0] is unset
      reach[0] = pos;
      pending[0]! |= 1;
    }
    for (let g = 0; g < gapPcs.length; g++) {
      const pc = gapPcs[g]!;
      if (windows[pc]!.live) pending[pc >>> 5]! |= 1 << (pc & 31);
    }
    work.positions++;
    // Zero-width steps, in program order: every jump goes forward except a
    // number's loop, whose target (a digit) only acts in the consuming steps.
    // A pc set during the pass is above the one setting it, so the ascending
    // walk over `pending` still visits it in this pass.
    for (let w = 0; w < words; w++) {
      for (let bits = pending[w]!; bits !== 0; bits = pending[w]!) {
        const low = bits & -bits;
        pending[w] = bits ^ low;
        const pc = (w << 5) | (31 - Math.clz32(low));
        const o = op[pc]!;
        const start = reach[pc]!;
        let to = -1;
        let via = start;
        if (o === GAP) {
          const window = windows[pc]!;
          if (start < best) window.enter(pos, start);
          if (!window.live) continue;
          steps++;
          to = pc + 1;
          via = window.exitAt(pos, best);
        } else if (start >= best) {
          continue;
        } else {
          steps++;
          if (o === JMP) to = x[pc]!;
          else if (o === SPLIT) {
            const t = x[pc]!;
            if (start < reach[t]! && (need[t] === ANY_CHAR || need[t] === c)) {
              if (reach[t] === NONE) reachSet[reachCount++] = t;
              reach[t] = start;
              if (op[t]! < CHAR) pending[t >>> 5]! |= 1 << (t & 31);
            }
            to = y[pc]!;
          } else if (o === MATCH) {
            // Later starts cannot win any more: they are dropped from now on.
            best = start;
          } else if (o === OTHER) to = pc + 1;
          else if (!isDigit(text.charCodeAt(o === BEFORE ? pos - 1 : pos))) to = pc + 1;
        }
        if (
          to >= 0 &&
          via < best &&
          via < reach[to]! &&
          (need[to] === ANY_CHAR || need[to] === c)
        ) {
          if (reach[to] === NONE) reachSet[reachCount++] = to;
          reach[to] = via;
          if (op[to]! < CHAR) pending[to >>> 5]! |= 1 << (to & 31);
        }
      }
    }
    // Consuming steps, into the next position; they read reach for the last
    // time, so they also clear it.
    consumerLive = false;
    const end = pos === text.length;
    const after = text.charCodeAt(pos + 1);
    for (let k = 0; k < reachCount; k++) {
      const pc = reachSet[k]!;
      const start = reach[pc]!;
      reach[pc] = NONE;
      const o = op[pc]!;
      if (o < CHAR || start >= best || end) continue;
      if (o === CHAR ? x[pc] !== c : o === DIGIT && !isDigit(c)) continue;
      steps++;
      const to = pc + 1;
      if (need[to] !== ANY_CHAR && need[to] !== after) continue;
      if (start < next[to]!) {
        if (next[to] === NONE) nextSet[nextCount++] = to;
        next[to] = start;
        if (op[to]! < CHAR) pending[to >>> 5]! |= 1 << (to & 31);
      }
      consumerLive = true;
    }
    live = consumerLive;
    if (!live) for (const w of gapWindows) live ||= w.live;
    const row = reach;
    reach = next;
    next = row;
    const set = reachSet;
    reachSet = nextSet;
    nextSet = set;
    reachCount = nextCount;
    nextCount = 0;
    if (best !== NONE && !live) break;
  }
  // Leave the scratch as the next scan expects it: no state, nothing pending.
  for (let k = 0; k < reachCount; k++) {
    const pc = reachSet[k]!;
    reach[pc] = NONE;
    pending[pc >>> 5] = 0;
  }
  work.steps += steps;
  return best === NONE ? -1 : best;
}
