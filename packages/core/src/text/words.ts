/**
 * Word-level checks of the narrative: a word typed twice (“管理管理”), and
 * injected spam — a lexicon of gambling and porn terms, and Latin-letter
 * runs inside Chinese text that are not known abbreviations (“UedBet体育”).
 */
import type { LexiconEntry } from '@govlint/dsl';
import type { Diagnostic, Range } from '@govlint/text';
import type { TextContext } from './context.js';
import { findLetterRuns, firstAbove, isLetter, type LetterRuns } from './ascii-marks.js';
import { lexiconMatches, lexiconOccurs, sentences } from './lexicon-search.js';

const DUPLICATED = 'duplicated-word';
const SPAM = 'injected-spam';
/** Longest repeated word looked for, in characters. */
const MAX_WORD = 8;

const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

const textSets = new WeakMap<readonly LexiconEntry[], ReadonlySet<string>>();
/** Words in lower case, and the longest one's length (a longer run is none of them). */
interface LowerWords {
  readonly set: ReadonlySet<string>;
  readonly longest: number;
}

const lowerSets = new WeakMap<readonly LexiconEntry[], LowerWords>();

/** A lexicon's entries as a set (made once per pack). */
function textSet(entries: readonly LexiconEntry[]): ReadonlySet<string> {
  let set = textSets.get(entries);
  if (!set) textSets.set(entries, (set = new Set(entries.map((e) => e.text))));
  return set;
}

/** A lexicon's entries in lower case, as a set (made once per pack). */
function lowerSet(entries: readonly LexiconEntry[]): LowerWords {
  let words = lowerSets.get(entries);
  if (!words) {
    const set = new Set(entries.map((e) => e.text.toLowerCase()));
    words = { set, longest: Math.max(0, ...[...set].map((w) => w.length)) };
    lowerSets.set(entries, words);
  }
  return words;
}

/** `XYXY` with X, Y Chinese characters (and longer words), not a known reduplication. */
export function duplicatedWords(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(DUPLICATED)) return [];
  let allowed: ReadonlySet<string> | undefined;
  const out: Diagnostic[] = [];
  const { text } = ctx;
  for (const s of sentences(ctx)) {
    const n = findRepeats(text, s.start, s.end);
    for (let k = 0; k < n; k += 2) {
      const start = repeats[k]!;
      const length = repeats[k + 1]!;
      // A run of one character (“甲甲甲甲”) is not a word typed twice.
      if (isRun(text, start, length)) continue;
      const found = text.slice(start, start + 2 * length);
      const word = found.slice(0, length);
      allowed ??= textSet(ctx.lexicon('reduplications'));
      if (allowed.has(found) || allowed.has(word)) continue;
      const d = ctx.report(DUPLICATED, { start, end: start + 2 * length }, { found, word });
      if (d) out.push(d);
    }
  }
  return out;
}

/** The word's characters are all one (a word is Chinese characters: one unit each). */
function isRun(text: string, start: number, length: number): boolean {
  const first = text.charCodeAt(start);
  for (let k = 1; k < length; k++) if (text.charCodeAt(start + k) !== first) return false;
  return true;
}

/**
 * Words of Chinese characters typed twice in a row inside the span, left to
 * right: at each position the shortest such word (2 to MAX_WORD
 * characters), and the search goes on after its repeat.
 */
export function repeatedWords(text: string, span: Range): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  const n = findRepeats(text, span.start, span.end);
  for (let k = 0; k < n; k += 2) out.push({ start: repeats[k]!, length: repeats[k + 1]! });
  return out;
}

/**
 * Buckets of the last-seen table. It is cold at each lint (the rest of a
 * lint runs in between), so it is kept to 4 KB: 2048 low 16-bit positions.
 */
const BUCKETS = 2048;
/**
 * Per bucket of pairs of units, the low 16 bits of the last position where
 * one ended: left over from other spans and texts, or from 65536 units
 * back, so a hit only says “look closer”, never “found”.
 */
