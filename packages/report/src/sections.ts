/**
 * The template's sections, found by their headings in any decoration
 * (Markdown `#`, bold `**`, pipes), exactly, by a declared variant, with
 * shifted numbering, or fuzzily; on a line of their own first, then inside
 * running text (flattened pages put the whole report on one line).
 */
import type { CompiledTemplate, SectionDecl } from '@govlint/dsl';
import { editDistance } from '@govlint/text';
import { type Folded, fold, foldRange, sourceRange } from './fold.js';
import type { Lines } from './lines.js';
import { splitNumbering } from './numbering.js';

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

const MAX_LINE = 120;
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

/** Decoration around a heading line: Markdown marks, pipes, quotes, closing punctuation. */
const LEADING = /^[\s#*>|_`·•-]+/u;
const TRAILING = /[\s#*|_`。：:；;]+$/u;

export function findSections(
  text: string,
  lines: Lines,
  whole: Folded,
  template: CompiledTemplate,
): FoundSection[] {
  const headings = headingsOf(template);
  if (headings.length === 0) return [];
  const byFolded = new Map<string, Heading[]>();
  const byBody = new Map<string, Heading[]>();
  for (const h of headings) {
    (byFolded.get(h.folded) ?? byFolded.set(h.folded, []).get(h.folded))?.push(h);
    (byBody.get(h.body) ?? byBody.set(h.body, []).get(h.body))?.push(h);
  }
  const maxLength = Math.max(...headings.map((h) => h.folded.length));
  const candidates = lineCandidates(text, lines, headings, byFolded, byBody, maxLength);
  const chosen = new Map<SectionDecl, Candidate>();
  let after = -1;
  for (const decl of template.sections) {
    const mine = candidates.filter((c) => c.heading.decl === decl);
    const pick = best(mine.filter((c) => c.start > after)) ?? best(mine);
    if (pick) {
      chosen.set(decl, pick);
      after = Math.max(after, pick.start);
    }
  }
  // Headings inside running text, for the sections not found on a line.
  after = -1;
  for (const decl of template.sections) {
    const found = chosen.get(decl);
    if (found) {
      after = found.end;
      continue;
    }
    const inline = inlineCandidate(
      text,
      whole,
      headings.filter((h) => h.decl === decl),
      after,
    );
    if (inline) {
      chosen.set(decl, inline);
      after = inline.end;
    }
  }
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

function best(list: Candidate[]): Candidate | undefined {
  let pick: Candidate | undefined;
  for (const c of list) if (!pick || c.rank < pick.rank) pick = c;
  return pick;
}

function lineCandidates(
  text: string,
  lines: Lines,
  headings: Heading[],
  byFolded: Map<string, Heading[]>,
  byBody: Map<string, Heading[]>,
  maxLength: number,
): Candidate[] {
  const out: Candidate[] = [];
  for (let n = 0; n < lines.starts.length; n++) {
    let start = lines.starts[n] as number;
    let end = lines.ends[n] as number;
    if (end - start > MAX_LINE * 4) continue;
    const raw = text.slice(start, end);
    const lead = LEADING.exec(raw)?.[0].length ?? 0;
    const trail = TRAILING.exec(raw.slice(lead))?.[0].length ?? 0;
    start += lead;
    end -= trail;
    if (end <= start) continue;
    const f = foldRange(text, start, end);
    const fl = f.folded;
    if (fl.length === 0 || fl.length > MAX_LINE) continue;
    const exact = byFolded.get(fl);
    if (exact) {
      for (const h of exact) out.push({ heading: h, start, end, rank: h.variant ? 1 : 0 });
      continue;
    }
    const { numbering, body } = splitNumbering(fl);
    if (!numbering) continue;
    const renumbered = byBody.get(body);
    if (renumbered) {
      for (const h of renumbered) out.push({ heading: h, start, end, rank: 2 });
      continue;
    }
    // A heading followed by text on the same line: `一、<heading>。2023年…`.
    let prefixed = false;
    for (const h of headings) {
      if (fl.length > h.folded.length && fl.startsWith(h.folded)) {
        const r = sourceRange(text, f, 0, h.folded.length);
        out.push({ heading: h, start: r.start, end: r.end, rank: h.variant ? 1 : 0 });
        prefixed = true;
      }
    }
    if (prefixed || fl.length > maxLength + 3) continue;
    for (const h of headings) {
      if (h.folded.length < 6 || h.numbering !== numbering) continue;
      if (Math.abs(h.folded.length - fl.length) > 2) continue;
      if (editDistance(fl, h.folded, 2) <= 2) out.push({ heading: h, start, end, rank: 3 });
    }
  }
  return out;
}

function inlineCandidate(
  text: string,
  whole: Folded,
  headings: Heading[],
  after: number,
): Candidate | null {
  const from = Math.max(0, firstFoldedAtOrAfter(whole, after));
  for (const h of headings) {
    const at = whole.folded.indexOf(h.folded, from);
    if (at >= 0) {
      const r = sourceRange(text, whole, at, at + h.folded.length);
      return { heading: h, start: r.start, end: r.end, rank: h.variant ? 1 : 0 };
    }
  }
  for (const h of headings) {
    if (h.variant || !h.numbering || h.body.length < 4) continue;
    const seed = h.numbering + h.body.slice(0, 2);
    let tries = 0;
    for (
      let at = whole.folded.indexOf(seed, from);
      at >= 0 && tries < MAX_INLINE_TRIES;
      at = whole.folded.indexOf(seed, at + 1)
    ) {
      tries++;
      const len = bestPrefixLength(whole.folded, at, h.folded);
      if (len > 0) {
        const r = sourceRange(text, whole, at, at + len);
        return { heading: h, start: r.start, end: r.end, rank: 3 };
      }
    }
  }
  return null;
}

/** The length of text at `at` within edit distance 2 of `target`, or 0. */
function bestPrefixLength(folded: string, at: number, target: string): number {
  let bestLength = 0;
  let bestDistance = 3;
  for (let len = target.length - 2; len <= target.length + 2; len++) {
    if (at + len > folded.length) break;
    const d = editDistance(folded.slice(at, at + len), target, 2);
    if (d < bestDistance) {
      bestDistance = d;
      bestLength = len;
    }
  }
  return bestDistance <= 2 ? bestLength : 0;
}

/** Index of the first folded unit whose source offset is at or after `offset`. */
export function firstFoldedAtOrAfter(f: Folded, offset: number): number {
  let lo = 0;
  let hi = f.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((f.offsets[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
