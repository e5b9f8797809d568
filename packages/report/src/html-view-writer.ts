/**
 * The HTML view being written: its UTF-16 units, each unit's span in the
 * page, and its lines. The units go to a typed array and are decoded once
 * at the end: joining a string part per text run and per TAB costs a few
 * times more. A lone surrogate, which UTF-16 decoding would replace, is
 * kept by the slower exact path.
 */
import { unitsToString } from '@govlint/text';
import type { View } from './html-view.js';

export const TAB = 9;
export const LF = 10;
export const CR = 13;

/** The view being written: its units, each one's source span, and its lines. */
export class ViewWriter {
  units: Uint16Array;
  offsets: Int32Array;
  ends: Int32Array;
  n = 0;
  /** The view's last character (a line end before anything is written). */
  last = LF;
  readonly starts: number[] = [0];
  readonly lineEnds: number[] = [];
  /** Where the last CR was written: an LF right after it ends no second line. */
  private cr = -2;
  /** A surrogate was written: the text is made by the exact path. */
  private surrogate = false;

  constructor(size: number) {
    this.units = new Uint16Array(size);
    this.offsets = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  private reserve(extra: number): void {
    if (this.n + extra + 1 <= this.offsets.length) return;
    const size = (this.n + extra + 1) * 2;
    const units = new Uint16Array(size);
    units.set(this.units.subarray(0, this.n));
    this.units = units;
    const starts = new Int32Array(size);
    starts.set(this.offsets.subarray(0, this.n));
    this.offsets = starts;
    const ends = new Int32Array(size);
    ends.set(this.ends.subarray(0, this.n));
    this.ends = ends;
  }

  /** One character standing for the source at `at` (a TAB, a line end, a space). */
  mark(c: number, at: number): void {
    this.reserve(1);
    this.units[this.n] = c;
    this.offsets[this.n] = at;
    this.ends[this.n] = at;
    if (c === LF) this.line(c, this.n);
    this.n++;
    this.last = c;
  }

  /**
   * Source text `s[from, to)`: one-to-one with `[start, …)`, or all of it
   * standing for `[start, end)` (a decoded entity). In a cell, TAB and line
   * ends are only wrapping and become spaces.
   */
  text(
    s: string,
    from: number,
    to: number,
    start: number,
    oneToOne: boolean,
    end: number,
    inCell: boolean,
  ): void {
    const length = to - from;
    if (length <= 0) return;
    this.reserve(length);
    const { units, offsets, ends } = this;
    const n = this.n;
    let c = 0;
    for (let i = 0; i < length; i++) {
      c = s.charCodeAt(from + i);
      offsets[n + i] = oneToOne ? start + i : start;
      ends[n + i] = oneToOne ? start + i + 1 : end;
      // Only a control character can be a TAB or a line end (most are ideographs).
      if (c <= CR && (c === TAB || c === LF || c === CR)) {
        if (inCell) c = 32;
        else if (c !== TAB) this.line(c, n + i);
      } else if (c >= 0xd800 && c <= 0xdfff) this.surrogate = true;
      units[n + i] = c;
    }
    this.n = n + length;
    this.last = c;
  }

  /** A line end at view offset `at`, with `splitLines`' rules (CRLF, LF, lone CR). */
  private line(c: number, at: number): void {
    if (c === LF && this.cr === at - 1) {
      this.starts[this.starts.length - 1] = at + 1;
      return;
    }
    if (c === CR) this.cr = at;
    this.lineEnds.push(at);
    this.starts.push(at + 1);
  }

  finish(sourceLength: number): View {
    this.reserve(0);
    this.offsets[this.n] = sourceLength;
    this.ends[this.n] = sourceLength;
    this.lineEnds.push(this.n);
    return {
      text: unitsToString(this.units, this.n, this.surrogate),
      offsets: this.offsets.subarray(0, this.n + 1),
      ends: this.ends.subarray(0, this.n + 1),
      lines: { starts: this.starts, ends: this.lineEnds },
    };
  }
}
