/**
 * Reads every table of the template: finds its region, scans its tokens,
 * turns each row's slots into cells, and reports what is missing, extra,
 * blank, relaxed or ambiguous.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import { type Findings, extend } from '../findings.js';
import type { Folded } from '../fold.js';
import type { Lines } from '../lines.js';
import type { Cell, Table } from '../model.js';
import type { FoundSection } from '../sections.js';
import { type Token, tokenize } from '../tokens.js';
import { columnCount, matchedColumnCount, positionalColumns } from './header.js';
import { type Scanned, byPosition } from './position.js';
import { headerGarbled, labelVariant, rowsMissing } from './table-findings.js';
import { layoutOf } from './layout.js';
import { type PreparedTable, prepareTables } from './prepare.js';
import { tableRegions } from './regions.js';
import { type LabelHit, type RowScan, type TableScan, scanTable } from './scan.js';
import { reportCells } from './report-cells.js';
import { modelRows, orderedRows, presentRows, rowValuesOf } from './rows.js';
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
    const tokens = tokenize(ctx.text, region.start, region.end, ctx.lines);
    return { region, scan: scanTable(ctx.text, tokens, region.table) };
  });
  const tables: Table[] = [];
  const cells: Cell[] = [];
  let anyFound = false;
  for (let i = 0; i < prepared.length; i++) {
    const table = prepared[i] as PreparedTable;
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
      tableMissing(ctx, table, entry);
      continue;
    }
    anyFound = true;
    tables.push(readTable(ctx, table, entry, positional, cells));
  }
  return { tables, cells, anyFound };
}

/** A table not found under its section: perhaps an image. */
function tableMissing(ctx: ReadContext, table: PreparedTable, entry: Scanned | undefined): void {
  const section =
    entry?.region.section ?? ctx.sections.find((s) => s.decl.id === table.decl.section);
  if (!section) return;
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
  /** Every table's cells, in order: this table's are added at the end. */
  cells: Cell[],
): Table {
  const decl = table.decl;
  rowValuesOf(ctx.text, table, scan);
  const rows = orderedRows(ctx.text, table, scan);
  const present = presentRows(rows);
  const first = cells.length;
  reportCells(ctx, table, present, cells);
  const header = positionalColumns(scan, table.columnLabels);
  reportLabelVariants(ctx, table, scan, present, header);
  // Counted only for a table with rows: headerGarbled has nothing to say about the others.
  headerGarbled(
    ctx,
    table,
    region,
    scan,
    present,
    present.length > 0 && (positional || matchedColumnCount(scan, header) * 2 < columnCount(decl)),
  );
  const missing = rowsMissing(ctx, table, rows, present, region);
  return {
    id: decl.id,
    range: tableRange(scan, rows, cells, first, positional, region.start),
    layout: ctx.html ? 'html' : layoutOf(ctx.text, ctx.lines, present),
    missingRows: missing,
    rows: modelRows(ctx.text, decl.id, present),
  };
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
  firstCell: number,
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
  for (let i = firstCell; i < cells.length; i++) end = Math.max(end, (cells[i] as Cell).range.end);
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
