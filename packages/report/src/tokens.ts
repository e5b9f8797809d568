/**
 * The layout-agnostic token stream of a table region (spec §8.3): label-ish
 * text spans, numbers, non-numeric cell markers and empty cells, each with
 * its source range. TAB, `|`, line ends and runs of two or more spaces are
 * delimiters; `|---|` and bare `|||` lines are skipped. Every layout (one
 * cell per line, one row per line, pipes, Markdown, HTML rendered to text,
 * flattened text) comes out as the same kind of stream.
 */

import { type Lines, lineOf, splitLines } from './lines.js';

export type TokenKind = 'text' | 'number' | 'non-numeric' | 'empty';

/**
 * A class, not object literals: one shape for every kind. A number's value
 * is read from its code units as it is tokenized; its ASCII digits, needed
 * only to cut glued digits (segment.ts), are made when first asked for.
 */
export class Token {
  private digitsMade: string | null = null;

  constructor(
    private readonly text: string,
    readonly kind: TokenKind,
    readonly start: number,
    readonly end: number,
    /** 0-based line of the token's start. */
    readonly line: number,
    /** The token is the whole content of its cell (field). */
    public alone: boolean,
    /** Index of its field (cell) on the line: aligns values with header labels. */
    public field: number,
    /** Numbers: the value, `Number(digits)`; 0 for the other kinds. */
    readonly value: number,
    /** Numbers: text touches the number with no separator on the left / right. */
    readonly gluedLeft: boolean,
    readonly gluedRight: boolean,
  ) {}

  /** Numbers: digits as ASCII, thousands separators removed (`58.94`, `-3`); '' for the other kinds. */
  get digits(): string {
    if (this.digitsMade === null)
      this.digitsMade = this.kind === 'number' ? digitsOf(this.text, this.start, this.end) : '';
    return this.digitsMade;
  }
}

/** Cells meaning "nothing here": read as 0 with a cell-non-numeric notice. */
const NON_NUMERIC = new Set(['-', '—', '–', '－', '/', '／', '无', '——', '--', '\\', '×']);
const NON_NUMERIC_FIRST = new Set([...NON_NUMERIC].map((m) => m.charCodeAt(0)));

/**
 * Character classes, one table lookup per code unit: the tokenizer looks at
 * every character of every table, and most of them (ideographs) are in no
 * class at all.
 */
const SPACE = 1;
/** Decoration that never separates a label: Markdown emphasis and headings. */
const IGNORABLE = 2;
const DELIMITER = 4;
const DIGIT = 8;
/** `-` and `－`: a negative number's sign. */
const MINUS = 16;
const CLASS = new Uint8Array(0x10000);
for (const c of [32, 0xa0, 0x3000, 0xfeff, 11, 12]) CLASS[c] = SPACE;
for (let c = 0x2000; c <= 0x200b; c++) CLASS[c] = SPACE;
for (const c of [42 /* * */, 35 /* # */, 96 /* ` */]) CLASS[c] = IGNORABLE;
for (const c of [9, 124 /* | */, 0xff5c /* ｜ */]) CLASS[c] = DELIMITER;
for (let d = 0; d < 10; d++) CLASS[48 + d] = CLASS[0xff10 + d] = DIGIT;
CLASS[45] = CLASS[0xff0d] = MINUS;

const isSpace = (c: number): boolean => CLASS[c] === SPACE;
const isDelimiter = (c: number): boolean => CLASS[c] === DELIMITER;
const isDigit = (c: number): boolean => CLASS[c] === DIGIT;
const isSpaceOrIgnorable = (c: number): boolean =>
  ((CLASS[c] as number) & (SPACE | IGNORABLE)) !== 0;
const isPoint = (c: number): boolean => c === 46 || c === 0xff0e;
const isComma = (c: number): boolean => c === 44 || c === 0xff0c;
const isNumberingMark = (c: number): boolean =>
  c === 46 || c === 0xff0e || c === 0x3001; /* . ． 、 */
const asciiDigit = (c: number): string => String.fromCharCode(c >= 0xff10 ? c - 0xff10 + 48 : c);

