/**
 * narrative-sum-of-parts: “授权专利137件、其中发明专利12件、实用新型专利141件、
 * 外观专利12件” — a total right before “其中”, then parts in the same unit up
 * to the end of the sentence. Parts above the total are a warning; parts that
 * end the sentence but do not add up are a notice (a part may be missing).
 * Approximate figures (“200余条”) are never summed.
 */
import type { LexiconEntry } from '@govlint/dsl';
import type { Diagnostic, Range } from '@govlint/text';
import { formatNumber } from '../messages.js';
import type { TextContext } from './context.js';
import { lexiconHits, sentences } from './lexicon-search.js';
import { isSpace } from '@govlint/text';
import { oneLine } from './text-checks.js';

const RULE = 'narrative-sum-of-parts';

export interface Count {
  readonly value: number;
  readonly unit: string;
  readonly start: number;
  /** After the unit. */
  readonly end: number;
  readonly approximate: boolean;
}

/** Between a total and its “其中”: punctuation and spaces only. */
const JOINER = /^[\s、，,：:；;]{0,3}$/u;
/** After the last part: the sentence ends. */
const SENTENCE_END = /^[\s。！？；!?;）)”"]*$/u;

export function sumOfParts(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(RULE)) return [];
  const units = wordList(ctx.lexicon('count-units'), true);
  const approximate = wordList(ctx.lexicon('approximate-cues'), false);
  if (units.words.length === 0) return [];
  const out: Diagnostic[] = [];
  const all = sentences(ctx);
  const cues = lexiconHits(ctx, 'sum-part-cues', all);
  let s = 0;
  const done = new Set<number>();
  for (let k = 0; k < cues.starts.length; k++) {
    const cue = { start: cues.starts[k]!, end: cues.ends[k]! };
    while (s < all.length && all[s]!.end <= cue.start) s++;
    const sentence = all[s];
    if (!sentence || sentence.start > cue.start || done.has(s)) continue;
    done.add(s);
    const counts = countsIn(ctx.text, sentence, units, approximate);
    const total = [...counts].reverse().find((c) => c.end <= cue.start);
    if (!total || !JOINER.test(ctx.text.slice(total.end, cue.start))) continue;
    const parts = counts.filter((c) => c.start >= cue.end && sameUnit(c.unit, total.unit));
    if (parts.length === 0 || total.approximate || parts.some((p) => p.approximate)) continue;
    const sum = parts.reduce((a, p) => a + p.value, 0);
    const last = parts.at(-1)!;
    const over = sum > total.value + 1e-9;
    const endsSentence = SENTENCE_END.test(ctx.text.slice(last.end, sentence.end));
    const short = parts.length >= 2 && endsSentence && Math.abs(sum - total.value) > 1e-9;
    if (!over && !short) continue;
    // The whole sentence up to the last part: its subject (授权专利…) may start a line earlier.
    const range: Range = { start: sentence.start, end: last.end };
    const d = ctx.report(
      RULE,
      range,
      {
        match: oneLine(ctx.text.slice(total.start, last.end)),
        total: total.value,
        parts: parts.map((p) => formatNumber(p.value)).join('+'),
        sum,
        unit: total.unit,
      },
      over ? {} : { severity: 'info' },
    );
    if (d) out.push(d);
  }
  return out;
}

/** A lexicon's words, and the units they start with (a quick no for most places). */
export interface WordList {
  readonly words: readonly string[];
  readonly firsts: ReadonlySet<number>;
}

const lists = new WeakMap<readonly LexiconEntry[], WordList>();
const longestLists = new WeakMap<readonly LexiconEntry[], WordList>();

/** A lexicon's words, the longest first when asked (篇次 before 篇), once per pack. */
export function wordList(entries: readonly LexiconEntry[], longestFirst: boolean): WordList {
  const cache = longestFirst ? longestLists : lists;
  let list = cache.get(entries);
  if (!list) {
    const words = entries.map((e) => e.text);
    if (longestFirst) words.sort((a, b) => b.length - a.length);
    list = { words, firsts: new Set(words.map((w) => w.charCodeAt(0))) };
    cache.set(entries, list);
  }
  return list;
}

/** The first word of the list at `at`, inside [.., end), or undefined. */
function wordAt(text: string, at: number, end: number, list: WordList): string | undefined {
  if (at >= end || !list.firsts.has(text.charCodeAt(at))) {
    // An empty word matches anywhere: look for it the slow way.
    return list.firsts.has(NaN) ? list.words.find((w) => w === '') : undefined;
  }
  return list.words.find((w) => at + w.length <= end && text.startsWith(w, at));
}

/**
 * Numbers (`/[0-9０-９]+(?:[.．][0-9０-９]+)?/`) followed by a count unit
 * (spaces allowed between), in order; read in place, by code unit: a
 * sentence has many numbers, and most are not counts.
 */
export function countsIn(
  text: string,
  sentence: Range,
  units: WordList,
  approximate: WordList,
): Count[] {
  const out: Count[] = [];
  const { start: from, end: to } = sentence;
  for (let at = from; at < to; at++) {
    if (!isDigit(text.charCodeAt(at))) continue;
    let after = at + 1;
    while (after < to && isDigit(text.charCodeAt(after))) after++;
    if (after + 1 < to && isPoint(text.charCodeAt(after)) && isDigit(text.charCodeAt(after + 1))) {
      after += 2;
      while (after < to && isDigit(text.charCodeAt(after))) after++;
    }
    const numberEnd = after;
    while (after < to && isSpace(text.charCodeAt(after))) after++;
    const cue = wordAt(text, after, to, approximate);
    if (cue !== undefined) after += cue.length;
    while (after < to && isSpace(text.charCodeAt(after))) after++;
    const unit = wordAt(text, after, to, units);
    if (unit !== undefined) {
      const end = after + unit.length;
      out.push({
        value: numberValue(text, at, numberEnd),
        unit,
        start: at,
        end,
        approximate: cue !== undefined || nearCue(text, sentence, at, end, approximate.words),
      });
    }
    // The search goes on after the number, as a global regular expression's would.
    at = numberEnd - 1;
  }
  return out;
}

/** An approximate cue among the two units before the number or the two after its unit. */
function nearCue(
  text: string,
  sentence: Range,
  at: number,
  end: number,
  cues: readonly string[],
): boolean {
  const before = Math.max(sentence.start, at - 2);
  const trailingEnd = Math.min(sentence.end, end + 2);
  return cues.some(
    (a) =>
      (at - a.length >= before && text.startsWith(a, at - a.length)) ||
      (end + a.length <= trailingEnd && text.startsWith(a, end)),
  );
}

const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isPoint = (c: number): boolean => c === 0x2e || c === 0xff0e;

/** The number's value; full-width digits are read as NFKC makes them. */
function numberValue(text: string, start: number, end: number): number {
  const digits = text.slice(start, end);
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) > 0x7f) return Number(digits.normalize('NFKC'));
  }
  return Number(digits);
}

/** 篇 and 篇次, 人 and 人次: one unit, counted the same way. */
function sameUnit(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}
