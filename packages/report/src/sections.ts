/**
 * The template's sections, found by their headings in any decoration
 * (Markdown `#`, bold `**`, pipes), exactly, by a declared variant, with
 * shifted numbering, or fuzzily; on a line of their own first, then inside
 * running text (flattened pages put the whole report on one line).
 */
import type { CompiledTemplate, SectionDecl } from '@govlint/dsl';
import { editDistance } from '@govlint/text';
import type { Range } from '@govlint/text';
import { foldOffsets, foldUnits, sourceRange, unitsEqual, unitsString } from './fold.js';
import { lineCandidates } from './heading-lines.js';
import { type Candidate, type Heading, prepare } from './headings.js';
import type { Lines } from './lines.js';

export type HeadingMatch = 'exact' | 'variant' | 'fuzzy';

export interface FoundSection {
  readonly decl: SectionDecl;
  readonly start: number;
  readonly end: number;
  readonly match: HeadingMatch;
  /** The heading's body matched, under another section's number (`一、主动公开…`). */
  readonly renumbered: boolean;
}

/** Inline fuzzy search is capped so that a huge one-line file stays linear. */
const MAX_INLINE_TRIES = 2000;

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
    sourceRange(text, foldOffsets(text, from, to), at, end);
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
