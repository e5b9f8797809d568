/**
 * Word-level checks of the narrative: a word typed twice (“管理管理”), and
 * injected spam — a lexicon of gambling and porn terms, and Latin-letter
 * runs inside Chinese text that are not known abbreviations (“UedBet体育”).
 */
import type { LexiconEntry } from '@govlint/dsl';
import type { Diagnostic, Range } from '@govlint/text';
import type { TextContext } from './context.js';
import { lexiconMatches, sentences } from './lexicon-search.js';

const DUPLICATED = 'duplicated-word';
const SPAM = 'injected-spam';
/** Longest repeated word looked for, in characters. */
const MAX_WORD = 8;

const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

const textSets = new WeakMap<readonly LexiconEntry[], ReadonlySet<string>>();
const lowerSets = new WeakMap<readonly LexiconEntry[], ReadonlySet<string>>();

/** A lexicon's entries as a set (made once per pack). */
function textSet(entries: readonly LexiconEntry[]): ReadonlySet<string> {
  let set = textSets.get(entries);
  if (!set) textSets.set(entries, (set = new Set(entries.map((e) => e.text))));
  return set;
}

/** A lexicon's entries in lower case, as a set (made once per pack). */
function lowerSet(entries: readonly LexiconEntry[]): ReadonlySet<string> {
  let set = lowerSets.get(entries);
  if (!set) lowerSets.set(entries, (set = new Set(entries.map((e) => e.text.toLowerCase()))));
  return set;
}

/** `XYXY` with X, Y Chinese characters (and longer words), not a known reduplication. */
export function duplicatedWords(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(DUPLICATED)) return [];
  const allowed = textSet(ctx.lexicon('reduplications'));
  const out: Diagnostic[] = [];
  const { text } = ctx;
  for (const s of sentences(ctx)) {
    for (const { start, length } of repeatedWords(text, s)) {
      const found = text.slice(start, start + 2 * length);
      const word = found.slice(0, length);
      // A run of one character (“甲甲甲甲”) is not a word typed twice.
      const run = [...word].every((ch) => ch === word[0]);
      if (!run && !allowed.has(found) && !allowed.has(word)) {
        const d = ctx.report(DUPLICATED, { start, end: start + 2 * length }, { found, word });
        if (d) out.push(d);
      }
    }
  }
  return out;
}

/**
 * Words of Chinese characters typed twice in a row inside the span, left to
 * right: at each position the shortest such word (2 to MAX_WORD
 * characters), and the search goes on after its repeat.
 */
export function repeatedWords(text: string, span: Range): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  const next = nextSame(text, span);
  let hanEnd = span.start; // where the run of Chinese characters holding i ends
  for (let i = span.start; i < span.end; i++) {
    // Almost every position stops here: its character does not recur within a word's length.
    const q = next[i - span.start]!;
    if (q <= i || q - i > MAX_WORD) continue;
    if (i >= hanEnd) {
      if (!isHan(text.charCodeAt(i))) continue;
      hanEnd = i + 1;
      while (hanEnd < span.end && isHan(text.charCodeAt(hanEnd))) hanEnd++;
    }
    const length = repeatAt(text, i, Math.min(MAX_WORD, hanEnd - i), span, next);
    if (length === 0) continue;
    out.push({ start: i, length });
    i += 2 * length - 1;
  }
  return out;
}

/** Buckets of nextSame's table: small enough to stay in the cache beside the rest of a lint. */
const BUCKETS = 4096;
/** Per bucket, where nextSame last saw a unit of it: left over from other spans, checked on use. */
const lastSeen = new Int32Array(BUCKETS).fill(-1);
let scratch = new Int32Array(1024);

/**
 * next[j - span.start]: the nearest later position in the span whose unit
 * falls in the same bucket as j's (every later occurrence of j's unit is on
 * this chain), or a stale position of another span or text when there is
 * none. repeatAt checks every position it follows. One pass backwards: most
 * characters do not recur within a word's length, so the search looks at
 * one position instead of trying every length.
 */
function nextSame(text: string, span: Range): Int32Array {
  if (scratch.length < span.end - span.start) scratch = new Int32Array(2 * (span.end - span.start));
  for (let j = span.end - 1; j >= span.start; j--) {
    const bucket = text.charCodeAt(j) & (BUCKETS - 1);
    scratch[j - span.start] = lastSeen[bucket]!;
    lastSeen[bucket] = j;
  }
  return scratch;
}

/**
 * The shortest word length L ≥ 2 such that text[i, i+L) repeats right
 * after; the word is at most `longest` long (the Chinese characters from i
 * on) and its repeat ends by the span's end. Only the lengths where the
 * first character recurs are tried, nearest first (see nextSame).
 */
function repeatAt(text: string, i: number, longest: number, span: Range, next: Int32Array): number {
  const first = text.charCodeAt(i);
  // Each step goes right: a stale position at or before the last one ends the chain.
  for (let p = i, q = next[i - span.start]!; q > p; p = q, q = next[q - span.start]!) {
    const length = q - i;
    if (length > longest || i + 2 * length > span.end) return 0;
    // Another unit of the bucket, or a stale position: not a repeat here.
    if (length < 2 || text.charCodeAt(q) !== first) continue;
    let same = true;
    for (let k = 1; k < length && same; k++) {
      same = text.charCodeAt(i + k) === text.charCodeAt(q + k);
    }
    if (same) return length;
  }
  return 0;
}

/** Next to these, letters are part of an address, a file name or an e-mail. */
const ADDRESS = /[/.:@_=?&%#\\-]/u;

const isLatin = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

export function injectedSpam(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(SPAM)) return [];
  const units = spamUnits(ctx);
  const out: Diagnostic[] = [];
  const taken: Range[] = [];
  for (const m of lexiconMatches(ctx, 'spam', units)) {
    taken.push(m.range);
    const d = ctx.report(SPAM, m.range, { found: m.text, note: m.note ?? '可疑词语' });
    if (d) out.push(d);
  }
  const allowed = lowerSet(ctx.lexicon('latin-allowed'));
  const { text } = ctx;
  for (const unit of units) {
    let chinese: boolean | undefined;
    for (const { start, end } of latinRuns(text, unit)) {
      const run = text.slice(start, end);
      if (allowed.has(run.toLowerCase())) continue;
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

/**
 * The runs of ASCII letters and digits inside the unit that have three
 * letters or more, in order: scanned in place, no slice or regular
 * expression per unit (most units have none).
 */
export function latinRuns(text: string, unit: Range): readonly Range[] {
  let runs: Range[] | undefined;
  for (let i = unit.start; i < unit.end; i++) {
    let c = text.charCodeAt(i);
    if (!isLatin(c) && !isDigit(c)) continue;
    const start = i;
    let letters = 0;
    for (; i < unit.end && (isLatin((c = text.charCodeAt(i))) || isDigit(c)); i++) {
      if (isLatin(c)) letters++;
    }
    if (letters >= 3) (runs ??= []).push({ start, end: i });
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

/** The narrative, the title and the section headings: spam shows up in any of them. */
function spamUnits(ctx: TextContext): Range[] {
  const { model } = ctx;
  const units: Range[] = model.paragraphs.map((p) => p.range);
  if (model.title) units.push(model.title.range);
  for (const s of model.sections) units.push(s.headingRange);
  return units.sort((a, b) => a.start - b.start);
}
