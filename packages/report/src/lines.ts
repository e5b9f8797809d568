/** Line boundaries of the text being read (CRLF, LF and lone CR end a line). */
export interface Lines {
  /** Offset at which each line starts. */
  readonly starts: readonly number[];
  /** Offset just before each line's terminator. */
  readonly ends: readonly number[];
}

export function splitLines(text: string): Lines {
  const starts = [0];
  const ends: number[] = [];
  // Most texts end lines with LF only: the native search is many times faster than a loop.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      ends.push(i);
      starts.push(i + 1);
    }
    ends.push(text.length);
    return { starts, ends };
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

/** The 0-based line holding `offset` (binary search). */
export function lineOf(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines.starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const isBlankChar = (c: number): boolean =>
  c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);

/** The line without surrounding whitespace, as [start, end). */
export function trimmed(text: string, start: number, end: number): [number, number] {
  const s = trimStart(text, start, end);
  return [s, trimEnd(text, s, end)];
}

/** Where `text[start, end)` starts without its leading whitespace (no pair allocated, for hot loops). */
export function trimStart(text: string, start: number, end: number): number {
  while (start < end && isBlankChar(text.charCodeAt(start))) start++;
  return start;
}

/** Where `text[start, end)` ends without its trailing whitespace. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isBlankChar(text.charCodeAt(end - 1))) end--;
  return end;
}

export function isBlank(text: string, start: number, end: number): boolean {
  return trimStart(text, start, end) === end;
}
