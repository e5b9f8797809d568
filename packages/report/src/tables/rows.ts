/**
 * The rows of a table, from the scan: each row's values, the rows read by
 * position added, in the template's order, and the rows of the model.
 */
import type { BlockDecl } from '@govlint/dsl';
import type { Table } from '../model.js';
import { cellIds, rowValues } from './cells.js';
import type { RowIdentity } from './segment.js';
import { rowsFromExtraValues } from './position.js';
import type { PreparedTable } from './prepare.js';
import type { RowScan, TableScan } from './scan.js';

const NO_IDENTITIES: readonly RowIdentity[] = [];

/** Each row's values (its cells, extra values, glued digits cut), kept on the row. */
export function rowValuesOf(text: string, table: PreparedTable, scan: TableScan): void {
  const blocks = table.decl.blocks;
  for (let i = 0; i < scan.rows.length; i++) {
    const row = scan.rows[i] as RowScan;
    const block = blocks[row.block] as BlockDecl;
    // An unlabelled row has no label columns to shift it: its cells line up with the header.
    const align =
      row.decl.label === '' ? headerFields(scan, row.block, block.columns.length) : null;
    const identities = table.identities.get(row.decl.id) ?? NO_IDENTITIES;
    const ids = cellIds(text, table, row.decl.id, row.block);
    row.values = rowValues(ids, row.slots, block, identities, row.hit.end, align);
  }
}

/** The rows found, and those read by position, in the template's order. */
export function orderedRows(text: string, table: PreparedTable, scan: TableScan): RowScan[] {
  const rows = scan.rows.slice();
  const more = rowsFromExtraValues(text, table, scan.rows);
  for (let i = 0; i < more.length; i++) rows.push(more[i] as RowScan);
  // Rows are usually found in the template's order: sorted only when they were not.
  for (let i = 1; i < rows.length; i++) {
    if ((rows[i - 1] as RowScan).index > (rows[i] as RowScan).index) {
      rows.sort((a, b) => a.index - b.index);
      break;
    }
  }
  return rows;
}

export function presentRows(rows: readonly RowScan[]): RowScan[] {
  const present: RowScan[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as RowScan;
    const v = r.values;
    if (v && (v.cells.length > 0 || v.ambiguous)) present.push(r);
  }
  return present;
}

export function modelRows(
  text: string,
  tableId: string,
  present: readonly RowScan[],
): Table['rows'] {
  const rows: Table['rows'] = [];
  for (let i = 0; i < present.length; i++) {
    const r = present[i] as RowScan;
    rows.push({
      table: tableId,
      row: r.decl.id,
      label: r.decl.label === '' ? '' : text.slice(r.hit.start, r.hit.end),
      labelRange: { start: r.hit.start, end: r.hit.end },
      match: r.hit.how,
    });
  }
  return rows;
}

/** The field (cell index on its line) of each column's header label, when found. */
function headerFields(scan: TableScan, block: number, columns: number): (number | undefined)[] {
  const fields: (number | undefined)[] = new Array(columns);
  for (const h of scan.header) {
    const t = scan.tokens[h.token];
    if (h.label.kind === 'column' && h.label.block === block && t)
      fields[h.label.index] ??= t.field;
  }
  return fields;
}