/** A line that only draws a table: `|---|:--|`, `|||`, `+----+`. */
function isRuleLine(text: string, start: number, end: number): boolean {
  let pipes = 0;
  let dashes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 124 || c === 0xff5c) pipes++;
    else if (c === 45 || c === 61 || c === 43) dashes++;
    else if (!(c === 58 || c === 9 || isSpace(c))) return false;
  }
  return pipes > 0 || dashes >= 3;
}

/**
 * A line holding only an HTML comment, such as a govlint directive
 * (`<!-- govlint-disable-next-line … -->`) a user put between the cells of a
 * one-cell-per-line table: it is not a cell and must not end the row.
 */
function isCommentLine(text: string, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return e - s >= 7 && text.startsWith('<!--', s) && text.startsWith('-->', e - 3);
}

/**
 * Tokenize `text[start, end)`. The line bounds come from the reader's line
 * index (found once for the whole text), not searched again per region.
 */
export function tokenize(
  text: string,
  start: number,
  end: number,
  lines: Lines = splitLines(text),
): Token[] {
  const tokens: Token[] = [];
  const fields = new FieldTokenizer(text, tokens);
  const starts = lines.starts;
  const ends = lines.ends;
  for (let n = lineOf(lines, start); n < starts.length; n++) {
    const ls = Math.max(start, starts[n] as number);
    if (ls > end) break;
    const le = Math.min(end, ends[n] as number);
    if (!isRuleLine(text, ls, le) && !isCommentLine(text, ls, le)) {
      tokenizeLine(text, ls, le, n, tokens, fields);
    }
  }
  return tokens;
}

function tokenizeLine(
  text: string,
  ls: number,
  le: number,
  line: number,
  out: Token[],
  fields: FieldTokenizer,
): void {
  // Fields between delimiters, walked one at a time (no array of bounds);
  // the last field is outside the cells when empty (a trailing TAB or `|`).
  let rawStart = ls;
  for (let f = 0; ; f++) {
    // The commonest field, a plain number, read in one walk (its bounds, its trim, its value).
    const numberEnd = plainNumberField(text, rawStart, le, line, f, out);
    if (numberEnd >= 0) {
      if (numberEnd >= le) return;
      rawStart = numberEnd + 1;
      continue;
    }
    let rawEnd = rawStart;
    while (rawEnd < le && !isDelimiter(text.charCodeAt(rawEnd))) rawEnd++;
    const last = rawEnd >= le;
    let s = rawStart;
    let e = rawEnd;
    while (s < e && isSpaceOrIgnorable(text.charCodeAt(s))) s++;
    while (e > s && isSpaceOrIgnorable(text.charCodeAt(e - 1))) e--;
    if (s === e) {
      // An empty first field is a cell only in a TAB-separated row of three
      // fields or more (`⇥⇥0⇥0`), not before a `|` nor in one-cell-per-line text (`⇥0`).
      const cell = f > 0 || (text.charCodeAt(rawEnd) === 9 && hasDelimiter(text, rawEnd + 1, le));
      if (cell && !last) out.push(token(text, 'empty', rawStart, rawEnd, line, true, f));
    } else if (isDigitRun(text, s, e)) {
      // The commonest cell, a plain number, as the field tokenizer would read it.
      out.push(new Token(text, 'number', s, e, line, true, f, runValue(text, s, e), false, false));
    } else if (
      e - s <= 2 &&
      NON_NUMERIC_FIRST.has(text.charCodeAt(s)) &&
      NON_NUMERIC.has(text.slice(s, e))
    ) {
      out.push(token(text, 'non-numeric', s, e, line, true, f));
    } else {
      const first = out.length;
      fields.run(s, e, line);
      for (let i = first; i < out.length; i++) (out[i] as Token).field = f;
    }
    if (last) return;
    rawStart = rawEnd + 1;
  }
}

/**
 * A field at `rawStart` holding only digits (and spaces or decoration around
 * them): its number token is added, and the end of the field (its delimiter,
 * or the line's end) returned; -1 for any other field, untouched. The token
 * is the one the general path below would make: the same bounds and value.
 */
