/**
 * Cells of the model from the values of each row, with the findings about
 * them: missing, extra, blank, non-numeric, a whole group blank, ambiguous.
 */
import type { BlockDecl, ColumnDecl } from '@govlint/dsl';
import { type FindingData, extend } from '../findings.js';
import type { Cell } from '../model.js';
import type { Token } from '../tokens.js';
import { rowName } from './names.js';
import { type RowValues, rawOf } from './cells.js';
import type { PreparedTable } from './prepare.js';
import type { ReadContext } from './read.js';
import type { RowScan } from './scan.js';

export function reportCells(
  ctx: ReadContext,
  table: PreparedTable,
  rows: readonly RowScan[],
  out: Cell[],
): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as RowScan;
    const v = row.values;
    if (v) reportRow(ctx, table, row, v, out);
  }
}

/*
 * One small function per step (and indexed loops): TurboFan compiles a huge
 * function slowly and again after each deopt; the findings, rare, stay out
 * of the per-cell loop.
 */
function reportRow(
  ctx: ReadContext,
  table: PreparedTable,
  row: RowScan,
  v: RowValues,
  out: Cell[],
): void {
  const block = table.decl.blocks[row.block] as BlockDecl;
  if (v.ambiguous) {
    reportAmbiguous(ctx, table, row, block, v.ambiguous, out);
    return;
  }
  const cells = groupBlanksAsMissing(ctx.text, v.cells, block);
  if (anyMissing(cells)) reportMissing(ctx, table, row, cells);
  // The cells were made as the row was read: most need nothing more.
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as Cell;
    out.push(c);
    if (c.status === 'blank' || c.status === 'non-numeric') reportValue(ctx, table, row, c, i);
  }
  if (v.extra.length > 0) reportExtra(ctx, table, row, block, v.extra);
}

/** Built only for a finding: most rows have none. */
function rowData(table: PreparedTable, row: RowScan): FindingData {
  return extend(table.data, { row: rowName(table.decl, row.decl), rowId: row.decl.id });
}

function where(table: PreparedTable, row: RowScan): string {
  return `${table.data.table}“${rowName(table.decl, row.decl)}”`;
}

/** A loop, not `some` with a closure: it runs for every row. */
function anyBlank(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) if ((cells[i] as Cell).status === 'blank') return true;
  return false;
}

function anyMissing(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) if ((cells[i] as Cell).status === 'missing') return true;
  return false;
}

function reportAmbiguous(
  ctx: ReadContext,
  table: PreparedTable,
  row: RowScan,
  block: BlockDecl,
  ambiguous: NonNullable<RowValues['ambiguous']>,
  out: Cell[],
): void {
  const range = spanOf(
    row.slots.filter((t) => t.kind === 'number'),
    row.hit.end,
  );
  const k = block.columns.length;
  ctx.findings.add(
    'cells-ambiguous',
    range,
    `${where(table, row)}：数字连在一起（${ambiguous.digits}），无法唯一拆分为 ${k} 个单元格，未读取数值`,
    extend(rowData(table, row), {
      found: ambiguous.digits,
      candidates: ambiguous.candidates,
      expected: k,
    }),
  );
  for (const c of block.columns) out.push(cell(table.decl.id, row, c, null, 'missing', '', range));
}

function reportMissing(
  ctx: ReadContext,
  table: PreparedTable,
  row: RowScan,
  reads: readonly Cell[],
): void {
  const names = table.columnNames[row.block] as readonly string[];
  const columns = reads.map((_, i) => i).filter((i) => (reads[i] as Cell).status === 'missing');
  const missing = columns.map((i) => reads[i] as Cell);
  const ids = missing.map((c) => c.column);
  const missingNames = columns.map((i) => names[i] as string);
  const found = reads.length - missing.length;
  ctx.findings.add(
    'table-cells-missing',
    missingRange(missing, row),
    `${where(table, row)}：应有 ${reads.length} 个数值，只找到 ${found} 个（缺少 ${missingNames.join('、')}）`,
    extend(rowData(table, row), {
      cells: missingNames,
      cellIds: ids,
      found,
      expected: reads.length,
    }),
  );
}

