/**
 * A text token of a table that is not exactly a label: a label split over
 * tokens (`AB⏎CD`), labels inside a longer span, or a relaxed match. The
 * scan (scan.ts) chooses among the candidates when it reaches each hit.
 */
import { foldCodePoint, foldUnit, sourceRange } from '../fold.js';
import {
  type InnerHit,
  type Label,
  type LabelMatch,
  type TableLabels,
  findInner,
  matchExact,
  matchRelaxed,
} from '../labels.js';
import type { Token } from '../tokens.js';
import type { LabelHit } from './scan.js';

const MAX_MERGE = 6;
/** Numbering or marks before a label's first ideograph (compiled once: it runs per unmatched token). */
const LEADING_NON_HAN = /^[^\p{Script=Han}]+/u;
const SENTENCE = /[。；;！!？?]/u;

/** A hit whose label is chosen when it is reached (the choice depends on what came before). */
export interface PendingHit extends Omit<LabelHit, 'label'> {
  readonly candidates: readonly Label[];
}

export interface Found {
  readonly hits: PendingHit[];
  /** Index of the last token consumed. */
  readonly last: number;
}

/** A token that is not exactly a label: a label split over tokens, labels inside it, or a relaxed match. */
export function matchAt(
  text: string,
  tokens: readonly Token[],
  foldedAt: (i: number) => string,
  i: number,
  labels: TableLabels,
  accept: (l: Label) => boolean,
  prefer: (c: readonly Label[]) => Label | undefined,
  numberingBefore: string,
  zone: 'header' | 'rows',
): Found | null {
  const t = tokens[i] as Token;
  const f = { folded: foldedAt(i) };
  const single = (m: LabelMatch, last = i): Found => ({
    hits: [
      {
        candidates: [m.label],
        how: m.how,
        start: t.start,
        end: (tokens[last] as Token).end,
        token: i,
      },
    ],
    last,
  });
  // (An exact match of the token alone was tried by the caller.)
  // A label split over several cells or lines: `AB⏎CD` for `ABCD`.
  if (labels.prefixes.has(f.folded) || labels.prefixes.has(f.folded.replace(LEADING_NON_HAN, ''))) {
    let joined = f.folded;
    for (let j = i + 1, merged = 0; j < tokens.length && merged < MAX_MERGE; j++) {
      const next = tokens[j] as Token;
      if (next.kind === 'empty') continue;
      if (next.kind !== 'text') break;
      joined += foldedAt(j);
      merged++;
      const m = matchExact(labels, joined, accept, prefer, numberingBefore);
      if (m) return single(m, j);
      if (!labels.prefixes.has(joined)) break;
    }
  }
  // Labels inside a longer span, but not inside a sentence (a note under the
  // table that mentions a row is not that row).
  if (f.folded.length >= 4 && !SENTENCE.test(f.folded)) {
    // A row label after other words in the same span (a note under the table) is a mention, not the row.
    const inner = findInner(labels, f.folded).filter(
      (h) => !h.afterText || !h.labels.some((l) => l.kind === 'row' || l.kind === 'row-group'),
    );
    if (inner.length > 0) {
      let upTo = 0;
      for (let k = 0; k < inner.length; k++) upTo = Math.max(upTo, (inner[k] as InnerHit).to);
      const offsets = foldedOffsets(text, t.start, t.end, upTo);
      const hits = inner.map((h): PendingHit => {
        const { start, end } = sourceRange(text, offsets, h.from, h.to);
        return { candidates: h.labels, how: 'exact', start, end, token: i };
      });
      return { hits, last: i };
    }
  }
  const relaxed = matchRelaxed(labels, f.folded, accept, prefer, zone === 'header' ? 1 : 2);
  return relaxed ? single(relaxed) : null;
}

/**
 * The source offset of each folded unit of `text[start, end)`, as
 * `foldOffsets` gives them, but only the first `upTo + 1` (or a few more) and in a plain
 * list: a typed array and its subarray cost more to make than the walk.
 */
export function foldedOffsets(text: string, start: number, end: number, upTo: number): number[] {
  const offsets: number[] = [];
  for (let i = start; i < end && offsets.length <= upTo; i++) {
    const v = foldUnit(text.charCodeAt(i));
    if (v === -1) continue; // deleted by folding
    if (v === -2) {
      // Several units, or a surrogate pair: each folded unit points at the code point.
      const cp = text.codePointAt(i) as number;
      const units = foldCodePoint(cp).length;
      for (let k = 0; k < units; k++) offsets.push(i);
      if (cp > 0xffff) i++;
      continue;
    }
    offsets.push(i);
  }
  if (offsets.length <= upTo) offsets.push(end);
  return offsets;
}