function plainNumberField(
  text: string,
  rawStart: number,
  le: number,
  line: number,
  field: number,
  out: Token[],
): number {
  let s = rawStart;
  while (s < le && isSpaceOrIgnorable(text.charCodeAt(s))) s++;
  let j = s;
  let value = 0;
  for (; j < le; j++) {
    const c = text.charCodeAt(j);
    if (!isDigit(c)) break;
    value = value * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  if (j === s) return -1;
  let e = j;
  while (e < le && isSpaceOrIgnorable(text.charCodeAt(e))) e++;
  if (e < le && !isDelimiter(text.charCodeAt(e))) return -1;
  if (j - s > 15) value = Number(digitsOf(text, s, j));
  out.push(new Token(text, 'number', s, j, line, true, field, value, false, false));
  return e;
}

/** Whether `text[start, end)` is digits only (ASCII or full-width). */
function isDigitRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

function hasDelimiter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isDelimiter(text.charCodeAt(i))) return true;
  return false;
}

function token(
  text: string,
  kind: TokenKind,
  start: number,
  end: number,
  line: number,
  alone: boolean,
  field = 0,
): Token {
  return new Token(text, kind, start, end, line, alone, field, 0, false, false);
}

/**
 * The value of a run of digits (ASCII or full-width), from its code units:
 * exact below 2^53, so up to 15 digits; longer runs as `Number` reads them.
 */
function runValue(text: string, start: number, end: number): number {
  if (end - start > 15) return Number(digitsOf(text, start, end));
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    v = v * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return v;
}

/** A number token's value: a plain run of digits read in place, anything else as `Number` reads its digits. */
function numberValue(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++)
    if (!isDigit(text.charCodeAt(i))) return Number(digitsOf(text, start, end));
  return runValue(text, start, end);
}

/**
 * Splits one field into text and number tokens; runs of 2+ spaces split
 * sub-fields. One object per region, reused for every field (rather than
 * closures made per field: it runs for every cell).
 */
class FieldTokenizer {
  /** Start of the text token being read, or -1. */
  private textStart = -1;
  /** Index in `out` of the current sub-field's first token. */
  private subFieldFirst = 0;
  private line = 0;

  constructor(
    private readonly text: string,
    private readonly out: Token[],
  ) {}

  run(s: number, e: number, line: number): void {
    this.textStart = -1;
    this.subFieldFirst = this.out.length;
    this.line = line;
    const text = this.text;
    let i = s;
    while (i < e) {
      const c = text.charCodeAt(i);
      const k = CLASS[c] as number;
      if ((k & (SPACE | DIGIT | MINUS)) === 0) {
        // Ordinary text (most of it): skip to the next character that may end it.
        if (this.textStart < 0) this.textStart = i;
        i++;
        while (i < e && ((CLASS[text.charCodeAt(i)] as number) & (SPACE | DIGIT | MINUS)) === 0)
          i++;
        continue;
      }
      if (k === SPACE) {
        let j = i;
        while (j < e && isSpace(text.charCodeAt(j))) j++;
        const next = j < e ? text.charCodeAt(j) : -1;
        if (j - i >= 2 || next < 0 || isDigit(next)) {
          this.closeText(i);
          if (j - i >= 2) this.closeSubField();
        }
        i = j;
        continue;
      }
      const negative =
        (c === 45 || c === 0xff0d) &&
        i + 1 < e &&
        isDigit(text.charCodeAt(i + 1)) &&
        (i === s || isSpace(text.charCodeAt(i - 1)));
      if (isDigit(c) || negative) {
        i = this.readNumber(i, e, s);
        if (i < 0) {
          // The digits were outline numbering: they start a text token.
          i = -i - 1;
          this.textStart = i;
          i = skipNumberingText(text, i, e);
        }
        continue;
      }
      if (this.textStart < 0) this.textStart = i;
      i++;
    }
    this.closeText(e);
    this.closeSubField();
  }

  private closeText(at: number): void {
    if (this.textStart >= 0) {
      let end = at;
      while (end > this.textStart && isSpace(this.text.charCodeAt(end - 1))) end--;
      this.out.push(token(this.text, 'text', this.textStart, end, this.line, false));
      this.textStart = -1;
    }
  }

