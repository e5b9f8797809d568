/**
 * The template's sections, found by their headings in any decoration
 * (Markdown `#`, bold `**`, pipes), exactly, by a declared variant, with
 * shifted numbering, or fuzzily; on a line of their own first, then inside
 * running text (flattened pages put the whole report on one line).
 */
import type { CompiledTemplate, SectionDecl } from '@govlint/dsl';
import { editDistance } from '@govlint/text';
import type { Range } from '@govlint/text';
import {
  fold,
  foldOffsets,
  foldUnit,
  foldUnits,
  sourceRange,
  unitsEqual,
  unitsString,
} from './fold.js';
import type { Lines } from './lines.js';
import { numberingLength, splitNumbering } from './numbering.js';
import { type UnitSet, hasUnit, unitSet } from './unit-set.js';

export type HeadingMatch = 'exact' | 'variant' | 'fuzzy';

export interface FoundSection {
  readonly decl: SectionDecl;
  readonly start: number;
  readonly end: number;
  readonly match: HeadingMatch;
  /** The heading's body matched, under another section's number (`一、主动公开…`). */
  readonly renumbered: boolean;
}

interface Heading {
  readonly decl: SectionDecl;
  readonly folded: string;
  readonly numbering: string;
  readonly body: string;
  readonly variant: boolean;
}

interface Candidate {
  readonly heading: Heading;
  readonly start: number;
  readonly end: number;
  /** Lower is better: exact, variant, renumbered, fuzzy. */
  readonly rank: number;
}

const NONE: readonly Heading[] = [];

/** Inline fuzzy search is capped so that a huge one-line file stays linear. */
const MAX_INLINE_TRIES = 2000;

function headingsOf(template: CompiledTemplate): Heading[] {
  const out: Heading[] = [];
  for (const decl of template.sections) {
    const texts: [string, boolean][] = [
      [decl.heading, false],
      ...decl.variants.map((v): [string, boolean] => [v, true]),
    ];
    for (const [text, variant] of texts) {
      const folded = fold(text);
      if (!folded) continue;
      const { numbering, body } = splitNumbering(folded);
      out.push({ decl, folded, numbering, body, variant });
    }
  }
  return out;
}

interface Prepared {
  readonly headings: readonly Heading[];
  readonly maxLength: number;
  /** First characters a heading line can start with (after decoration), folded: 1 in a table by code unit. */
  readonly starts: UnitSet;
  readonly minLength: number;
  /** The first two characters of every heading's body (as one number): a heading line holds one near its start. */
  readonly seeds: ReadonlySet<number>;
  /** 1 for each first character of a seed: most characters are ruled out by one lookup, before the set. */
  readonly seedFirst: UnitSet;
  /** 1 for the first unit of every folded heading: a line cut at `reach` can only start with one. */
  readonly headingFirst: UnitSet;
  /**
   * The headings by the length of their folded text, and of their body: a
   * line is compared with the few of its length (a map would hash every
   * line's folded text first).
   */
  readonly ofLength: readonly (readonly Heading[] | undefined)[];
  readonly ofBodyLength: readonly (readonly Heading[] | undefined)[];
}

const prepared = new WeakMap<CompiledTemplate, Prepared>();

function prepare(template: CompiledTemplate): Prepared {
  let p = prepared.get(template);
  if (p) return p;
  const headings = headingsOf(template);
  const ofLength: Heading[][] = [];
  const ofBodyLength: Heading[][] = [];
  const starts = new Set<number>(
    [...'一二三四五六七八九十(0123456789'].map((c) => c.charCodeAt(0)),
  );
  for (const h of headings) {
    (ofLength[h.folded.length] ??= []).push(h);
    (ofBodyLength[h.body.length] ??= []).push(h);
    for (const t of [h.folded, h.body]) if (t) starts.add(t.charCodeAt(0));
  }
  const maxLength = Math.max(0, ...headings.map((h) => h.folded.length));
  const minLength = Math.min(...headings.map((h) => h.folded.length));
  const seeded = headings.filter((h) => h.body.length >= 2);
  const seeds = new Set(seeded.map((h) => pairKey(h.body.charCodeAt(0), h.body.charCodeAt(1))));
  const seedFirst = unitSet(seeded.map((h) => h.body.charCodeAt(0)));
  const startTable = unitSet(starts);
  const headingFirst = unitSet(headings.map((h) => h.folded.charCodeAt(0)));
  p = {
    headings,
    ofLength,
    ofBodyLength,
    maxLength,
    minLength,
    starts: startTable,
    seeds,
    seedFirst,
    headingFirst,
  };
  prepared.set(template, p);
  return p;
}

