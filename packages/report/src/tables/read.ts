/**
 * Reads every table of the template: finds its region, scans its tokens,
 * turns each row's slots into cells, and reports what is missing, extra,
 * blank, relaxed or ambiguous.
 */
import type { BlockDecl, CompiledTemplate } from '@govlint/dsl';
import { type Findings, extend } from '../findings.js';
import type { Folded } from '../fold.js';
import type { Lines } from '../lines.js';
import type { Cell, Table } from '../model.js';
import type { FoundSection } from '../sections.js';
import { type Token, tokenize } from '../tokens.js';
import { lineOf } from '../lines.js';
import { type RowValues, rowValues } from './cells.js';
import { columnCount, matchedColumnCount, positionalColumns } from './header.js';
import { type Scanned, byPosition, rowsFromExtraValues } from './position.js';
import { headerGarbled, labelVariant, rowsMissing } from './table-findings.js';
import { layoutOf } from './layout.js';
import { type PreparedTable, prepareTables } from './prepare.js';
import { tableRegions } from './regions.js';
import { type LabelHit, type RowScan, type TableScan, scanTable } from './scan.js';
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
          extend(tableData(table.decl), {
            section: section.decl.id,
            heading: section.decl.heading,
          }),
        );
      }
      continue;
    }
    anyFound = true;
    const read = readTable(ctx, table, entry, positional);
    tables.push(read.table);
    for (const c of read.cells) cells.push(c);
  }
  return { tables, cells, anyFound };
}

function isFound(scan: TableScan): boolean {
  return scan.rows.length > 0 || scan.others.some((h) => h.label.kind.endsWith('anchor'));
}

/*
 * Each step is its own small function: TurboFan compiles one huge function
 * slowly, and again whole after each deopt.
 */
function readTable(
  ctx: ReadContext,
  table: PreparedTable,
  { region, scan }: Scanned,
  positional: boolean,
): { table: Table; cells: Cell[] } {
  const decl = table.decl;
  const values = rowValuesOf(table, scan);
  const rows = orderedRows(table, scan, values);
  const present = presentRows(rows, values);
  const cells = reportCells(ctx, table, present, values);
  const header = positionalColumns(scan, table.columnLabels);
  reportLabelVariants(ctx, table, scan, present, header);
  headerGarbled(
    ctx,
    table,
    region,
    scan,
    present,
    positional || matchedColumnCount(scan, header) * 2 < columnCount(decl),
  );
  const missing = rowsMissing(ctx, table, rows, present, region);
  return {
    table: {
      id: decl.id,
      range: tableRange(scan, rows, cells, positional, region.start),
      layout: ctx.html ? 'html' : layoutOf(ctx.text, ctx.lines, present, values),
      missingRows: missing,
      rows: modelRows(ctx.text, decl.id, present),
    },
    cells,
  };
}

function rowValuesOf(table: PreparedTable, scan: TableScan): Map<RowScan, RowValues> {
  const values = new Map<RowScan, RowValues>();
  const blocks = table.decl.blocks;
  for (let i = 0; i < scan.rows.length; i++) {
    const row = scan.rows[i] as RowScan;
    const block = blocks[row.block] as BlockDecl;
    // An unlabelled row has no label columns to shift it: its cells line up with the header.
    const align =
      row.decl.label === '' ? headerFields(scan, row.block, block.columns.length) : null;
    values.set(
      row,
      rowValues(row.slots, block, table.identities.get(row.decl.id) ?? [], row.hit.end, align),
    );
  }
  return values;
}

/** The rows found, and those read by position, in the template's order. */
function orderedRows(
  table: PreparedTable,
  scan: TableScan,
  values: Map<RowScan, RowValues>,
): RowScan[] {
  const rows = scan.rows.slice();
  const more = rowsFromExtraValues(table, scan.rows, values);
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

function presentRows(rows: readonly RowScan[], values: ReadonlyMap<RowScan, RowValues>): RowScan[] {
  const present: RowScan[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as RowScan;
    const v = values.get(r);
    if (v && (v.cells.length > 0 || v.ambiguous)) present.push(r);
  }
  return present;
}

function reportLabelVariants(
  ctx: ReadContext,
  table: PreparedTable,
  scan: TableScan,
  present: readonly RowScan[],
  header: ReturnType<typeof positionalColumns>,
): void {
  const decl = table.decl;
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
  for (const hits of [scan.header, scan.others]) {
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i] as LabelHit;
      if (h.how === 'prefix' || h.how === 'suffix' || h.how === 'fuzzy') {
        labelVariant(ctx, decl, h, ctx.text.slice(h.start, h.end), h.label.text, h.how);
      }
    }
  }
  for (let i = 0; i < present.length; i++) {
    const r = present[i] as RowScan;
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
}

/**
 * The table's extent, from its first label (the whole cell it sits in) to
 * its last value, extra values and row fragments included; a table read by
 * position starts at its garbled header. Loops: spreads of long lists are slow.
 */
function tableRange(
  scan: TableScan,
  rows: readonly RowScan[],
  cells: readonly Cell[],
  positional: boolean,
  fallback: number,
): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  const tokens = scan.tokens;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as RowScan;
    start = Math.min(start, tokens[r.hit.token]?.start ?? r.hit.start);
    end = Math.max(end, r.hit.end);
    const slots = r.slots;
    for (let j = 0; j < slots.length; j++) {
      const t = slots[j] as Token;
      if (t.kind !== 'empty') end = Math.max(end, t.end);
    }
  }
  start = Math.min(start, hitsStart(tokens, scan.others), hitsStart(tokens, scan.header));
  if (positional) for (const u of scan.unmatchedHeader) start = Math.min(start, u.token.start);
  for (let i = 0; i < cells.length; i++) end = Math.max(end, (cells[i] as Cell).range.end);
  end = Math.max(start, end);
  return {
    start: Number.isFinite(start) ? start : fallback,
    end: Number.isFinite(end) ? end : fallback,
  };
}

/** Where the first of some hits starts: the whole cell its label sits in. */
function hitsStart(tokens: readonly Token[], hits: readonly LabelHit[]): number {
  let start = Infinity;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as LabelHit;
    start = Math.min(start, tokens[h.token]?.start ?? h.start);
  }
  return start;
}

function modelRows(text: string, tableId: string, present: readonly RowScan[]): Table['rows'] {
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