  private closeSubField(): void {
    if (this.out.length - this.subFieldFirst === 1)
      (this.out[this.subFieldFirst] as Token).alone = true;
    this.subFieldFirst = this.out.length;
  }

  /**
   * Read a number at `i`. Digits followed by `.`/`、` and a label are outline
   * numbering (`1.属于…`); when they follow other digits with no separator
   * (flattened text: `00000002.<label>…`), only the last digit is numbering.
   * Returns the index after the number, or -(start of the numbering text) - 1
   * (never -0: a field can start at offset 0).
   */
  private readNumber(i: number, e: number, fieldStart: number): number {
    const text = this.text;
    const inText = this.textStart >= 0;
    const start = i;
    const negative = !isDigit(text.charCodeAt(i));
    if (negative) i++;
    let j = i;
    while (j < e && isDigit(text.charCodeAt(j))) j++;
    let plain = !negative;
    // Thousands separators: `29,588`.
    while (j + 3 < e + 1 && isComma(text.charCodeAt(j)) && isThreeDigits(text, j + 1, e)) {
      j += 4;
      plain = false;
    }
    if (j + 1 < e && isPoint(text.charCodeAt(j)) && isDigit(text.charCodeAt(j + 1))) {
      j++;
      while (j < e && isDigit(text.charCodeAt(j))) j++;
      plain = false;
    } else if (
      plain &&
      j < e &&
      isNumberingMark(text.charCodeAt(j)) &&
      startsLabel(text, j + 1, e)
    ) {
      const gluedLeft = inText || (start > fieldStart && !isSpace(text.charCodeAt(start - 1)));
      const numberingDigits = j - start <= 2 && !gluedLeft ? j - start : 1;
      const valueEnd = j - numberingDigits;
      if (valueEnd > start) {
        this.closeText(start);
        const value = numberValue(text, start, valueEnd);
        this.out.push(
          new Token(text, 'number', start, valueEnd, this.line, false, 0, value, gluedLeft, true),
        );
        return -valueEnd - 1;
      }
      // Numbering inside or at the start of a label: part of the text token.
      if (inText) return skipNumberingText(text, start, e);
      return -start - 1;
    }
    this.closeText(start);
    const before = start > fieldStart ? text.charCodeAt(start - 1) : -1;
    const after = j < e ? text.charCodeAt(j) : -1;
    const gluedLeft = before >= 0 && !isSpace(before);
    const gluedRight = after >= 0 && !isSpace(after);
    const value = numberValue(text, start, j);
    this.out.push(
      new Token(text, 'number', start, j, this.line, false, 0, value, gluedLeft, gluedRight),
    );
    return j;
  }
}

/** Past the numbering mark that follows numbering digits. */
function skipNumberingText(text: string, i: number, e: number): number {
  while (i < e && isDigit(text.charCodeAt(i))) i++;
  return i < e ? i + 1 : i;
}

/**
 * A number's digits as ASCII (`-`, digits, `.`; thousands separators
 * dropped). Most numbers are written in plain ASCII digits: their text is
 * the answer, with no string built one digit at a time.
 */
function digitsOf(text: string, start: number, end: number): string {
  let ascii = true;
  for (let k = start; k < end && ascii; k++) {
    const c = text.charCodeAt(k);
    ascii = (c >= 48 && c <= 57) || c === 45 || c === 46;
  }
  if (ascii) return text.slice(start, end);
  let digits = '';
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) digits += asciiDigit(c);
    else if (isPoint(c)) digits += '.';
    else if (!isComma(c)) digits += '-';
  }
  return digits;
}

function isThreeDigits(text: string, at: number, e: number): boolean {
  if (at + 3 > e) return false;
  for (let k = at; k < at + 3; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return at + 3 === e || !isDigit(text.charCodeAt(at + 3));
}

/** A label starts at `i` (after at most one space): not a digit, not a space. */
function startsLabel(text: string, i: number, e: number): boolean {
  if (i < e && isSpace(text.charCodeAt(i))) i++;
  if (i >= e) return false;
  const c = text.charCodeAt(i);
  return !isDigit(c) && !isSpace(c) && !isDelimiter(c);
}