const lastSeen = new Uint16Array(BUCKETS);
/** findRepeats' answer, (start, length) pairs; grown on demand, reused. */
let repeats: Int32Array = new Int32Array(64);
/** Verified repeats in the order found (by where the copy starts), before the leftmost pick. */
let verified: Int32Array = new Int32Array(64);

/**
 * repeatedWords in one forward pass, with the answer in `repeats` (returns
 * how many numbers it holds). A word of length L ≥ 2 at i comes again at
 * i + L, so the pair of units that starts it comes again L units later. At
 * each position only “was the pair ending here seen within MAX_WORD
 * units?” is asked, one table lookup; nearly every position answers no
 * (pairs recur far less than single characters), and the rare yes tries
 * each length there, in place.
 */
function findRepeats(text: string, start: number, end: number): number {
  const table = lastSeen;
  let found = 0;
  let previous = text.charCodeAt(start);
  for (let j = start + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    const bucket = ((previous << 6) ^ c) & (BUCKETS - 1);
    const distance = (j - table[bucket]!) & 0xffff;
    table[bucket] = j;
    const before = previous;
    previous = c;
    // Not within a word's length, or (stale, or) before `start + 1`: began outside the span.
    if (distance === 0 || distance > MAX_WORD || j - distance <= start) continue;
    // The repeat would start at j - 1: the word at j - 1 - length.
    const farthest = Math.min(MAX_WORD, j - 1 - start);
    for (let length = 2; length <= farthest; length++) {
      const i = j - 1 - length;
      if (text.charCodeAt(i) !== before || text.charCodeAt(i + 1) !== c) continue;
      if (j - 1 + length > end || !repeatsAt(text, i, length)) continue;
      if (found + 2 > verified.length) verified = grown(verified, found);
      verified[found++] = i;
      verified[found++] = length;
    }
  }
  return found === 0 ? 0 : leftmost(found);
}

/** text[i, i + length) is Chinese characters and comes again right after. */
function repeatsAt(text: string, i: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    const c = text.charCodeAt(i + k);
    if (!isHan(c) || text.charCodeAt(i + length + k) !== c) return false;
  }
  return true;
}

/**
 * From the verified repeats (few: most spans have none), the ones
 * repeatedWords keeps: leftmost first, the shortest at one position, and
 * the search goes on after the repeat. Written to `repeats`.
 */
