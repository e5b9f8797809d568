/**
 * One pass over a table region's tokens: labels are matched (guided by the
 * template), each row label opens a row that collects the values after it
 * until the next label or a stray piece of text. The header zone (before
 * the first row, and after each block anchor) is where column labels are
 * looked for. Nothing here decides what the values mean: see cells.ts.
 */
import type { RowDecl } from '@govlint/dsl';
import { foldSlice } from '../fold.js';
import { type Label, type MatchKind, type TableLabels, columnKey, matchExact } from '../labels.js';
import { isBareNumbering } from '../numbering.js';
import type { Token } from '../tokens.js';
import type { RowValues } from './cells.js';
import type { ExactLabels } from './exact-labels.js';
import { type PendingHit, matchAt } from './match-at.js';
import type { PreparedTable } from './prepare.js';

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
  /** What the slots hold as cells, once worked out (rows.ts): kept on the row, not in a map. */
  values: RowValues | null;
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

export function scanTable(text: string, tokens: readonly Token[], table: PreparedTable): TableScan {
  const s = new Scanner(text, tokens, table.labels, table.rows, table.exact);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'text') s.onValue(t, i);
    else i = s.onText(t, i);
  }
  s.finish();
  s.endOrphan();
  return s.scan;
}

/** The index of a table's unlabelled row (-1: none), found once per template's row list. */
const unlabelledRows = new WeakMap<readonly RowRef[], number>();

function unlabelledRow(rowRefs: readonly RowRef[]): number {
  let index = unlabelledRows.get(rowRefs);
  if (index === undefined) {
    index = rowRefs.findIndex((r) => r.decl.label === '');
    unlabelledRows.set(rowRefs, index);
  }
  return index;
}

/*
 * The scan's state, with one small method per kind of token: TurboFan
 * compiles small methods on one shape of object quickly, where one big
 * function with closures over its state took long and was compiled again
 * after each deopt.
 */
