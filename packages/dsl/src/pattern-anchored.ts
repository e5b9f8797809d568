/**
 * Phase 2 of the matcher: the match that begins at a known start, with its
 * captures and note. A depth-first search in priority order (earlier
 * alternatives, shorter gaps, longer numbers first) whose first success is
 * the match a Pike VM would report; each (instruction, position) is explored
 * at most once, since a state reached again has already failed. A gap's
 * exits that were already explored are skipped by a union-find-style jump
 * table, so the cost is O(positions reached × program size), not × gap width,
 * and states are remembered from one match to the next (SearchMemo).
 */
import { isDigit, type Program } from './pattern-program.js';
import type { MatchStats } from './pattern-scan.js';

export interface Found {
  readonly slots: readonly number[];
  /** Index into Program.notes, or -1. */
  readonly note: number;
}

// Frames of the explicit stack (a number loop may run over a long text).
const TRY = 0; // explore (pc, pos)
const RESTORE_SLOT = 1; // undo a save on the way back: (slot, old value)
const RESTORE_NOTE = 2; // undo a note: (old note)
const GAP_EXITS = 3; // the remaining exits of a gap: (pc, next position, last position)

/**
 * What the search learnt about (instruction, position) states, kept from one
 * match to the next over the same text: a state explored once has failed
 * (or lies on the path of a match already reported, see `begin`), whatever
 * start led to it. Without this, a pattern like ("甲" gap 0..200 "乙" | "甲")
 * would rescan its gap from every one of a million matches.
 *
 * Rows are per position, in a ring indexed by position: positions before the
 * current start are never visited again, so their rows are reused. A row is
 * not cleared when reused: each claim of a row gets a new stamp, and a state
 * is marked with its row's stamp, so older marks simply stop counting.
 */
export class SearchMemo {
  private capacity = 0;
  /** The position each row holds, or -1. */
  private rowPos = new Int32Array(0);
  /** The stamp of the claim of its row that marked each state. */
  private seen = new Uint16Array(0);
  /** Each row's stamp, from `claims` (16 bits: a long search's rows stay twice a byte a state). */
  private rowStamp = new Uint16Array(0);
  private claims = 0;
  /** jumps[row * gaps + g] - 1: every exit of gap g from this position up to it is explored. */
  private jumps = new Int32Array(0);
  private origin = 0;
  /** The search's stack of 4-number frames, kept from one search to the next; `sp` its top. */
  frames = new Int32Array(256);
  sp = 0;
  private slotsKept: number[] = [];

  constructor(
    private readonly size: number,
    private readonly gaps: number,
  ) {}

  /**
   * Forgets everything, for a new text. The rows' memory is kept for the
   * next text, unless a long search made it large.
   */
  reset(): void {
    this.origin = 0;
    if (this.frames.length > 0x10000) this.frames = new Int32Array(256);
    if (this.capacity > 4096) {
      this.capacity = 0;
      [this.rowPos, this.seen, this.rowStamp, this.jumps] = [
        new Int32Array(0),
        new Uint16Array(0),
        new Uint16Array(0),
        new Int32Array(0),
      ];
    } else this.rowPos.fill(-1);
  }

  push(kind: number, a: number, b: number, c = 0): void {
    if (this.sp + 4 > this.frames.length) {
      const frames = new Int32Array(2 * this.frames.length);
      frames.set(this.frames);
      this.frames = frames;
    }
    const { frames, sp } = this;
    frames[sp] = kind;
    frames[sp + 1] = a;
    frames[sp + 2] = b;
    frames[sp + 3] = c;
    this.sp = sp + 4;
  }

  /** The search's capture slots, all -1 (kept: most searches fail and return none). */
  slots(n: number): number[] {
    if (this.slotsKept.length !== n) this.slotsKept = new Array<number>(n);
    return this.slotsKept.fill(-1);
  }

  /**
   * Starts a search at `start`: rows before it are free. The previous match
   * may have ended at `start`, and its states there succeeded rather than
   * failed, so that row is forgotten too.
   */
  begin(start: number): void {
    this.origin = start;
    const row = start & (this.capacity - 1);
    if (this.capacity > 0 && this.rowPos[row] === start) this.rowPos[row] = -1;
  }

  /** Marks (pc, pos); false if it was already marked. */
  visit(pc: number, pos: number): boolean {
    const row = this.row(pos);
    const k = row * this.size + pc;
    const stamp = this.rowStamp[row]!;
    if (this.seen[k] === stamp) return false;
    this.seen[k] = stamp;
    return true;
  }

  /** The first position in [p, last] where gap `g` (at `pc`) has an unexplored exit, or last + 1. */
  nextExit(g: number, pc: number, p: number, last: number): number {
    let q = p;
    while (q <= last && this.seenAt(pc + 1, q)) q = Math.max(this.jumpAt(g, q), q + 1);
    // Path compression: every position passed over now jumps straight to q.
    for (let r = p; r < q && r <= last;) {
      const old = this.jumpAt(g, r);
      this.jumps[this.row(r) * this.gaps + g] = q + 1;
      r = Math.max(old, r + 1);
    }
    return q;
  }

  private seenAt(pc: number, pos: number): boolean {
    const row = pos & (this.capacity - 1);
    return (
      this.capacity > 0 &&
      this.rowPos[row] === pos &&
      this.seen[row * this.size + pc] === this.rowStamp[row]
    );
  }