function leftmost(found: number): number {
  const pairs: [number, number][] = [];
  for (let k = 0; k < found; k += 2) pairs.push([verified[k]!, verified[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (repeats.length < found) repeats = new Int32Array(found);
  let n = 0;
  let taken = -1;
  for (const [i, length] of pairs) {
    if (i < taken) continue;
    repeats[n++] = i;
    repeats[n++] = length;
    taken = i + 2 * length;
  }
  return n;
}

function grown(array: Int32Array, used: number): Int32Array {
  const bigger = new Int32Array(2 * array.length);
  bigger.set(array.subarray(0, used));
  return bigger;
}
/** Next to these, letters are part of an address, a file name or an e-mail. */
const ADDRESS = /[/.:@_=?&%#\\-]/u;

const isLatin = isLetter;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlnum = (c: number): boolean => isLatin(c) || isDigit(c);

export function injectedSpam(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(SPAM)) return [];
  const letters = findLetterRuns(ctx.text);
  // A Latin run has three letters; a spam word must be somewhere in the text.
  const latin = hasThreeLetters(letters);
  if (!latin && !lexiconOccurs(ctx, 'spam')) return [];
  const units = spamUnits(ctx);
  const out: Diagnostic[] = [];
  const taken: Range[] = [];
  for (const m of lexiconMatches(ctx, 'spam', units)) {
    taken.push(m.range);
    const d = ctx.report(SPAM, m.range, { found: m.text, note: m.note ?? '可疑词语' });
    if (d) out.push(d);
  }
  if (!latin) return out;
  const allowed = lowerSet(ctx.lexicon('latin-allowed'));
  const { text } = ctx;
  for (const unit of units) {
    let chinese: boolean | undefined;
    for (const { start, end } of latinRunsAt(text, unit, letters)) {
      const run = text.slice(start, end);
      // Letters and digits keep their length in lower case: a longer run is not allowed.
      if (run.length <= allowed.longest && allowed.set.has(run.toLowerCase())) continue;
      // Only inside Chinese text: a paragraph written in English is not spam.
      chinese ??= mostlyChinese(text, unit);
      if (!chinese) break;
      const before = text[start - 1] ?? '';
      const after = text[end] ?? '';
      if (ADDRESS.test(before) || ADDRESS.test(after)) continue;
      // Glued to a Chinese character: “上级UedBet体育”, not “the IPv6 升级” or a quoted word.
      if (!isHan(text.charCodeAt(start - 1)) && !isHan(text.charCodeAt(end))) continue;
      if (taken.some((r) => r.start < end && start < r.end)) continue;
      const d = ctx.report(SPAM, { start, end }, { found: run, note: '中文正文中的可疑字母串' });
      if (d) out.push(d);
    }
  }
  return out;
}

const NO_RUNS: readonly Range[] = [];

function hasThreeLetters({ starts, ends }: LetterRuns): boolean {
  let letters = 0;
  for (let k = 0; k < starts.length && letters < 3; k++) letters += ends[k]! - starts[k]!;
  return letters >= 3;
}

/**
 * The runs of ASCII letters and digits inside the unit that have three
 * letters or more, in order.
 */
export function latinRuns(text: string, unit: Range): readonly Range[] {
  return latinRunsAt(text, unit, findLetterRuns(text));
}

/**
 * latinRuns, from the text's runs of letters: only the stretches around
 * the unit's letters are read, not every code unit.
 */
function latinRunsAt(text: string, unit: Range, letters: LetterRuns): readonly Range[] {
  const { starts, ends } = letters;
  let runs: Range[] | undefined;
  // The first run of letters that ends inside the unit (it may start before it).
  let k = firstAbove(ends, unit.start);
  while (k < starts.length && starts[k]! < unit.end) {
    const first = Math.max(starts[k]!, unit.start);
    // Before the first letter, back to the last run's end: digits, if anything.
    let start = first;
    while (start > unit.start && isDigit(text.charCodeAt(start - 1))) start--;
    let end = first + 1;
    while (end < unit.end && isAlnum(text.charCodeAt(end))) end++;
    // The letters of the run: the runs of letters up to its end, clipped to it.
    let count = 0;
    for (; k < starts.length && starts[k]! < end; k++) {
      count += Math.min(ends[k]!, end) - Math.max(starts[k]!, first);
    }
    if (count >= 3) (runs ??= []).push({ start, end });
  }
  return runs ?? NO_RUNS;
}

/** More Chinese characters than Latin letters in the unit. */
function mostlyChinese(text: string, unit: Range): boolean {
  let han = 0;
  let latin = 0;
  for (let i = unit.start; i < unit.end; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) han++;
    else if (isLatin(c)) latin++;
  }
  return han > latin;
}

/**
 * The narrative, the title and the section headings: spam shows up in any
 * of them. By start (at one start, paragraphs first, then the title, then
 * the headings): the few others merged into the paragraphs, which come in
 * order, rather than all of them sorted.
 */
function spamUnits(ctx: TextContext): Range[] {
  const { model } = ctx;
  const others: Range[] = [];
  if (model.title) others.push(model.title.range);
  for (const s of model.sections) others.push(s.headingRange);
  others.sort((a, b) => a.start - b.start);
  const paragraphs = model.paragraphs;
  const units: Range[] = [];
  let k = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const range = paragraphs[i]!.range;
    if (i > 0 && range.start < paragraphs[i - 1]!.range.start) {
      // Out of order (not the reader's model): sort them all.
      return [...paragraphs.map((p) => p.range), ...others].sort((a, b) => a.start - b.start);
    }
    while (k < others.length && others[k]!.start < range.start) units.push(others[k++]!);
    units.push(range);
  }
  while (k < others.length) units.push(others[k++]!);
  return units;
}