class Scanner {
  readonly scan: TableScan;
  private readonly matched: boolean[];
  private lastMatched = -1;
  private zone: 'header' | 'rows' = 'header';
  private headerBlock = 0;
  private current: RowScan | null = null;
  private orphan: Token[] = [];
  private pendingEmpty: Token[] = [];
  private numberingBefore = '';
  /** Columns already found in the header, as `columnKey`s. */
  private readonly headerSeen = new Set<number>();
  private readonly unlabelled: number;
  /** Each text token folded, made when first needed (most tokens are found without it). */
  private readonly folded: (string | undefined)[];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly labels: TableLabels,
    private readonly rowRefs: readonly RowRef[],
    private readonly exact: ExactLabels,
  ) {
    this.scan = {
      rows: [],
      header: [],
      others: [],
      unmatchedHeader: [],
      stray: [],
      orphanRuns: [],
      tokens,
    };
    this.matched = new Array<boolean>(rowRefs.length).fill(false);
    this.unlabelled = unlabelledRow(rowRefs);
    this.folded = new Array<string | undefined>(tokens.length);
  }

  /** Token `i` folded (text tokens; '' for the others). */
  readonly foldedAt = (i: number): string => {
    let f = this.folded[i];
    if (f === undefined) {
      const t = this.tokens[i] as Token;
      f = t.kind === 'text' ? foldSlice(this.text, t.start, t.end) : '';
      this.folded[i] = f;
    }
    return f;
  };

  // Loops rather than filtered copies: a header repeats its column labels under each group.
  readonly prefer = (candidates: readonly Label[]): Label | undefined => {
    if (candidates.length <= 1) return candidates[0];
    // Rows first: the next unmatched row after the last one matched, else any unmatched, else the first.
    let firstRow: Label | undefined;
    let firstUnmatched: Label | undefined;
    for (let i = 0; i < candidates.length; i++) {
      const l = candidates[i] as Label;
      if (l.kind !== 'row') continue;
      firstRow ??= l;
      if (this.matched[l.index]) continue;
      if (l.index > this.lastMatched) return l;
      firstUnmatched ??= l;
    }
    if (firstRow) return firstUnmatched ?? firstRow;
    // Else a label not yet seen in the header, in the current block if possible.
    let firstFresh: Label | undefined;
    for (let i = 0; i < candidates.length; i++) {
      const l = candidates[i] as Label;
      if (l.kind === 'column' && this.headerSeen.has(columnKey(l))) continue;
      if (l.block === this.headerBlock) return l;
      firstFresh ??= l;
    }
    return firstFresh ?? candidates[0];
  };

  readonly accept = (l: Label): boolean =>
    this.zone === 'header' ||
    l.kind === 'row' ||
    l.kind === 'row-group' ||
    l.kind.endsWith('anchor');

  finish(): void {
    if (this.current) this.scan.rows.push(this.current);
    this.current = null;
  }

  endOrphan(): void {
    // A new list only when the old one was kept: this runs at every label.
    if (this.orphan.length > 0) {
      this.scan.orphanRuns.push(this.orphan);
      this.orphan = [];
    }
  }

  /** A value or an empty cell. */
  onValue(t: Token, i: number): void {
    if (this.current) this.current.slots.push(t);
    else if (t.kind === 'empty') this.pendingEmpty.push(t);
    else if (
      this.zone === 'header' &&
      this.unlabelled >= 0 &&
      !this.matched[this.unlabelled] &&
      t.kind === 'number'
    )
      this.openUnlabelled(t, i);
    else this.orphan.push(t);
    if (t.kind !== 'empty' && this.pendingEmpty.length > 0) this.pendingEmpty = [];
  }

  /** A number in the header zone of a table with an unlabelled row opens that row. */
  private openUnlabelled(t: Token, i: number): void {
    const index = this.unlabelled;
    this.matched[index] = true;
    const ref = this.rowRefs[index] as RowRef;
    const label = this.labels.labels.find(
      (l) => l.kind === 'column' && l.block === ref.block,
    ) as Label;
    const hit: LabelHit = { label, how: 'exact', start: t.start, end: t.start, token: i };
    const slots = this.pendingEmpty.slice();
    slots.push(t);
    this.current = { index, decl: ref.decl, block: ref.block, hit, slots, values: null };
  }

  /** A text token: numbering, a label (exact, split, inner or relaxed) or stray text. Returns the last token consumed. */
  onText(t: Token, i: number): number {
    if (this.pendingEmpty.length > 0) this.pendingEmpty = [];
    // Most text is one label, written exactly: found from the source, with no folded string.
    const direct = this.exact.lookup(this.text, t.start, t.end);
    if (direct !== null && direct.length > 0) {
      const chosen = this.prefer(
        direct.length === 1 && this.accept(direct[0] as Label)
          ? direct
          : direct.filter(this.accept),
      );
      if (chosen) {
        const how = chosen.alias ? 'alias' : 'exact';
        this.onHit({ label: chosen, how, start: t.start, end: t.end, token: i });
        return i;
      }
    }
    const f = this.foldedAt(i);
    if (f.length === 0) return i;
    if (isBareNumbering(f)) {
      this.numberingBefore = f;
      return i;
    }
    // Most text is one label, written exactly: its hit is made here, with nothing pending.
    const exact = matchExact(this.labels, f, this.accept, this.prefer, this.numberingBefore);
    if (exact) {
      this.onHit({ label: exact.label, how: exact.how, start: t.start, end: t.end, token: i });
      return i;
    }
    const found = matchAt(
      this.text,
      this.tokens,
      this.foldedAt,
      i,
      this.labels,
      this.accept,
      this.prefer,
      this.numberingBefore,
      this.zone,
    );
    if (!found) {
      this.onStray(i);
      return i;
    }
    this.onPending(found.hits);
    return found.last;
  }

  private onPending(hits: readonly PendingHit[]): void {
    for (let j = 0; j < hits.length; j++) {
      const h = hits[j] as PendingHit;
      const label =
        this.prefer(h.candidates.length === 1 ? h.candidates : h.candidates.filter(this.accept)) ??
        this.prefer(h.candidates);
      if (label) this.onHit({ label, how: h.how, start: h.start, end: h.end, token: h.token });
    }
  }

  private onHit(hit: LabelHit): void {
    const l = hit.label;
    if ((l.kind === 'column' || l.kind === 'column-group') && this.zone !== 'header') {
      this.onStray(hit.token);
      return;
    }
    this.finish();
    this.endOrphan();
    this.numberingBefore = '';
    switch (l.kind) {
      case 'row': {
        this.zone = 'rows';
        this.headerBlock = l.block;
        if (this.matched[l.index]) return; // a repeated table: its labels end rows, nothing more
        this.matched[l.index] = true;
        this.lastMatched = l.index;
        const ref = this.rowRefs[l.index] as RowRef;
        this.current = {
          index: l.index,
          decl: ref.decl,
          block: ref.block,
          hit,
          slots: [],
          values: null,
        };
        return;
      }
      case 'row-group':
        this.zone = 'rows';
        this.scan.others.push(hit);
        return;
      case 'block-anchor':
      case 'table-anchor':
        if (l.kind === 'block-anchor') this.headerBlock = l.block;
        this.zone = 'header';
        this.scan.others.push(hit);
        return;
      default:
        if (l.kind === 'column') this.headerSeen.add(columnKey(l));
        this.scan.header.push(hit);
    }
  }

  private onStray(index: number): void {
    this.finish();
    this.endOrphan();
    const token = this.tokens[index] as Token;
    if (this.zone === 'header') this.scan.unmatchedHeader.push({ token, index });
    else this.scan.stray.push({ token, index });
  }
}
