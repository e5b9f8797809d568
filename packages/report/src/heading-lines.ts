/**
 * Heading candidates, one line at a time: a line that starts like a heading
 * (after its decoration) and holds the first two characters of a heading's
 * body near its start is folded into units and compared with the headings
 * of its length, exactly, renumbered, prefixed or fuzzily.
 */
import { editDistance } from '@govlint/text';
import { foldOffsets, foldUnit, foldUnits, sourceRange, unitsEqual, unitsString } from './fold.js';
import { type Candidate, NONE, type Prepared, pairKey } from './headings.js';
import type { Lines } from './lines.js';
import { numberingLength } from './numbering.js';
import { hasUnit, unitSet } from './unit-set.js';

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
export function lineCandidates(text: string, lines: Lines, p: Prepared): Candidate[] {
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
      const r = sourceRange(text, foldOffsets(text, start, end), 0, h.folded.length);
      out.push({ heading: h, start: r.start, end: r.end, rank: h.variant ? 1 : 0 });
      found = true;
    }
  }
  return found;
}
