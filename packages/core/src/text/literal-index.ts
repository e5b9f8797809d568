/**
 * Every literal the text checks look for (the literals of the patterns'
 * prefilter clauses and the entries of the pack's lexicons), found in one
 * pass over the folded text. Searching each of a few hundred words with
 * indexOf scanned the whole report a few hundred times; now it is read
 * once, and each check asks where its words are.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import { type FoldedText, foldLabel, foldWithOffsets } from '@govlint/text';
import { patternNeedles } from './prefilter.js';

export interface LiteralIndex {
  /** The folded text the positions are offsets into. */
  readonly folded: string;
  /** Where the (folded) literal starts in the folded text, ascending; overlaps included. */
  positions(literal: string): readonly number[];
  /** The same for each needle, by its id in `needles` (undefined: it occurs nowhere). */
  readonly hits: readonly (readonly number[] | undefined)[];
  /** The needles the index was built with. */
  readonly needles: Needles;
  /** Every occurrence of a needle as (position, needle id) pairs, flat, by position. */
  readonly occurrences: readonly number[];
}

/** A set of literals, grouped by their first UTF-16 unit for the one-pass search. */
export interface Needles {
  readonly list: readonly string[];
  readonly ids: ReadonlyMap<string, number>;
  /**
   * For each bucket of first units (a unit's low bits): 1 + the index of the
   * group of needles whose first unit falls in it, or 0. A table of every
   * unit would be 65536 entries read at random; buckets stay in the cache.
   */
  readonly byFirst: Uint16Array;
  /** Group g's needle ids are groupIds[groupStart[g] .. groupStart[g + 1]). */
  readonly groupStart: Int32Array;
  readonly groupIds: Int32Array;
  /** Each needle's first unit (a bucket holds several). */
  readonly first: Int32Array;
  /** Each needle's second unit (-1 for a one-unit needle): most candidates fail on it, cheaply. */
  readonly second: Int32Array;
}

const BUCKETS = 4096;

export function needlesOf(literals: Iterable<string>): Needles {
  const list = [...new Set(literals)].filter((l) => l.length > 0);
  const ids = new Map(list.map((l, id) => [l, id]));
  const groups = new Map<number, number[]>();
  list.forEach((literal, id) => {
    const bucket = literal.charCodeAt(0) & (BUCKETS - 1);
    let group = groups.get(bucket);
    if (!group) groups.set(bucket, (group = []));
    group.push(id);
  });
  const byFirst = new Uint16Array(BUCKETS);
  const groupStart = [0];
  const groupIds: number[] = [];
  for (const [bucket, group] of groups) {
    byFirst[bucket] = groupStart.length;
    groupIds.push(...group);
    groupStart.push(groupIds.length);
  }
  return {
    list,
    ids,
    byFirst,
    groupStart: Int32Array.from(groupStart),
    groupIds: Int32Array.from(groupIds),
    first: Int32Array.from(list, (l) => l.charCodeAt(0)),
    second: Int32Array.from(list, (l) => (l.length > 1 ? l.charCodeAt(1) : -1)),
  };
}

/**
 * The lexicons builtin checks look for in the text (lexicon-search.ts
 * callers); a pattern's own lexicons come with its clauses. A lexicon
 * searched but missing here is still found, by a scan of its own.
 */
export const SEARCHED_LEXICONS = [
  'spam',
  'overview-aspects',
  'fee-terms',
  'fee-waived',
  'sum-part-cues',
  'period-cues',
] as const;

const byTemplates = new WeakMap<readonly CompiledTemplate[], Needles>();

/**
 * The literals a lint looks for: every template's markers, the literals its
 * text checks' patterns are found by (prefilter.ts) and the entries of the
 * lexicons searched, folded (worked out once).
 */
export function templateNeedles(templates: readonly CompiledTemplate[]): Needles {
  let needles = byTemplates.get(templates);
  if (!needles) {
    const literals: string[] = [];
    for (const template of templates) {
      for (const marker of template.markers) literals.push(foldLabel(marker));
      for (const rule of template.rules) {
        if (rule.check.kind !== 'text') continue;
        for (const p of [...rule.check.patterns, ...(rule.check.unless ?? [])]) {
          literals.push(...patternNeedles(p, template.lexicons));
        }
      }
      // Lexicons the builtin checks search (the others are word lists to
      // compare with, not to find: the allowed Latin words, reduplications…).
      for (const name of SEARCHED_LEXICONS) {
        for (const e of template.lexicons[name] ?? []) literals.push(foldLabel(e.text));
      }
    }
    byTemplates.set(templates, (needles = needlesOf(literals)));
  }
  return needles;
}

/** A report folded once, and its literals found once, for every check that searches words. */
export interface FoldedReport {
  readonly folded: FoldedText;
  readonly literals: LiteralIndex;
}

export function foldReport(text: string, needles: Needles): FoldedReport {
  const folded = foldWithOffsets(text);
  return { folded, literals: indexLiterals(folded.folded, needles) };
}

/** One pass over the folded text: every occurrence of every needle. */
export function indexLiterals(folded: string, needles: Needles): LiteralIndex {
  const { list, ids, byFirst, groupStart, groupIds, first, second } = needles;
  const hits: (number[] | undefined)[] = new Array<number[] | undefined>(list.length);
  const occurrences: number[] = [];
  const n = folded.length;
  for (let i = 0; i < n; i++) {
    const c = folded.charCodeAt(i);
    const group = byFirst[c & (BUCKETS - 1)]!;
    if (group === 0) continue;
    const next = folded.charCodeAt(i + 1);
    for (let g = groupStart[group - 1]!, end = groupStart[group]!; g < end; g++) {
      const id = groupIds[g]!;
      if (first[id] !== c) continue;
      const s = second[id]!;
      if (s !== -1 && (s !== next || !rest(folded, i, list[id]!))) continue;
      (hits[id] ??= []).push(i);
      occurrences.push(i, id);
    }
  }
  // A literal no check declared (a caller's own word) is searched the slow way, once.
  const extra = new Map<string, number[]>();
  const none: readonly number[] = [];
  return {
    folded,
    needles,
    occurrences,
    hits,
    positions(literal) {
      const id = ids.get(literal);
      if (id !== undefined) return hits[id] ?? none;
      let found = extra.get(literal);
      if (!found) {
        found = [];
        if (literal.length > 0) {
          for (let at = folded.indexOf(literal); at >= 0; at = folded.indexOf(literal, at + 1)) {
            found.push(at);
          }
        }
        extra.set(literal, found);
      }
      return found;
    },
  };
}

/** Whether `needle` occurs at `at`, its first two units known to (a loop: needles are short). */
function rest(folded: string, at: number, needle: string): boolean {
  if (at + needle.length > folded.length) return false;
  for (let k = 2; k < needle.length; k++) {
    if (folded.charCodeAt(at + k) !== needle.charCodeAt(k)) return false;
  }
  return true;
}
