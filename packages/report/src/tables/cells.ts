/**
 * A row's values, from the slots collected after its label: the first k
 * values are its cells; fewer values are completed by the empty cells next
 * to them (blanks, read as 0) or reported missing; more are extra cells;
 * glued digits are cut by the template's identities (segment.ts).
 */
import type { BlockDecl } from '@govlint/dsl';
import type { Cell } from '../model.js';
import type { Token } from '../tokens.js';
import type { PreparedTable } from './prepare.js';
import { type RowIdentity, segmentRow } from './segment.js';

export type CellStatus = Cell['status'];

/**
 * What a row's cells are made with: the model's cells are made here, as each
 * value is read, not first as an intermediate read copied into a cell later.
 * A cell's column is its index in the row's list.
 */
export interface RowCells {
  readonly text: string;
  readonly table: string;
  readonly row: string;
  /** Column ids of the row's block, in order. */
  readonly columns: readonly string[];
}

export interface RowValues {
  /** One cell per column, in the block's order. */
  readonly cells: Cell[];
  /** Values beyond the k cells, before the next label. */
  readonly extra: Token[];
  /** The digits could not be cut into cells in exactly one way. */
  readonly ambiguous: { readonly candidates: number; readonly digits: string } | null;
  /** The values were cut out of glued digits. */
  readonly segmented: boolean;
}

const isValue = (t: Token): boolean => t.kind === 'number' || t.kind === 'non-numeric';

/** What the cells of a row are made with. */
export function cellIds(text: string, table: PreparedTable, row: string, block: number): RowCells {
  return { text, table: table.decl.id, row, columns: table.columnIds[block] as readonly string[] };
}

export function readValue(ids: RowCells, t: Token, column: number): Cell {
  const range = { start: t.start, end: t.end };
  if (t.kind === 'non-numeric')
    return makeCell(ids, column, 0, 'non-numeric', rawOf(ids.text, t.start, t.end), range);
  if (t.kind === 'empty') return makeCell(ids, column, 0, 'blank', '', range);
  const value = t.value;
  const raw = rawOf(ids.text, t.start, t.end);
  if (!Number.isFinite(value)) return makeCell(ids, column, null, 'missing', raw, range);
  return makeCell(ids, column, value, 'number', raw, range);
}

/** A cell with no value, at `at` (nothing is written there). */
export function missingCell(ids: RowCells, column: number, at: number): Cell {
  return makeCell(ids, column, null, 'missing', '', { start: at, end: at });
}

/** The model's cell (its keys in the model's order). */
export function makeCell(
  ids: RowCells,
  column: number,
  value: number | null,
  status: CellStatus,
  raw: string,
  range: { start: number; end: number },
): Cell {
  const id = ids.columns[column] as string;
  return { table: ids.table, row: ids.row, column: id, value, status, raw, range };
}

/**
 * Strings of two to four ASCII digits, made once: most cells hold such a
 * number, and a new string per cell cost more than the rest of its cell.
 * Keyed by the digits after a leading 1, so `07` and `7` stay apart.
 */
const SHORT_DIGITS: (string | undefined)[] = new Array<string | undefined>(20000);

/** `text.slice(start, end)`, shared for short runs of digits. */
export function rawOf(text: string, start: number, end: number): string {
  const n = end - start;
  if (n < 2 || n > 4) return text.slice(start, end);
  let key = 1;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return text.slice(start, end);
    key = key * 10 + d;
  }
  return (SHORT_DIGITS[key] ??= text.slice(start, end));
}

export function rowValues(
  ids: RowCells,
  slots: readonly Token[],
  block: BlockDecl,
  identities: readonly RowIdentity[],
  after: number,
  align: readonly (number | undefined)[] | null = null,
): RowValues {
  const k = block.columns.length;
  // The common case, a full row, is read in one pass with no intermediate lists.
  const cells: Cell[] = [];
  let extra: Token[] | null = null;
  let extraDone = false;
  for (const t of slots) {
    if (!isValue(t)) continue;
    if (cells.length < k) cells.push(readValue(ids, t, cells.length));
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
      const cells = cut.parts.map((p, c): Cell => {
        const raw = rawOf(ids.text, p.start, p.end);
        return makeCell(ids, c, Number(p.digits), 'number', raw, { start: p.start, end: p.end });
      });
      return { ...none, cells, segmented: true };
    }
    return { ...none, ambiguous: { candidates: cut.candidates, digits: cut.digits } };
  }
  const filled = (align && aligned(ids, slots, k, align)) || withBlanks(ids, slots, k, after);
  return { ...none, cells: filled };
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
  ids: RowCells,
  slots: readonly Token[],
  k: number,
  fields: readonly (number | undefined)[],
): Cell[] | null {
  const values = slots.filter(isValue);
  const line = values[0]?.line;
  if (values.length === 0 || values.some((t) => t.line !== line)) return null;
  const columnAt = new Map<number, number>();
  fields.forEach((f, c) => f !== undefined && columnAt.set(f, c));
  // Two columns under one cell: the header does not line up (unexpanded spans).
  if (columnAt.size !== fields.filter((f) => f !== undefined).length) return null;
  const cells: (Cell | undefined)[] = new Array(k);
  let previous = -1;
  for (const t of values) {
    const c = columnAt.get(t.field);
    if (c === undefined || c <= previous) return null;
    cells[c] = readValue(ids, t, c);
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
    return empty ? readValue(ids, empty, c) : missingCell(ids, c, after);
  });
}

/**
 * Fewer values than columns: the empty cells next to the values on their
 * lines complete the row (an empty cell is a blank, read as 0); whatever is
 * still lacking is missing, at the end of the row.
 */
function withBlanks(ids: RowCells, slots: readonly Token[], k: number, after: number): Cell[] {
  const first = slots.findIndex(isValue);
  const lines = new Set(slots.filter(isValue).map((t) => t.line));
  if (first < 0) {
    // No value at all: a row of empty cells (HTML `&nbsp;`) or nothing.
    const empties = slots.filter((t) => t.kind === 'empty');
    if (empties.length !== k || new Set(empties.map((t) => t.line)).size !== 1) return [];
    return empties.map((t, c) => readValue(ids, t, c));
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
  const cells = window.map((t, c) => readValue(ids, t, c));
  const end = window.length > 0 ? (window[window.length - 1] as Token).end : after;
  for (let c = cells.length; c < k; c++) cells.push(missingCell(ids, c, end));
  return cells;
}
