/**
 * Phase 2 of the matcher: the match that begins at a known start, with its
 * captures and note. A depth-first search in priority order (earlier
 * alternatives, shorter gaps, longer numbers first) whose first success is
 * the match a Pike VM would report; each (instruction, position) is explored
 * at most once, since a state reached again has already failed. A gap's
 * exits that were already explored are skipped by a union-find-style jump
 * table, so the cost is O(positions reached × program size), not × gap width.
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

/** Per-position tables, relative to the start, grown on demand. */
class Visited {
  private capacity = 0;
  private seen = new Uint8Array(0);
  /** jump[g][p]: every exit of gap g in [p, jump) is already explored. */
  private jumps = new Int32Array(0);

  constructor(
    private readonly size: number,
    private readonly gaps: number,
    private readonly origin: number,
    private readonly limit: number,
  ) {}

  private ensure(pos: number): number {
    const rel = pos - this.origin;
    if (rel >= this.capacity) {
      const capacity = Math.min(Math.max(64, this.capacity * 2, rel + 1), this.limit + 1);
      const seen = new Uint8Array(capacity * this.size);
      seen.set(this.seen);
      const jumps = new Int32Array(capacity * this.gaps);
      jumps.set(this.jumps);
      [this.capacity, this.seen, this.jumps] = [capacity, seen, jumps];
    }
    return rel;
  }

  /** Marks (pc, pos); false if it was already marked. */
  visit(pc: number, pos: number): boolean {
    const k = this.ensure(pos) * this.size + pc;
    if (this.seen[k]) return false;
    this.seen[k] = 1;
    return true;
  }

  private seenAt(pc: number, pos: number): boolean {
    return this.seen[(pos - this.origin) * this.size + pc] === 1;
  }

  /** The first position in [p, last] where gap `g` (at `pc`) has an unexplored exit, or last + 1. */
  nextExit(g: number, pc: number, p: number, last: number): number {
    this.ensure(last);
    const jumpAt = (q: number): number => this.jumps[(q - this.origin) * this.gaps + g]! - 1;
    let q = p;
    while (q <= last && this.seenAt(pc + 1, q)) q = Math.max(jumpAt(q), q + 1);
    // Path compression: every position passed over now jumps straight to q.
    for (let r = p; r < q && r <= last;) {
      const old = jumpAt(r);
      this.jumps[(r - this.origin) * this.gaps + g] = q + 1;
      r = Math.max(old, r + 1);
    }
    return q;
  }
}

/** The highest-priority match of `program` in `text` beginning at `start`, if any. */
export function matchAt(
  program: Program,
  text: string,
  start: number,
  stats?: MatchStats,
): Found | undefined {
  const { insts } = program;
  const visited = new Visited(insts.length, program.gaps, start, text.length - start);
  const slots = new Array<number>(2 + 2 * program.captures.length).fill(-1);
  let note = -1;
  const stack: number[] = [TRY, 0, start, 0];
  const push = (kind: number, a: number, b: number, c = 0): void => {
    stack.push(kind, a, b, c);
  };
  let steps = 0;
  try {
    while (stack.length > 0) {
      const c = stack.pop()!;
      const b = stack.pop()!;
      const a = stack.pop()!;
      const kind = stack.pop()!;
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
        push(GAP_EXITS, a, exit + 1, c);
        push(TRY, a + 1, exit);
        continue;
      }
      const [pc, pos] = [a, b];
      if (!visited.visit(pc, pos)) continue;
      const inst = insts[pc]!;
      const ch = text.charCodeAt(pos); // NaN at the end of the text
      switch (inst.op) {
        case 'char':
          if (ch === inst.c) push(TRY, pc + 1, pos + 1);
          break;
        case 'any':
          if (pos < text.length) push(TRY, pc + 1, pos + 1);
          break;
        case 'digit':
          if (isDigit(ch)) push(TRY, pc + 1, pos + 1);
          break;
        case 'jmp':
          push(TRY, inst.x, pos);
          break;
        case 'split':
          push(TRY, inst.y, pos);
          push(TRY, inst.x, pos);
          break;
        case 'save':
          push(RESTORE_SLOT, inst.slot, slots[inst.slot]!);
          slots[inst.slot] = pos;
          push(TRY, pc + 1, pos);
          break;
        case 'note':
          push(RESTORE_NOTE, note, 0);
          note = inst.index;
          push(TRY, pc + 1, pos);
          break;
        case 'boundary':
          if (!isDigit(text.charCodeAt(inst.side === 'before' ? pos - 1 : pos)))
            push(TRY, pc + 1, pos);
          break;
        case 'gap':
          if (pos + inst.min <= text.length)
            push(GAP_EXITS, pc, pos + inst.min, Math.min(pos + inst.max, text.length));
          break;
        case 'match':
          return { slots: [...slots], note };
      }
    }
    return undefined;
  } finally {
    if (stats) stats.steps += steps;
  }
}
