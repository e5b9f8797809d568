/**
 * Reads every table of the template: finds its region, scans its tokens,
 * turns each row's slots into cells, and reports what is missing, extra,
 * blank, relaxed or ambiguous.
 */
import type { BlockDecl, CompiledTemplate, TableDecl } from '@govlint/dsl';
import type { Range } from '@govlint/text';
import type { Findings } from '../findings.js';
import { type Folded, fold } from '../fold.js';
import type { Lines } from '../lines.js';
import type { Cell, Table } from '../model.js';
import type { FoundSection } from '../sections.js';
import { tokenize } from '../tokens.js';
import { lineOf } from '../lines.js';
import { type CellRead, type RowValues, readValue, rowValues } from './cells.js';
import { columnCount, matchedColumnCount, positionalColumns } from './header.js';
import { layoutOf } from './layout.js';
import { type PreparedTable, prepareTables } from './prepare.js';
import { type Region, tableRegions } from './regions.js';
import { type RowScan, type TableScan, scanTable } from './scan.js';
import { reportCells } from './report-cells.js';
import { tableData, tableName } from './names.js';

export interface TablesRead {
  readonly tables: Table[];
  readonly cells: Cell[];
  /** Whether any table's anchor or rows were found. */
  readonly anyFound: boolean;
}

export interface ReadContext {
  readonly text: string;
  readonly lines: Lines;
  readonly whole: () => Folded;
  readonly template: CompiledTemplate;
  readonly sections: readonly FoundSection[];
  readonly findings: Findings;
  readonly html: boolean;
}

interface Scanned {
  readonly region: Region;
  readonly scan: TableScan;
}

export function readTables(ctx: ReadContext): TablesRead {
  const prepared = prepareTables(ctx.template);
  const regions = tableRegions(ctx.text, ctx.lines, ctx.whole, prepared, ctx.sections);
  const scanned: Scanned[] = regions.map((region) => {
    const tokens = tokenize(ctx.text, region.start, region.end, lineOf(ctx.lines, region.start));
    return { region, scan: scanTable(ctx.text, tokens, region.table.labels, region.table.rows) };
  });
  const tables: Table[] = [];
  const cells: Cell[] = [];
  let anyFound = false;
  for (const table of prepared) {
    let entry = scanned.find((s) => s.region.table === table);
    let positional = false;
    if (!entry || !isFound(entry.scan)) {
      const fallback = byPosition(table, scanned);
      if (fallback) {
        entry = fallback;
        positional = true;
      }
    }
    if (!entry || !isFound(entry.scan)) {
      const section =
        entry?.region.section ?? ctx.sections.find((s) => s.decl.id === table.decl.section);
      if (section) {
        ctx.findings.add(
          'table-missing',
          { start: section.start, end: section.end },
          `“${section.decl.heading}”下找不到${tableName(table.decl)}“${table.decl.title}”：表格可能是图片，无法核对数据`,
          {
            ...tableData(table.decl),
            section: section.decl.id,
            heading: section.decl.heading,
          },
        );
      }
      continue;
    }
    anyFound = true;
    const read = readTable(ctx, table, entry, positional);
    tables.push(read.table);
    cells.push(...read.cells);
  }
  return { tables, cells, anyFound };
}

function isFound(scan: TableScan): boolean {
  return scan.rows.length > 0 || scan.others.some((h) => h.label.kind.endsWith('anchor'));
}

/**
 * A table with a single unlabelled row (table 四) whose header and heading
 * are lost can still be read: an orphan run of exactly as many values as it
 * has columns, left after another table's rows.
 */