/** Decoration before a heading: Markdown marks, pipes, quotes, bullets (a table: it runs on every line). */
const LEADING = unitSet([32, 9, 0x3000, 0xa0, 35, 42, 62, 124, 95, 96, 45, 0xb7, 0x2022]);
const isLeading = (c: number): boolean => hasUnit(LEADING, c);
/**
 * Decoration after a heading: what `/[\s#*|_`。：:；;]+$/u` strips, as a
 * table by code unit (JavaScript's `\s` listed out), so that no slice of
 * the line and no regex run is needed.
 */
const TRAILING = unitSet([
  ...[...'\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff#*|_`。：:；;'].map((c) =>
    c.charCodeAt(0),
  ),
  ...Array.from({ length: 11 }, (_, i) => 0x2000 + i),
]);

export function findSections(
  text: string,
  lines: Lines,
  template: CompiledTemplate,
): FoundSection[] {
  const p = prepare(template);
  if (p.headings.length === 0) return [];
  const candidates = lineCandidates(text, lines, p);
  const chosen = new Map<SectionDecl, Candidate>();
  let after = -1;
  for (const decl of template.sections) {
    const pick = pickFor(candidates, decl, after);
    if (pick) {
      chosen.set(decl, pick);
      after = Math.max(after, pick.start);
    }
  }
  // Headings inside running text, for the sections not found on a line:
  // searched between the neighbouring sections that were found.
  after = 0;
  template.sections.forEach((decl, i) => {
    const found = chosen.get(decl);
    if (found) {
      after = found.end;
      return;
    }
    const next = template.sections
      .slice(i + 1)
      .map((d) => chosen.get(d))
      .find((c) => c !== undefined && c.start >= after);
    const inline = inlineCandidate(
      text,
      after,
      next ? next.start : text.length,
      p.headings.filter((h) => h.decl === decl),
    );
    if (inline) {
      chosen.set(decl, inline);
      after = inline.end;
    }
  });
  return [...chosen.values()]
    .map((c) => ({
      decl: c.heading.decl,
      start: c.start,
      end: c.end,
      match: (c.rank === 0 ? 'exact' : c.rank === 3 ? 'fuzzy' : 'variant') as HeadingMatch,
      renumbered: c.rank === 2,
    }))
    .sort((a, b) => a.start - b.start);
}

/** The section's best candidate after `after`, else its best anywhere (the first of the lowest rank). */
function pickFor(
  candidates: readonly Candidate[],
  decl: SectionDecl,
  after: number,
): Candidate | undefined {
  let any: Candidate | undefined;
  let later: Candidate | undefined;
  for (const c of candidates) {
    if (c.heading.decl !== decl) continue;
    if (!any || c.rank < any.rank) any = c;
    if (c.start > after && (!later || c.rank < later.rank)) later = c;
  }
  return later ?? any;
}

/** Two code units as one small integer (a superset filter: collisions only cost a closer look). */
const pairKey = (a: number, b: number): number => ((a & 0x7fff) << 15) | (b & 0x7fff);

function hasSeed(text: string, start: number, end: number, p: Prepared): boolean {
  for (let i = start; i + 1 < end; i++) {
    const c = text.charCodeAt(i);
    if (hasUnit(p.seedFirst, c) && p.seeds.has(pairKey(c, text.charCodeAt(i + 1)))) return true;
  }
  return false;
}

/**
 * Heading candidates, one line at a time. Only a line that starts like a
 * heading is folded, and only as far as a heading can reach, so long
 * narrative lines cost nothing.
 */
function lineCandidates(text: string, lines: Lines, p: Prepared): Candidate[] {
  const out: Candidate[] = [];
  const reach = p.maxLength * 3 + 8;
  const shortest = p.minLength - 2;
  for (let n = 0; n < lines.starts.length; n++) {
    const lineEnd = lines.ends[n] as number;
    let start = lines.starts[n] as number;
    // Only a line long enough to hold a heading (most cells of a one-cell-per-line table are not).
    if (lineEnd - start < shortest) continue;
    while (start < lineEnd && isLeading(text.charCodeAt(start))) start++;
    if (lineEnd - start < shortest) continue;
    // Its first unit folds to itself in the folded line (a deleted or complex unit is no heading start).
    const first = foldUnit(text.charCodeAt(start));
    if (first < 0 || !hasUnit(p.starts, first)) continue;
    // A line longer than any heading's reach can only begin with a whole heading.
    const short = lineEnd - start <= reach;
    if (!short && !hasUnit(p.headingFirst, first)) continue;
    if (!hasSeed(text, start, Math.min(lineEnd, start + 16), p)) continue;
    if (short) shortLine(text, start, lineEnd, first, p, out);
    else {
      const { units, length } = foldUnits(text, start, start + reach);
      prefixed(text, start, start + reach, units, length, p, out);
    }
  }
  return out;
}

/**
 * A line that may be a heading as a whole: exact, renumbered, prefixed or
 * fuzzy, in that order. The line is folded into units and compared unit by
 * unit: a Markdown table row (`一、… | | 0 | 0 |`) can start like a
 * heading, and folding it as a string costs a piece per deleted space.
 */
