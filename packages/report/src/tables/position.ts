/**
 * Reading by position, when labels are lost: a table whose header and
 * heading are gone (an orphan run of exactly its values), and rows whose
 * labels are gone (their values ran into the previous row).
 */
import type { BlockDecl } from '@govlint/dsl';
import { cellIds, readValue } from './cells.js';
import type { PreparedTable } from './prepare.js';
import type { Region } from './regions.js';
import type { RowScan, TableScan } from './scan.js';

export interface Scanned {
  readonly region: Region;
  readonly scan: TableScan;
}

/**
 * A table with a single unlabelled row (table 四) whose header and heading
 * are lost can still be read: an orphan run of exactly as many values as it
 * has columns, left after another table's rows.
 */
export function byPosition(table: PreparedTable, scanned: readonly Scanned[]): Scanned | null {
  const blocks = table.decl.blocks;
  const block = blocks[0];
  if (blocks.length !== 1 || !block || block.rows.length !== 1 || block.rows[0]?.label !== '')
    return null;
  const k = block.columns.length;
  for (const s of scanned) {
    if (s.region.table === table) continue;
    const run = s.scan.orphanRuns.find((r) => r.filter((t) => t.kind !== 'empty').length === k);
    if (!run) continue;
    const ref = table.rows[0];
    const first = run[0];
    if (!ref || !first) continue;
    const label = table.labels.labels.find((l) => l.kind === 'column') ?? table.labels.labels[0];
    if (!label) continue;
    const row: RowScan = {
      index: 0,
      decl: ref.decl,
      block: 0,
      hit: { label, how: 'position', start: first.start, end: first.start, token: -1 },
      slots: run,
      values: null,
    };
    const strays = s.scan.stray.filter((x) => x.token.end <= first.start);
    const lastRowEnd = Math.max(0, ...s.scan.rows.map((r) => r.hit.end));
    const garbage = strays.filter((x) => x.token.start >= lastRowEnd).map((x) => x.token);
    const scan: TableScan = {
      rows: [row],
      header: [],
      others: [],
      unmatchedHeader: garbage.map((token) => ({ token, index: -1 })),
      stray: [],
      orphanRuns: [],
      tokens: [],
    };
    return { region: { table, start: first.start, end: first.start, section: null }, scan };
  }
  return null;
}

/**
 * A row whose label was lost runs its values into the previous row: when the
 * extra values are a whole number of rows and the rows that follow in the
 * template were not found, they are theirs, by position.
 */
export function rowsFromExtraValues(
  text: string,
  table: PreparedTable,
  rows: readonly RowScan[],
): RowScan[] {
  // Built on the first row with extra values: most tables have none.
  let found: Set<number> | null = null;
  const out: RowScan[] = [];
  for (const row of rows) {
    const v = row.values;
    if (!v || v.extra.length === 0) continue;
    const block = table.decl.blocks[row.block] as BlockDecl;
    const k = block.columns.length;
    if (v.extra.length < k || v.extra.length % k !== 0) continue;
    const seen = (found ??= new Set(rows.map((r) => r.index)));
    const chunks = v.extra.length / k;
    const next = table.rows.slice(row.index + 1, row.index + 1 + chunks);
    if (
      next.length !== chunks ||
      next.some((r, i) => r.block !== row.block || seen.has(row.index + 1 + i))
    )
      continue;
    next.forEach((ref, i) => {
      const slots = v.extra.slice(i * k, (i + 1) * k);
      const first = slots[0];
      if (!first) return;
      const ids = cellIds(text, table, ref.decl.id, ref.block);
      const scan: RowScan = {
        index: row.index + 1 + i,
        decl: ref.decl,
        block: ref.block,
        hit: {
          label: row.hit.label,
          how: 'position',
          start: first.start,
          end: first.start,
          token: -1,
        },
        slots,
        values: {
          cells: slots.map((t, c) => readValue(ids, t, c)),
          extra: [],
          ambiguous: null,
          segmented: false,
        },
      };
      seen.add(scan.index);
      out.push(scan);
    });
    row.values = { ...v, extra: [] };
  }
  return out;
}
