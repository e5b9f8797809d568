/**
 * One pass over a table region's tokens: labels are matched (guided by the
 * template), each row label opens a row that collects the values after it
 * until the next label or a stray piece of text. The header zone (before
 * the first row, and after each block anchor) is where column labels are
 * looked for. Nothing here decides what the values mean: see cells.ts.
 */
import type { RowDecl } from '@govlint/dsl';
import { foldOffsets, foldSlice, sourceRange } from '../fold.js';
import {
  type Label,
  type LabelMatch,
  type MatchKind,
  type TableLabels,
  columnKey,
  findInner,
  matchExact,
  matchRelaxed,
} from '../labels.js';
import { isBareNumbering } from '../numbering.js';
import type { Token } from '../tokens.js';

export interface LabelHit {
  readonly label: Label;
  readonly how: MatchKind;
  readonly start: number;
  readonly end: number;
  /** Index of the (first) token the hit came from. */
  readonly token: number;
}

export interface RowScan {
  readonly index: number;
  readonly decl: RowDecl;
  readonly block: number;
  readonly hit: LabelHit;
  /** Values and empty cells after the label, in order. */
  readonly slots: Token[];
}

export interface TableScan {
  readonly rows: RowScan[];
  /** Column and column-group labels found in header zones. */
  readonly header: LabelHit[];
  /** Row groups, anchors: every other label found. */
  readonly others: LabelHit[];
  /** Text in a header zone that matched nothing, with its token index. */
  readonly unmatchedHeader: { token: Token; index: number }[];
  /** Text in the rows zone that matched nothing: it ends a row. */
  readonly stray: { token: Token; index: number }[];
  /** Runs of values that belong to no row. */
  readonly orphanRuns: Token[][];
  readonly tokens: readonly Token[];
}

export interface RowRef {
  readonly decl: RowDecl;
  readonly block: number;
}

const MAX_MERGE = 6;
/** Numbering or marks before a label's first ideograph (compiled once: it runs per unmatched token). */
const LEADING_NON_HAN = /^[^\p{Script=Han}]+/u;
const SENTENCE = /[。；;！!？?]/u;

