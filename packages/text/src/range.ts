/**
 * A span of the decoded source text, as UTF-16 code-unit offsets (what a
 * JavaScript string index is). Every model and diagnostic keeps offsets; LSP
 * positions (0-based) and CLI positions (1-based) are derived from them by a
 * LineIndex, so the editor and the terminal can never disagree.
 */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A 0-based line and UTF-16 character, exactly as LSP wants it. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export function range(start: number, end: number): Range {
  return { start, end };
}

export function rangeUnion(a: Range, b: Range): Range {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
