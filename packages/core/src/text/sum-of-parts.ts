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
import { lexiconMatches, sentences } from './lexicon-search.js';
import { oneLine } from './text-checks.js';

const RULE = 'narrative-sum-of-parts';

interface Count {
  readonly value: number;
  readonly unit: string;
  readonly start: number;
  /** After the unit. */
  readonly end: number;
  readonly approximate: boolean;
}

const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?/gu;
/** Between a total and its “其中”: punctuation and spaces only. */
const JOINER = /^[\s、，,：:；;]{0,3}$/u;
/** After the last part: the sentence ends. */
const SENTENCE_END = /^[\s。！？；!?;）)”"]*$/u;

export function sumOfParts(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(RULE)) return [];
  const units = longestFirst(ctx.lexicon('count-units'));
  const approximate = textsOf(ctx.lexicon('approximate-cues'));
  if (units.length === 0) return [];
  const out: Diagnostic[] = [];
  const all = sentences(ctx);
  const cues = lexiconMatches(ctx, 'sum-part-cues', all);
  let s = 0;
  const done = new Set<number>();
  for (const cue of cues) {
    while (s < all.length && all[s]!.end <= cue.range.start) s++;
    const sentence = all[s];
    if (!sentence || sentence.start > cue.range.start || done.has(s)) continue;
    done.add(s);
    const counts = countsIn(ctx.text, sentence, units, approximate);
    const total = [...counts].reverse().find((c) => c.end <= cue.range.start);
    if (!total || !JOINER.test(ctx.text.slice(total.end, cue.range.start))) continue;
    const parts = counts.filter((c) => c.start >= cue.range.end && sameUnit(c.unit, total.unit));
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

const longest = new WeakMap<readonly LexiconEntry[], readonly string[]>();
const texts = new WeakMap<readonly LexiconEntry[], readonly string[]>();

/** A lexicon's words, the longest first (篇次 before 篇), once per pack. */
function longestFirst(entries: readonly LexiconEntry[]): readonly string[] {
  let list = longest.get(entries);
  if (!list) {
    list = entries.map((e) => e.text).sort((a, b) => b.length - a.length);
    longest.set(entries, list);
  }
  return list;
}

/** A lexicon's words, once per pack. */
function textsOf(entries: readonly LexiconEntry[]): readonly string[] {
  let list = texts.get(entries);
  if (!list) texts.set(entries, (list = entries.map((e) => e.text)));
  return list;
}

/** Numbers followed by a count unit (spaces allowed between), in order. */
function countsIn(
  text: string,
  sentence: Range,
  units: readonly string[],
  approximate: readonly string[],
): Count[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Count[] = [];
  for (const m of body.matchAll(NUMBER)) {
    const at = m.index;
    let after = at + m[0].length;
    while (/\s/u.test(body[after] ?? '')) after++;
    const cue = approximate.find((a) => body.startsWith(a, after));
    if (cue) after += cue.length;
    while (/\s/u.test(body[after] ?? '')) after++;
    const unit = units.find((u) => body.startsWith(u, after));
    if (!unit) continue;
    const before = body.slice(Math.max(0, at - 2), at);
    const end = after + unit.length;
    const trailing = body.slice(end, end + 2);
    out.push({
      value: Number(m[0].normalize('NFKC')),
      unit,
      start: sentence.start + at,
      end: sentence.start + end,
      approximate:
        cue !== undefined || approximate.some((a) => before.endsWith(a) || trailing.startsWith(a)),
    });
  }
  return out;
}

/** 篇 and 篇次, 人 and 人次: one unit, counted the same way. */
function sameUnit(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}