/** A blank or non-numeric cell, read as 0. */
function reportValue(
  ctx: ReadContext,
  table: PreparedTable,
  row: RowScan,
  c: Cell,
  column: number,
): void {
  const range = c.range;
  const raw = ctx.text.slice(range.start, range.end);
  const name = (table.columnNames[row.block] as readonly string[])[column] as string;
  const data = extend(rowData(table, row), { column: name, columnId: c.column, found: raw });
  if (c.status === 'blank') {
    ctx.findings.add('cell-blank', range, `${where(table, row)}的“${name}”为空，按 0 计`, data);
  } else {
    ctx.findings.add(
      'cell-non-numeric',
      range,
      `${where(table, row)}的“${name}”填写“${raw}”，按 0 计`,
      data,
    );
  }
}

function reportExtra(
  ctx: ReadContext,
  table: PreparedTable,
  row: RowScan,
  block: BlockDecl,
  extra: readonly Token[],
): void {
  const k = block.columns.length;
  ctx.findings.add(
    'table-extra-cells',
    spanOf(extra, row.hit.end),
    `${where(table, row)}：应有 ${k} 个数值，却有 ${k + extra.length} 个`,
    extend(rowData(table, row), {
      found: k + extra.length,
      expected: k,
      extra: extra.map((t) => ctx.text.slice(t.start, t.end)),
    }),
  );
}

function cell(
  table: string,
  row: RowScan,
  column: ColumnDecl,
  value: number | null,
  status: Cell['status'],
  raw: string,
  range: { start: number; end: number },
): Cell {
  return { table, row: row.decl.id, column: column.id, value, status, raw, range };
}

/**
 * A whole header group left blank (all the cells under one group header) while the rest
 * of the row is filled is not a row of zeros: its cells are missing.
 */
function groupBlanksAsMissing(text: string, reads: readonly Cell[], block: BlockDecl): Cell[] {
  if (!anyBlank(reads)) return reads as Cell[];
  const out = [...reads];
  if (!reads.some((r) => r.status === 'number' || r.status === 'non-numeric')) return out;
  for (const columns of columnGroups(block)) {
    if (columns.length < 2 || columns.length === block.columns.length) continue;
    if (!columns.every((i) => reads[i]?.status === 'blank')) continue;
    for (const i of columns) {
      const r = out[i] as Cell;
      // No longer blank: the cell shows what is written there.
      const raw = rawOf(text, r.range.start, r.range.end);
      out[i] = { ...r, value: null, status: 'missing', raw };
    }
  }
  return out;
}

/** The columns under each header group of a block, worked out once per template. */
const groupsOfBlock = new WeakMap<BlockDecl, readonly (readonly number[])[]>();

function columnGroups(block: BlockDecl): readonly (readonly number[])[] {
  let groups = groupsOfBlock.get(block);
  if (!groups) {
    const byGroup = new Map<string, number[]>();
    block.columns.forEach((c, i) => {
      for (const g of c.groups) {
        const list = byGroup.get(g);
        if (list) list.push(i);
        else byGroup.set(g, [i]);
      }
    });
    groups = [...byGroup.values()];
    groupsOfBlock.set(block, groups);
  }
  return groups;
}

function missingRange(missing: readonly Cell[], row: RowScan): { start: number; end: number } {
  const first = missing[0] as Cell;
  const last = missing[missing.length - 1] as Cell;
  if (first.range.start === last.range.end && first.range.start === row.hit.end)
    return { start: row.hit.start, end: row.hit.end };
  return { start: first.range.start, end: last.range.end };
}

function spanOf(tokens: readonly Token[], fallback: number): { start: number; end: number } {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first && last ? { start: first.start, end: last.end } : { start: fallback, end: fallback };
}