export function scanTable(
  text: string,
  tokens: readonly Token[],
  labels: TableLabels,
  rowRefs: readonly RowRef[],
): TableScan {
  const scan: TableScan = {
    rows: [],
    header: [],
    others: [],
    unmatchedHeader: [],
    stray: [],
    orphanRuns: [],
    tokens,
  };
  const matched = new Array<boolean>(rowRefs.length).fill(false);
  let lastMatched = -1;
  let zone: 'header' | 'rows' = 'header';
  let headerBlock = 0;
  let current: RowScan | null = null;
  let orphan: Token[] = [];
  let pendingEmpty: Token[] = [];
  let numberingBefore = '';
  /** Columns already found in the header, as `columnKey`s. */
  const headerSeen = new Set<number>();

  const unlabelled = rowRefs.findIndex((r) => r.decl.label === '');
  const folded: string[] = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    folded[i] = t.kind === 'text' ? foldSlice(text, t.start, t.end) : '';
  }

  // Loops rather than filtered copies: a header repeats its column labels under each group.
  const prefer = (candidates: readonly Label[]): Label | undefined => {
    if (candidates.length <= 1) return candidates[0];
    // Rows first: the next unmatched row after the last one matched, else any unmatched, else the first.
    let firstRow: Label | undefined;
    let firstUnmatched: Label | undefined;
    for (const l of candidates) {
      if (l.kind !== 'row') continue;
      firstRow ??= l;
      if (matched[l.index]) continue;
      if (l.index > lastMatched) return l;
      firstUnmatched ??= l;
    }
    if (firstRow) return firstUnmatched ?? firstRow;
    // Else a label not yet seen in the header, in the current block if possible.
    let firstFresh: Label | undefined;
    for (const l of candidates) {
      if (l.kind === 'column' && headerSeen.has(columnKey(l))) continue;
      if (l.block === headerBlock) return l;
      firstFresh ??= l;
    }
    return firstFresh ?? candidates[0];
  };
  const accept = (l: Label): boolean =>
    zone === 'header' || l.kind === 'row' || l.kind === 'row-group' || l.kind.endsWith('anchor');

  const finish = (): void => {
    if (current) scan.rows.push(current);
    current = null;
  };
  const endOrphan = (): void => {
    // A new list only when the old one was kept: this runs at every label.
    if (orphan.length > 0) {
      scan.orphanRuns.push(orphan);
      orphan = [];
    }
  };

  const onHit = (hit: LabelHit): void => {
    const l = hit.label;
    if ((l.kind === 'column' || l.kind === 'column-group') && zone !== 'header') {
      onStray(hit.token);
      return;
    }
    finish();
    endOrphan();
    numberingBefore = '';
    switch (l.kind) {
      case 'row': {
        zone = 'rows';
        headerBlock = l.block;
        if (matched[l.index]) return; // a repeated table: its labels end rows, nothing more
        matched[l.index] = true;
        lastMatched = l.index;
        const ref = rowRefs[l.index] as RowRef;
        current = { index: l.index, decl: ref.decl, block: ref.block, hit, slots: [] };
        return;
      }
      case 'row-group':
        zone = 'rows';
        scan.others.push(hit);
        return;
      case 'block-anchor':
      case 'table-anchor':
        if (l.kind === 'block-anchor') headerBlock = l.block;
        zone = 'header';
        scan.others.push(hit);
        return;
      default:
        if (l.kind === 'column') headerSeen.add(columnKey(l));
        scan.header.push(hit);
    }
  };

  const onStray = (index: number): void => {
    finish();
    endOrphan();
    const token = tokens[index] as Token;
    if (zone === 'header') scan.unmatchedHeader.push({ token, index });
    else scan.stray.push({ token, index });
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'text') {
      if (current) (current as RowScan).slots.push(t);
      else if (t.kind === 'empty') pendingEmpty.push(t);
      else if (
        zone === 'header' &&
        unlabelled >= 0 &&
        !matched[unlabelled] &&
        t.kind === 'number'
      ) {
        matched[unlabelled] = true;
        const ref = rowRefs[unlabelled] as RowRef;
        const label = labels.labels.find(
          (l) => l.kind === 'column' && l.block === ref.block,
        ) as Label;
        const hit: LabelHit = { label, how: 'exact', start: t.start, end: t.start, token: i };
        current = {
          index: unlabelled,
          decl: ref.decl,
          block: ref.block,
          hit,
          slots: [...pendingEmpty, t],
        };
      } else orphan.push(t);
      if (t.kind !== 'empty' && pendingEmpty.length > 0) pendingEmpty = [];
      continue;
    }
    if (pendingEmpty.length > 0) pendingEmpty = [];
    const f = folded[i] as string;
    if (f.length === 0) continue;
    if (isBareNumbering(f)) {
      numberingBefore = f;
      continue;
    }
    // Most text is one label, written exactly: its hit is made here, with nothing pending.
    const exact = matchExact(labels, f, accept, prefer, numberingBefore);
    if (exact) {
      onHit({ label: exact.label, how: exact.how, start: t.start, end: t.end, token: i });
      continue;
    }
    const found = matchAt(text, tokens, folded, i, labels, accept, prefer, numberingBefore, zone);
    if (!found) {
      onStray(i);
      continue;
    }
    for (const h of found.hits) {
      const label =
        prefer(h.candidates.length === 1 ? h.candidates : h.candidates.filter(accept)) ??
        prefer(h.candidates);
      if (label) onHit({ label, how: h.how, start: h.start, end: h.end, token: h.token });
    }
    i = found.last;
  }
  finish();
  endOrphan();
  return scan;
}

/** A hit whose label is chosen when it is reached (the choice depends on what came before). */
interface PendingHit extends Omit<LabelHit, 'label'> {
  readonly candidates: readonly Label[];
}

interface Found {
  readonly hits: PendingHit[];
  /** Index of the last token consumed. */
  readonly last: number;
}

/** A token that is not exactly a label: a label split over tokens, labels inside it, or a relaxed match. */
function matchAt(
  text: string,
  tokens: readonly Token[],
  folded: readonly string[],
  i: number,
  labels: TableLabels,
  accept: (l: Label) => boolean,
  prefer: (c: readonly Label[]) => Label | undefined,
  numberingBefore: string,
  zone: 'header' | 'rows',
): Found | null {
  const t = tokens[i] as Token;
  const f = { folded: folded[i] as string };
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
      joined += folded[j] as string;
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
