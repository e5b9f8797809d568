/**
 * Outline numbering in folded labels: `一、`, `(三)`, `1.`, `2、`, `(1)`.
 * Reports often put the numbering in a cell of its own, drop it, or glue
 * it to the digits of the previous cell, so labels are also matched by
 * their body (the label without its numbering).
 */

const NUMBERING =
  /^(?:[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十百]+\)|[0-9]{1,3}[.、]|\([0-9]{1,3}\)|[0-9]{1,3}\)|[一二三四五六七八九十]+\))/u;

export interface Numbered {
  /** The numbering as folded, e.g. `(三)`; empty when there is none. */
  readonly numbering: string;
  readonly body: string;
}

/** What a numbering can start with: most labels start otherwise and need no regex. */
/**
 * What a numbering can start with (`一`…`十`, `百`, `(`, ASCII digits), by
 * code unit: it is asked of every text token, most of which start otherwise
 * and need no regex.
 */
function mayBeNumbered(folded: string): boolean {
  const c = folded.charCodeAt(0);
  if (c < 0x4e00) return c === 40 || (c >= 48 && c <= 57);
  return isNumeral(c, true);
}

export function splitNumbering(folded: string): Numbered {
  if (!mayBeNumbered(folded)) return { numbering: '', body: folded };
  const m = NUMBERING.exec(folded);
  if (!m) return { numbering: '', body: folded };
  return { numbering: m[0], body: folded.slice(m[0].length) };
}

/**
 * The whole text is one numbering. Each alternative of NUMBERING ends in a
 * mark that fixes its length, so "the first match is the whole text" and
 * "the text matches anchored at both ends" agree; `test` builds no match.
 */
const BARE_NUMBERING = new RegExp(`^(?:${NUMBERING.source.slice(1)})$`, 'u');

/** A folded text that is numbering and nothing else, e.g. a cell holding `一、`. */
export function isBareNumbering(folded: string): boolean {
  return mayBeNumbered(folded) && endsLikeNumbering(folded) && BARE_NUMBERING.test(folded);
}

/**
 * Every alternative of NUMBERING ends in `、`, `.` or `)`: a label that
 * starts like a numbering (`(一)…`) but ends otherwise is ruled out without
 * running the regex, as most row labels are.
 */
function endsLikeNumbering(folded: string): boolean {
  const c = folded.charCodeAt(folded.length - 1);
  return c === 0x3001 || c === 46 || c === 41;
}

/** The top-level style of a numbering (`一、`), used to spot a second top-level sequence. */
export function isTopLevelNumbering(numbering: string): boolean {
  return /^[一二三四五六七八九十]+、$/u.test(numbering);
}

const CHINESE_DIGITS = '一二三四五六七八九';

/** 1 for `一、`, `(一)`, `1.`; 0 when the numbering is not a simple ordinal. */
export function ordinalOf(numbering: string): number {
  const inner = numbering.replace(/[、.()]/gu, '');
  if (/^[0-9]+$/u.test(inner)) return Number(inner);
  if (inner === '十') return 10;
  if (inner.length === 1) return CHINESE_DIGITS.indexOf(inner) + 1;
  if (inner.length === 2 && inner[0] === '十')
    return 10 + CHINESE_DIGITS.indexOf(inner[1] as string) + 1;
  return 0;
}

/** 一…十 by code unit; `hundred`: 百 too. */
function isNumeral(c: number, hundred: boolean): boolean {
  switch (c) {
    case 0x4e00: // 一
    case 0x4e8c: // 二
    case 0x4e09: // 三
    case 0x56db: // 四
    case 0x4e94: // 五
    case 0x516d: // 六
    case 0x4e03: // 七
    case 0x516b: // 八
    case 0x4e5d: // 九
    case 0x5341: // 十
      return true;
    default:
      return hundred && c === 0x767e;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The length of the run of units from `at` (before `n`) that pass `test`. */
function runOf(units: Uint16Array, at: number, n: number, test: (c: number) => boolean): number {
  let i = at;
  while (i < n && test(units[i] as number)) i++;
  return i - at;
}

const numeralOrHundred = (c: number): boolean => isNumeral(c, true);
const numeralOnly = (c: number): boolean => isNumeral(c, false);

/**
 * `splitNumbering`'s numbering length, read from folded units (0: none):
 * NUMBERING's alternatives in its order, each run taken whole, as the regex
 * takes it (a shorter run leaves a numeral or digit where the closing mark
 * must be, so backtracking never finds another match).
 */
export function numberingLength(units: Uint16Array, n: number): number {
  if (n === 0) return 0;
  const c = units[0] as number;
  const at = (i: number): number => (i < n ? (units[i] as number) : -1);
  // [一…十百]+[、.]
  const numerals = runOf(units, 0, n, numeralOrHundred);
  if (numerals > 0 && (at(numerals) === 0x3001 || at(numerals) === 46)) return numerals + 1;
  // \([一…十百]+\)
  if (c === 40) {
    const inner = runOf(units, 1, n, numeralOrHundred);
    if (inner > 0 && at(1 + inner) === 41) return inner + 2;
  }
  // [0-9]{1,3}[.、]
  const digits = runOf(units, 0, n, isDigit);
  if (digits > 0 && digits <= 3 && (at(digits) === 46 || at(digits) === 0x3001)) return digits + 1;
  // \([0-9]{1,3}\)
  if (c === 40) {
    const inner = runOf(units, 1, n, isDigit);
    if (inner > 0 && inner <= 3 && at(1 + inner) === 41) return inner + 2;
  }
  // [0-9]{1,3}\)
  if (digits > 0 && digits <= 3 && at(digits) === 41) return digits + 1;
  // [一…十]+\)
  const plain = runOf(units, 0, n, numeralOnly);
  if (plain > 0 && at(plain) === 41) return plain + 1;
  return 0;
}
