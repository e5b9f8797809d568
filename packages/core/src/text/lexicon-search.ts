/**
 * Searching a pack's lexicon (a word list) in parts of the report. Builtin
 * checks read their words from lexicons, never from code. A lexicon is a
 * set of literals, so it is looked up in the report's literal index (no
 * matcher needed), with the matcher's rules: folded comparison, leftmost
 * matches, the entry declared first wins at one place, no overlaps.
 */
import type { LexiconEntry, PatternMatch } from '@govlint/dsl';
import { foldLabel, type Range } from '@govlint/text';
import type { TextContext } from './context.js';

/** Every match of the lexicon's entries inside the units, in text order. */
export function lexiconMatches(
  ctx: TextContext,
  name: string,
  units: readonly Range[],
): PatternMatch[] {
  const entries = ctx.lexicon(name);
  if (entries.length === 0 || units.length === 0) return [];
  const offsets = ctx.folded().sourceOffsets;
  const literals = ctx.literals();
  const sorted = isSorted(units) ? units : [...units].sort((a, b) => a.start - b.start);
  const found: { start: number; end: number; order: number; unit: number }[] = [];
  foldedEntries(entries).forEach((needle, order) => {
    if (!needle) return;
    for (const at of literals.positions(needle)) {
      const start = offsets[at]!;
      const last = offsets[at + needle.length - 1]!;
      const end = last + ((ctx.text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1);
      const unit = unitOf(sorted, start);
      if (unit >= 0 && end <= sorted[unit]!.end) found.push({ start, end, order, unit });
    }
  });
  found.sort((a, b) => a.start - b.start || a.order - b.order);
  const out: PatternMatch[] = [];
  let taken = -1;
  for (const f of found) {
    if (f.start < taken) continue;
    taken = f.end;
    const note = entries[f.order]!.note;
    const range = { start: f.start, end: f.end };
    const text = ctx.text.slice(f.start, f.end);
    // Two literals, not a spread (slow on Node 20): `note` is absent, not undefined.
    out.push(
      note !== undefined ? { range, text, captures: {}, note } : { range, text, captures: {} },
    );
  }
  return out;
}

const folded = new WeakMap<readonly LexiconEntry[], readonly string[]>();

/** A lexicon's entries folded, once per pack. */
function foldedEntries(entries: readonly LexiconEntry[]): readonly string[] {
  let out = folded.get(entries);
  if (!out) folded.set(entries, (out = entries.map((e) => foldLabel(e.text))));
  return out;
}

function isSorted(units: readonly Range[]): boolean {
  for (let i = 1; i < units.length; i++) if (units[i]!.start < units[i - 1]!.start) return false;
  return true;
}

/** Whether any entry of the lexicon occurs inside the units. */
export function hasLexicon(ctx: TextContext, name: string, units: readonly Range[]): boolean {
  return lexiconMatches(ctx, name, units).length > 0;
}

const SENTENCES = { unit: 'sentence' } as const;

/** The sentences of the narrative (outside tables, headings and the title). */
export function sentences(ctx: TextContext, section?: string): readonly Range[] {
  return ctx.units(section ? { section, unit: 'sentence' } : SENTENCES);
}

/** The index of the unit (sorted, not overlapping) containing `offset`, or -1. */
function unitOf(sorted: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset < sorted[found]!.end ? found : -1;
}