function byPosition(table: PreparedTable, scanned: readonly Scanned[]): Scanned | null {
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

function readTable(
  ctx: ReadContext,
  table: PreparedTable,
  { region, scan }: Scanned,
  positional: boolean,
): { table: Table; cells: Cell[] } {
  const decl = table.decl;
  const values = new Map<RowScan, RowValues>();
  for (const row of scan.rows) {
    const block = decl.blocks[row.block] as BlockDecl;
    // An unlabelled row has no label columns to shift it: its cells line up with the header.
    const align =
      row.decl.label === '' ? headerFields(scan, row.block, block.columns.length) : null;
    values.set(
      row,
      rowValues(row.slots, block, table.identities.get(row.decl.id) ?? [], row.hit.end, align),
    );
  }
  const rows = [...scan.rows, ...rowsFromExtraValues(table, scan.rows, values)];
  rows.sort((a, b) => a.index - b.index);
  const present = rows.filter(
    (r) => (values.get(r)?.cells.length ?? 0) > 0 || values.get(r)?.ambiguous,
  );
  const cells = reportCells(ctx, table, present, values);

  const header = positionalColumns(
    scan,
    table.labels.labels.filter((l) => l.kind === 'column'),
  );
  for (const p of header) {
    const found = ctx.text.slice(p.token.start, p.token.end);
    labelVariant(
      ctx,
      decl,
      { start: p.token.start, end: p.token.end },
      found,
      p.label.text,
      'position',
    );
  }
  for (const h of scan.header.concat(scan.others)) {
    if (h.how === 'prefix' || h.how === 'suffix' || h.how === 'fuzzy') {
      labelVariant(ctx, decl, h, ctx.text.slice(h.start, h.end), h.label.text, h.how);
    }
  }
  for (const r of present) {
    if (r.hit.how === 'prefix' || r.hit.how === 'suffix' || r.hit.how === 'fuzzy') {
      labelVariant(
        ctx,
        decl,
        r.hit,
        ctx.text.slice(r.hit.start, r.hit.end),
        r.decl.label,
        r.hit.how,
      );
    }
  }
  headerGarbled(
    ctx,
    table,
    region,
    scan,
    present,
    positional || matchedColumnCount(scan, header) * 2 < columnCount(decl),
  );
  const missing = rowsMissing(ctx, table, rows, present, region);

  // The table's extent: its first label to its last cell (loops: spreads of long lists are slow).
  let start = Infinity;
  let end = -Infinity;
  for (const r of present) {
    start = Math.min(start, r.hit.start);
    end = Math.max(end, r.hit.end);
  }
  for (const h of scan.others) start = Math.min(start, h.start);
  for (const h of scan.header) start = Math.min(start, h.start);
  for (const c of cells) end = Math.max(end, c.range.end);
  end = Math.max(start, end);
  return {
    table: {
      id: decl.id,
      range: {
        start: Number.isFinite(start) ? start : region.start,
        end: Number.isFinite(end) ? end : region.start,
      },
      layout: ctx.html ? 'html' : layoutOf(ctx.text, ctx.lines, present, values),
      missingRows: missing,
      rows: present.map((r) => ({
        table: decl.id,
        row: r.decl.id,
        label: r.decl.label === '' ? '' : ctx.text.slice(r.hit.start, r.hit.end),
        labelRange: { start: r.hit.start, end: r.hit.end },
        match: r.hit.how,
      })),
    },
    cells,
  };
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

/**
 * A row whose label was lost runs its values into the previous row: when the
 * extra values are a whole number of rows and the rows that follow in the
 * template were not found, they are theirs, by position.
 */
function rowsFromExtraValues(
  table: PreparedTable,
  rows: readonly RowScan[],
  values: Map<RowScan, RowValues>,
): RowScan[] {
  const found = new Set(rows.map((r) => r.index));
  const out: RowScan[] = [];
  for (const row of rows) {
    const v = values.get(row);
    const block = table.decl.blocks[row.block] as BlockDecl;
    const k = block.columns.length;
    if (!v || v.extra.length < k || v.extra.length % k !== 0) continue;
    const chunks = v.extra.length / k;
    const next = table.rows.slice(row.index + 1, row.index + 1 + chunks);
    if (
      next.length !== chunks ||
      next.some((r, i) => r.block !== row.block || found.has(row.index + 1 + i))
    )
      continue;
    next.forEach((ref, i) => {
      const slots = v.extra.slice(i * k, (i + 1) * k);
      const first = slots[0];
      if (!first) return;
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
      };
      values.set(scan, {
        cells: slots.map(readValue),
        extra: [],
        ambiguous: null,
        segmented: false,
      });
      found.add(scan.index);
      out.push(scan);
    });
    values.set(row, { ...v, extra: [] });
  }
  return out;
}

function labelVariant(
  ctx: ReadContext,
  table: TableDecl,
  at: Range,
  found: string,
  expected: string,
  how: string,
): void {
  const dropped = isSubsequence(fold(found), fold(expected));
  const severity = dropped ? 'info' : 'warning';
  ctx.findings.add(
    'label-variant',
    at,
    `${tableName(table)}中的“${found.trim()}”与格式规定的“${expected}”不一致${dropped ? '（缺字或断行）' : '（用词不同）'}`,
    { ...tableData(table), found: found.trim(), expected, how },
    severity,
  );
}

/** Every character of `short` appears in `long`, in order (characters were only dropped). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (i < short.length && short[i] === c) i++;
  return i === short.length;
}

function headerGarbled(
  ctx: ReadContext,
  table: PreparedTable,
  region: Region,
  scan: TableScan,
  present: readonly RowScan[],
  garbled: boolean,
): void {
  if (!garbled || present.length === 0) return;
  const zone = scan.unmatchedHeader.map((u) => u.token);
  const firstRow = present.reduce(
    (m, r) => Math.min(m, r.hit.start, r.slots[0]?.start ?? Infinity),
    Infinity,
  );
  const start = zone[0]?.start ?? region.start;
  const end =
    zone.length > 0 ? zone.reduce((e, t) => Math.max(e, t.end), start) : Math.max(start, firstRow);
  ctx.findings.add(
    'table-header-garbled',
    { start, end },
    `${tableName(table.decl)}“${table.decl.title}”的表头文字无法识别，已按数值个数读取`,
    {
      ...tableData(table.decl),
      matched: matchedColumnCount(scan, []),
      expected: columnCount(table.decl),
    },
  );
}

function rowsMissing(
  ctx: ReadContext,
  table: PreparedTable,
  rows: readonly RowScan[],
  present: readonly RowScan[],
  region: Region,
): string[] {
  const have = new Set(present.map((r) => r.index));
  const missing = table.rows.map((r, i) => ({ r, i })).filter(({ i }) => !have.has(i));
  if (missing.length === 0) return [];
  const first = missing[0] as { i: number };
  // Point at the first missing row's label if a fragment of it was found, else where it should be.
  const fragment = rows.find((r) => r.index === first.i);
  const before = present.filter((r) => r.index < first.i).at(-1);
  const at = fragment
    ? { start: fragment.hit.start, end: fragment.hit.end }
    : before
      ? { start: lastEnd(before), end: lastEnd(before) }
      : { start: region.start, end: region.start };
  const ids = missing.map(({ r }) => r.decl.id);
  const labels = missing.map(({ r }) => r.decl.label || r.decl.id);
  ctx.findings.add(
    'table-rows-missing',
    at,
    `${tableName(table.decl)}“${table.decl.title}”缺少 ${ids.length} 行：${ids.join('、')}`,
    {
      ...tableData(table.decl),
      rows: ids,
      rowLabels: labels,
      count: ids.length,
    },
  );
  return ids;
}

function lastEnd(row: RowScan): number {
  const last = row.slots.filter((t) => t.kind !== 'empty').at(-1);
  return last ? last.end : row.hit.end;
}

export type { CellRead };
