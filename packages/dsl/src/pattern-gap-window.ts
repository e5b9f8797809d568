/**
 * A gap's state in the scan (pattern-scan.ts): the positions where threads
 * entered it, in a sliding window, so that a gap is ONE state however wide
 * it is, and each entry costs O(1) in all.
 */

/** A start beyond every text: "no thread here". */
export const NONE = 0x7fffffff;

/** A fixed-capacity FIFO of (entry position, start) pairs. */
class Ring {
  private readonly entries: Int32Array;
  private readonly starts: Int32Array;
  /** Capacity - 1, the capacity a power of two: indices wrap with a mask. */
  private readonly mask: number;
  private head = 0;
  length = 0;

  constructor(atLeast: number) {
    const capacity = 2 ** Math.ceil(Math.log2(atLeast));
    this.entries = new Int32Array(capacity);
    this.starts = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  private at(k: number): number {
    return (this.head + k) & this.mask;
  }
  frontEntry(): number {
    return this.entries[this.head]!;
  }
  frontStart(): number {
    return this.starts[this.head]!;
  }
  backStart(): number {
    return this.starts[this.at(this.length - 1)]!;
  }
  push(entry: number, start: number): void {
    const k = this.at(this.length++);
    this.entries[k] = entry;
    this.starts[k] = start;
  }
  shift(): void {
    this.head = (this.head + 1) & this.mask;
    this.length--;
  }
  popBack(): void {
    this.length--;
  }
  clear(): void {
    this.head = this.length = 0;
  }
}

/**
 * One gap's entries. `waiting` holds those fewer than `min` characters back;
 * `ready` those the gap may end after now, as a monotonic queue (starts
 * increase from front to back, so the front is the window's minimum: an
 * entry behind a later one with a smaller start can never be the minimum).
 */
export class GapWindow {
  private readonly waiting: Ring;
  private readonly ready: Ring;

  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    this.waiting = new Ring(max + 2);
    this.ready = new Ring(max + 2);
  }

  get live(): boolean {
    return this.waiting.length > 0 || this.ready.length > 0;
  }

  /** At most one entry per position: the caller passes the smallest start. */
  enter(pos: number, start: number): void {
    this.waiting.push(pos, start);
  }

  /**
   * The smallest start below `limit` among the entries the gap may end after
   * at `pos`. Entries at or above it (a match with that start is known) are
   * dropped as they come up: each entry is handled O(1) times in all.
   */
  exitAt(pos: number, limit: number): number {
    const { waiting, ready } = this;
    while (waiting.length > 0 && waiting.frontEntry() + this.min <= pos) {
      const start = waiting.frontStart();
      if (start < limit) {
        while (ready.length > 0 && ready.backStart() >= start) ready.popBack();
        ready.push(waiting.frontEntry(), start);
      }
      waiting.shift();
    }
    while (ready.length > 0 && ready.backStart() >= limit) ready.popBack();
    while (ready.length > 0 && ready.frontEntry() + this.max < pos) ready.shift();
    return ready.length > 0 ? ready.frontStart() : NONE;
  }

  clear(): void {
    this.waiting.clear();
    this.ready.clear();
  }
}
