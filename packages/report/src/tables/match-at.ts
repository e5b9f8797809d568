/**
 * A text token of a table that is not exactly a label: a label split over
 * tokens (`AB⏎CD`), labels inside a longer span, or a relaxed match. The
 * scan (scan.ts) chooses among the candidates when it reaches each hit.
 */
import { foldOffsets, sourceRange } from '../fold.js';
import {
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
      const offsets = { offsets: foldOffsets(text, t.start, t.end) };
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