function shortLine(
  text: string,
  start: number,
  lineEnd: number,
  first: number,
  p: Prepared,
  out: Candidate[],
): void {
  let end = lineEnd;
  while (end > start && hasUnit(TRAILING, text.charCodeAt(end - 1))) end--;
  if (end <= start) return;
  const { units, length } = foldUnits(text, start, end);
  let matched = false;
  for (const h of p.ofLength[length] ?? NONE) {
    if (!unitsEqual(units, 0, h.folded)) continue;
    out.push({ heading: h, start, end, rank: h.variant ? 1 : 0 });
    matched = true;
  }
  if (matched) return;
  const numbering = numberingLength(units, length);
  if (numbering > 0) {
    for (const h of p.ofBodyLength[length - numbering] ?? NONE) {
      if (!unitsEqual(units, numbering, h.body)) continue;
      out.push({ heading: h, start, end, rank: 2 });
      matched = true;
    }
    if (matched) return;
  }
  if (hasUnit(p.headingFirst, first) && prefixed(text, start, end, units, length, p, out)) return;
  if (length > p.maxLength + 3) return;
  let fl: string | null = null;
  for (const h of p.headings) {
    if (h.folded.length < 6 || h.numbering.length !== numbering) continue;
    if (!unitsEqual(units, 0, h.numbering)) continue;
    if (Math.abs(h.folded.length - length) > 2) continue;
    fl ??= unitsString(units, length);
    if (editDistance(fl, h.folded, 2) <= 2) out.push({ heading: h, start, end, rank: 3 });
  }
}

/**
 * A heading followed by text on the same line: `一、<heading>。2023年…`
 * (`units`: `text[start, end)` folded).
 */
function prefixed(
  text: string,
  start: number,
  end: number,
  units: Uint16Array,
  length: number,
  p: Prepared,
  out: Candidate[],
): boolean {
  let found = false;
  for (const h of p.headings) {
    if (length > h.folded.length && unitsEqual(units, 0, h.folded)) {
      const offsets = { offsets: foldOffsets(text, start, end) };
      const r = sourceRange(text, offsets, 0, h.folded.length);
      out.push({ heading: h, start: r.start, end: r.end, rank: h.variant ? 1 : 0 });
      found = true;
    }
  }
  return found;
}

/**
 * The first of the headings inside `text[from, to)`, exactly, else fuzzily
 * from its numbering and first two characters. The span is folded into
 * units and searched there; offsets are worked out only for a match.
 */
function inlineCandidate(
  text: string,
  from: number,
  to: number,
  headings: readonly Heading[],
): Candidate | null {
  const { units, length } = foldUnits(text, from, to);
  const range = (at: number, end: number): Range =>
    sourceRange(text, { offsets: foldOffsets(text, from, to) }, at, end);
  for (const h of headings) {
    const at = indexOfUnits(units, length, h.folded, 0);
    if (at >= 0) {
      const r = range(at, at + h.folded.length);
      return { heading: h, start: r.start, end: r.end, rank: h.variant ? 1 : 0 };
    }
  }
  for (const h of headings) {
    if (h.variant || !h.numbering || h.body.length < 4) continue;
    const seed = h.numbering + h.body.slice(0, 2);
    let tries = 0;
    for (
      let at = indexOfUnits(units, length, seed, 0);
      at >= 0 && tries < MAX_INLINE_TRIES;
      at = indexOfUnits(units, length, seed, at + 1)
    ) {
      tries++;
      const len = bestPrefixLength(units, length, at, h.folded);
      if (len > 0) {
        const r = range(at, at + len);
        return { heading: h, start: r.start, end: r.end, rank: 3 };
      }
    }
  }
  return null;
}

/** Where `s` first occurs in `units[0, n)` at or after `from`, or -1 (as `String.indexOf`). */
function indexOfUnits(units: Uint16Array, n: number, s: string, from: number): number {
  const first = s.charCodeAt(0);
  const last = n - s.length;
  for (let i = from; i <= last; i++) {
    if (units[i] === first && unitsEqual(units, i, s)) return i;
  }
  return -1;
}

/** The length of the folded text at `at` within edit distance 2 of `target`, or 0. */
function bestPrefixLength(units: Uint16Array, n: number, at: number, target: string): number {
  // Every length tried is a prefix of the longest one.
  const longest = unitsString(units.subarray(at), Math.min(target.length + 2, n - at));
  let bestLength = 0;
  let bestDistance = 3;
  for (let len = target.length - 2; len <= target.length + 2; len++) {
    if (at + len > n) break;
    const d = editDistance(longest.slice(0, len), target, 2);
    if (d < bestDistance) {
      bestDistance = d;
      bestLength = len;
    }
  }
  return bestDistance <= 2 ? bestLength : 0;
}
