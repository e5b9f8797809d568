/**
 * A row's values, from the slots collected after its label: the first k
 * values are its cells; fewer values are completed by the empty cells next
 * to them (blanks, read as 0) or reported missing; more are extra cells;
 * glued digits are cut by the template's identities (segment.ts).
 */
import type { BlockDecl } from '@govlint/dsl';
import type { Cell } from '../model.js';
import type { Token } from '../tokens.js';
import { type RowIdentity, segmentRow } from './segment.js';

export type CellStatus = Cell['status'];

export interface CellRead {
  readonly column: number;
  readonly value: number | null;
  readonly status: CellStatus;
  /** Made once here and kept by the model's cell (no copy per cell). */
  readonly range: { readonly start: number; readonly end: number };
}

export interface RowValues {
  /** One entry per column, in the block's order. */
  readonly cells: CellRead[];
  /** Values beyond the k cells, before the next label. */
  readonly extra: Token[];
  /** The digits could not be cut into cells in exactly one way. */
  readonly ambiguous: { readonly candidates: number; readonly digits: string } | null;
  /** The values were cut out of glued digits. */
  readonly segmented: boolean;
}

const isValue = (t: Token): boolean => t.kind === 'number' || t.kind === 'non-numeric';

export function readValue(t: Token, column: number): CellRead {
  if (t.kind === 'non-numeric')
    return { column, value: 0, status: 'non-numeric', range: { start: t.start, end: t.end } };
  if (t.kind === 'empty')
    return { column, value: 0, status: 'blank', range: { start: t.start, end: t.end } };
  const value = t.value;
  if (!Number.isFinite(value))
    return { column, value: null, status: 'missing', range: { start: t.start, end: t.end } };
  return { column, value, status: 'number', range: { start: t.start, end: t.end } };
}

export function rowValues(
  slots: readonly Token[],
  block: BlockDecl,
  identities: readonly RowIdentity[],
  after: number,
  align: readonly (number | undefined)[] | null = null,
): RowValues {
  const k = block.columns.length;
  // The common case, a full row, is read in one pass with no intermediate lists.
  const cells: CellRead[] = [];
  let extra: Token[] | null = null;
  let extraDone = false;
  for (const t of slots) {
    if (!isValue(t)) continue;
    if (cells.length < k) cells.push(readValue(t, cells.length));
    else if (!extraDone) {
      // Only whole cells count as extra: digits inside running text after the table do not.
      if (t.alone) (extra ??= []).push(t);
      else extraDone = true;
    }
  }
  if (cells.length === k) return { cells, extra: extra ?? [], ambiguous: null, segmented: false };
  const values = slots.filter(isValue);
  const none: RowValues = { cells: [], extra: [], ambiguous: null, segmented: false };
  if (values.length > 0 && values.every((t) => t.kind === 'number') && isGlued(values, k)) {
    const cut = segmentRow(values, k, identities, (c) => block.columns[c]?.kind.type === 'amount');
    if (cut.kind === 'unique') {
      const cells = cut.parts.map((p, c): CellRead => ({
        column: c,
        value: Number(p.digits),
        status: 'number',
        range: { start: p.start, end: p.end },
      }));
      return { ...none, cells, segmented: true };
    }
    return { ...none, ambiguous: { candidates: cut.candidates, digits: cut.digits } };
  }
  return { ...none, cells: (align && aligned(slots, k, align)) || withBlanks(slots, k, after) };
}

/** Digits run into text or into each other: a flattened row. */
function isGlued(values: readonly Token[], k: number): boolean {
  const digitCount = values.reduce((n, t) => n + t.digits.replace(/[-.]/gu, '').length, 0);
  if (digitCount < k) return false;
  return values.some((t) => t.gluedLeft || t.gluedRight) || (values.length === 1 && k > 1);
}

/**
 * Fewer values than columns, on one line, under a header whose labels sit in
 * known cells: each value belongs to the column above it, and the empty cells
 * under the other columns are blanks. Null when the values do not line up.
 */
function aligned(
  slots: readonly Token[],
  k: number,
  fields: readonly (number | undefined)[],
): CellRead[] | null {
  const values = slots.filter(isValue);
  const line = values[0]?.line;
  if (values.length === 0 || values.some((t) => t.line !== line)) return null;
  const columnAt = new Map<number, number>();
  fields.forEach((f, c) => f !== undefined && columnAt.set(f, c));
  // Two columns under one cell: the header does not line up (unexpanded spans).
  if (columnAt.size !== fields.filter((f) => f !== undefined).length) return null;
  const cells: (CellRead | undefined)[] = new Array(k);
  let previous = -1;
  for (const t of values) {
    const c = columnAt.get(t.field);
    if (c === undefined || c <= previous) return null;
    cells[c] = readValue(t, c);
    previous = c;
  }
  const empties = new Map(
    slots.filter((t) => t.kind === 'empty' && t.line === line).map((t) => [t.field, t]),
  );
  // The row must be as wide as the header, or the header does not describe it.
  let width = 0;
  for (const t of values) width = Math.max(width, t.field);
  for (const f of empties.keys()) width = Math.max(width, f);
  if (width !== fields.reduce((w: number, f) => Math.max(w, f ?? 0), 0)) return null;
  const after = (values[values.length - 1] as Token).end;
  return Array.from(cells, (cell, c) => {
    if (cell) return cell;
    const f = fields[c];
    const empty = f === undefined ? undefined : empties.get(f);
    return empty
      ? readValue(empty, c)
      : { column: c, value: null, status: 'missing', range: { start: after, end: after } };
  });
}

/**
 * Fewer values than columns: the empty cells next to the values on their
 * lines complete the row (an empty cell is a blank, read as 0); whatever is
 * still lacking is missing, at the end of the row.
 */
function withBlanks(slots: readonly Token[], k: number, after: number): CellRead[] {
  const first = slots.findIndex(isValue);
  const lines = new Set(slots.filter(isValue).map((t) => t.line));
  if (first < 0) {
    // No value at all: a row of empty cells (HTML `&nbsp;`) or nothing.
    const empties = slots.filter((t) => t.kind === 'empty');
    if (empties.length !== k || new Set(empties.map((t) => t.line)).size !== 1) return [];
    return empties.map(readValue);
  }
  let last = first;
  for (let i = first; i < slots.length; i++) if (isValue(slots[i] as Token)) last = i;
  const core = slots.slice(first, last + 1).filter((t) => isValue(t) || lines.has(t.line));
  let lead = 0;
  while (
    first - lead - 1 >= 0 &&
    slots[first - lead - 1]?.kind === 'empty' &&
    slots[first - lead - 1]?.line === slots[first]?.line
  )
    lead++;
  let trail = 0;
  while (
    slots[last + trail + 1]?.kind === 'empty' &&
    slots[last + trail + 1]?.line === slots[last]?.line
  )
    trail++;
  const need = Math.max(0, k - core.length);
  const fromLead = Math.min(need, lead);
  const fromTrail = Math.min(need - fromLead, trail);
  const window = [
    ...slots.slice(first - fromLead, first),
    ...core,
    ...slots.slice(last + 1, last + 1 + fromTrail),
  ].slice(0, k);
  const cells = window.map(readValue);
  const end = window.length > 0 ? (window[window.length - 1] as Token).end : after;
  for (let c = cells.length; c < k; c++)
    cells.push({ column: c, value: null, status: 'missing', range: { start: end, end } });
  return cells;
}