  private jumpAt(g: number, pos: number): number {
    const row = pos & (this.capacity - 1);
    if (this.capacity === 0 || this.rowPos[row] !== pos) return -1;
    return this.jumps[row * this.gaps + g]! - 1;
  }

  /** The row of `pos`, claimed (and cleared) if it held a dead position. */
  private row(pos: number): number {
    for (;;) {
      const row = pos & (this.capacity - 1);
      if (this.capacity > 0) {
        const held = this.rowPos[row]!;
        if (held === pos) return row;
        if (held < this.origin) {
          this.rowPos[row] = pos;
          if (this.claims === 0xffff) {
            // Stamps run out every 65535 claims: forget every mark (a memo may forget).
            this.seen.fill(0);
            this.rowStamp.fill(0);
            this.claims = 0;
          }
          this.rowStamp[row] = ++this.claims;
          // A loop, not fill(): a program has few gaps, and this runs once per position.
          for (let k = row * this.gaps; k < (row + 1) * this.gaps; k++) this.jumps[k] = 0;
          return row;
        }
      }
      this.grow();
    }
  }

  /** Doubles the ring, moving the live rows (distinct modulo the old size, so modulo the new). */
  private grow(): void {
    const capacity = Math.max(64, this.capacity * 2);
    const rowPos = new Int32Array(capacity).fill(-1);
    const seen = new Uint16Array(capacity * this.size);
    const rowStamp = new Uint16Array(capacity);
    const jumps = new Int32Array(capacity * this.gaps);
    for (let old = 0; old < this.capacity; old++) {
      const pos = this.rowPos[old]!;
      if (pos < this.origin) continue;
      const row = pos & (capacity - 1);
      rowPos[row] = pos;
      rowStamp[row] = this.rowStamp[old]!;
      seen.set(this.seen.subarray(old * this.size, (old + 1) * this.size), row * this.size);
      jumps.set(this.jumps.subarray(old * this.gaps, (old + 1) * this.gaps), row * this.gaps);
    }
    [this.capacity, this.rowPos, this.seen, this.rowStamp, this.jumps] = [
      capacity,
      rowPos,
      seen,
      rowStamp,
      jumps,
    ];
  }
}

/**
 * The highest-priority match of `program` in `text` beginning at `start`, if
 * any. The text is read between `lo` and `hi` only, as if it were
 * text.slice(lo, hi): a caller matching inside a sentence of a longer text
 * need not cut it out.
 */
export function matchAt(
  program: Program,
  text: string,
  start: number,
  visited: SearchMemo,
  stats?: MatchStats,
  lo = 0,
  hi = text.length,
): Found | undefined {
  const { insts } = program;
  visited.begin(start);
  const slots = visited.slots(2 + 2 * program.captures.length);
  let note = -1;
  visited.sp = 0;
  visited.push(TRY, 0, start, 0);
  let steps = 0;
  try {
    while (visited.sp > 0) {
      const sp = (visited.sp -= 4);
      const frames = visited.frames;
      const kind = frames[sp]!;
      const a = frames[sp + 1]!;
      const b = frames[sp + 2]!;
      const c = frames[sp + 3]!;
      steps++;
      if (kind === RESTORE_SLOT) {
        slots[a] = b;
        continue;
      }
      if (kind === RESTORE_NOTE) {
        note = a;
        continue;
      }
      if (kind === GAP_EXITS) {
        const exit = visited.nextExit((insts[a] as { index: number }).index, a, b, c);
        if (exit > c) continue;
        // The shortest remaining gap first; the longer ones after it fails.
        visited.push(GAP_EXITS, a, exit + 1, c);
        visited.push(TRY, a + 1, exit);
        continue;
      }
      const pc = a;
      const pos = b;
      if (!visited.visit(pc, pos)) continue;
      const inst = insts[pc]!;
      const ch = pos < hi ? text.charCodeAt(pos) : NaN; // NaN at the end of the text
      switch (inst.op) {
        case 'char':
          if (ch === inst.c) visited.push(TRY, pc + 1, pos + 1);
          break;
        case 'any':
          if (pos < hi) visited.push(TRY, pc + 1, pos + 1);
          break;
        case 'digit':
          if (isDigit(ch)) visited.push(TRY, pc + 1, pos + 1);
          break;
        case 'jmp':
          visited.push(TRY, inst.x, pos);
          break;
        case 'split':
          visited.push(TRY, inst.y, pos);
          visited.push(TRY, inst.x, pos);
          break;
        case 'save':
          visited.push(RESTORE_SLOT, inst.slot, slots[inst.slot]!);
          slots[inst.slot] = pos;
          visited.push(TRY, pc + 1, pos);
          break;
        case 'note':
          visited.push(RESTORE_NOTE, note, 0);
          note = inst.index;
          visited.push(TRY, pc + 1, pos);
          break;
        case 'boundary': {
          const at = inst.side === 'before' ? pos - 1 : pos;
          if (at < lo || at >= hi || !isDigit(text.charCodeAt(at))) visited.push(TRY, pc + 1, pos);
          break;
        }
        case 'gap':
          if (pos + inst.min <= hi)
            visited.push(GAP_EXITS, pc, pos + inst.min, Math.min(pos + inst.max, hi));
          break;
        case 'match':
          return { slots: slots.slice(), note };
      }
    }
    return undefined;
  } finally {
    if (stats) stats.steps += steps;
  }
}
