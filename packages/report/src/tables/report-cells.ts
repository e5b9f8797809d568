/**
 * Cells of the model from the values of each row, with the findings about
 * them: missing, extra, blank, non-numeric, a whole group blank, ambiguous.
 */
import type { BlockDecl, ColumnDecl } from '@govlint/dsl';
import type { Cell } from '../model.js';
import type { Token } from '../tokens.js';
import type { CellRead, RowValues } from './cells.js';
import type { PreparedTable } from './prepare.js';
import type { ReadContext } from './read.js';
import type { RowScan } from './scan.js';

export function reportCells(
  ctx: ReadContext,
  table: PreparedTable,
  rows: readonly RowScan[],
  values: ReadonlyMap<RowScan, RowValues>,
): Cell[] {
  const out: Cell[] = [];
  const decl = table.decl;
  for (const row of rows) {
    const v = values.get(row);
    if (!v) continue;
    const block = decl.blocks[row.block] as BlockDecl;
    const rowLabel = row.decl.label;
    const base = { table: decl.id, tableTitle: decl.title, row: row.decl.id, rowLabel };
    if (v.ambiguous) {
      const range = spanOf(
        row.slots.filter((t) => t.kind === 'number'),
        row.hit.end,
      );
      ctx.findings.add(
        'cells-ambiguous',
        range,
        `“${rowLabel}”行的数字连在一起（${v.ambiguous.digits}），无法唯一拆分为 ${block.columns.length} 个单元格，未读取数值`,
        {
          ...base,
          digits: v.ambiguous.digits,
          candidates: v.ambiguous.candidates,
          expected: block.columns.length,
        },
      );
      for (const c of block.columns) out.push(cell(decl.id, row, c, null, 'missing', '', range));
      continue;
    }
    const reads = groupBlanksAsMissing(v.cells, block);
    const missing = reads.filter((c) => c.status === 'missing');
    if (missing.length > 0) {
      const ids = missing.map((c) => (block.columns[c.column] as ColumnDecl).id);
      const labels = missing.map((c) => labelOf(block.columns[c.column] as ColumnDecl));
      const range = missingRange(missing, row);
      ctx.findings.add(
        'table-cells-missing',
        range,
        `${rowLabel ? `“${rowLabel}”行` : `表格“${decl.title}”`}缺少 ${ids.length} 个单元格：${labels.join('、')}`,
        {
          ...base,
          cells: ids,
          columnLabels: labels,
          found: reads.length - missing.length,
          expected: reads.length,
        },
      );
    }
    for (const r of reads) {
      const column = block.columns[r.column] as ColumnDecl;
      const range = { start: r.start, end: r.end };
      const raw = ctx.text.slice(r.start, r.end);
      out.push(
        cell(decl.id, row, column, r.value, r.status, r.status === 'blank' ? '' : raw, range),
      );
      const cellData = { ...base, column: column.id, columnLabel: labelOf(column), raw };
      if (r.status === 'blank') {
        ctx.findings.add(
          'cell-blank',
          range,
          `“${rowLabel || decl.title}”的“${labelOf(column)}”为空，按 0 计`,
          cellData,
        );
      } else if (r.status === 'non-numeric') {
        ctx.findings.add(
          'cell-non-numeric',
          range,
          `“${rowLabel || decl.title}”的“${labelOf(column)}”填写“${raw}”，按 0 计`,
          cellData,
        );
      }
    }
    if (v.extra.length > 0) {
      const k = block.columns.length;
      ctx.findings.add(
        'table-extra-cells',
        spanOf(v.extra, row.hit.end),
        `${rowLabel ? `“${rowLabel}”行` : `表格“${decl.title}”`}有 ${k + v.extra.length} 个数值，模板只有 ${k} 列`,
        {
          ...base,
          found: k + v.extra.length,
          expected: k,
          extra: v.extra.map((t) => ctx.text.slice(t.start, t.end)),
        },
      );
    }
  }
  return out;
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

/** The innermost header group, or the column's own label. */
function labelOf(column: ColumnDecl): string {
  const group = column.groups.at(-1);
  return group && column.groups.length > 1 ? `${group}·${column.label}` : column.label;
}

/**
 * A whole header group left blank (all the cells under one group header) while the rest
 * of the row is filled is not a row of zeros: its cells are missing.
 */
function groupBlanksAsMissing(reads: readonly CellRead[], block: BlockDecl): CellRead[] {
  const out = [...reads];
  if (!reads.some((r) => r.status === 'number' || r.status === 'non-numeric')) return out;
  const groups = new Map<string, number[]>();
  block.columns.forEach((c, i) => {
    for (const g of c.groups) groups.set(g, [...(groups.get(g) ?? []), i]);
  });
  for (const columns of groups.values()) {
    if (columns.length < 2 || columns.length === block.columns.length) continue;
    if (!columns.every((i) => reads[i]?.status === 'blank')) continue;
    for (const i of columns) {
      const r = out[i] as CellRead;
      out[i] = { ...r, value: null, status: 'missing' };
    }
  }
  return out;
}

function missingRange(missing: readonly CellRead[], row: RowScan): { start: number; end: number } {
  const first = missing[0] as CellRead;
  const last = missing[missing.length - 1] as CellRead;
  if (first.start === last.end && first.start === row.hit.end)
    return { start: row.hit.start, end: row.hit.end };
  return { start: first.start, end: last.end };
}

function spanOf(tokens: readonly Token[], fallback: number): { start: number; end: number } {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first && last ? { start: first.start, end: last.end } : { start: fallback, end: fallback };
}
