/**
 * Cells of the model from the values of each row, with the findings about
 * them: missing, extra, blank, non-numeric, a whole group blank, ambiguous.
 */
import type { BlockDecl, ColumnDecl } from '@govlint/dsl';
import { extend } from '../findings.js';
import type { Cell } from '../model.js';
import type { Token } from '../tokens.js';
import { rowName } from './names.js';
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
    const rowLabel = rowName(decl, row.decl);
    // Built only for a finding: most rows have none.
    const base = () => extend(table.data, { row: rowLabel, rowId: row.decl.id });
    const where = () => `${table.data.table}“${rowLabel}”`;
    const names = table.columnNames[row.block] as readonly string[];
    if (v.ambiguous) {
      const range = spanOf(
        row.slots.filter((t) => t.kind === 'number'),
        row.hit.end,
      );
      const k = block.columns.length;
      ctx.findings.add(
        'cells-ambiguous',
        range,
        `${where()}：数字连在一起（${v.ambiguous.digits}），无法唯一拆分为 ${k} 个单元格，未读取数值`,
        extend(base(), {
          found: v.ambiguous.digits,
          candidates: v.ambiguous.candidates,
          expected: k,
        }),
      );
      for (const c of block.columns) out.push(cell(decl.id, row, c, null, 'missing', '', range));
      continue;
    }
    const reads = groupBlanksAsMissing(v.cells, block);
    // A list of missing cells only when there are some: most rows are whole.
    const missing = reads.some((c) => c.status === 'missing')
      ? reads.filter((c) => c.status === 'missing')
      : [];
    if (missing.length > 0) {
      const ids = missing.map((c) => (block.columns[c.column] as ColumnDecl).id);
      const missingNames = missing.map((c) => names[c.column] as string);
      const found = reads.length - missing.length;
      ctx.findings.add(
        'table-cells-missing',
        missingRange(missing, row),
        `${where()}：应有 ${reads.length} 个数值，只找到 ${found} 个（缺少 ${missingNames.join('、')}）`,
        extend(base(), { cells: missingNames, cellIds: ids, found, expected: reads.length }),
      );
    }
    for (const r of reads) {
      const column = block.columns[r.column] as ColumnDecl;
      const range = { start: r.start, end: r.end };
      const raw = ctx.text.slice(r.start, r.end);
      out.push(
        cell(decl.id, row, column, r.value, r.status, r.status === 'blank' ? '' : raw, range),
      );
      if (r.status === 'blank' || r.status === 'non-numeric') {
        const name = names[r.column] as string;
        const data = extend(base(), { column: name, columnId: column.id, found: raw });
        if (r.status === 'blank') {
          ctx.findings.add('cell-blank', range, `${where()}的“${name}”为空，按 0 计`, data);
        } else {
          ctx.findings.add(
            'cell-non-numeric',
            range,
            `${where()}的“${name}”填写“${raw}”，按 0 计`,
            data,
          );
        }
      }
    }
    if (v.extra.length > 0) {
      const k = block.columns.length;
      ctx.findings.add(
        'table-extra-cells',
        spanOf(v.extra, row.hit.end),
        `${where()}：应有 ${k} 个数值，却有 ${k + v.extra.length} 个`,
        extend(base(), {
          found: k + v.extra.length,
          expected: k,
          extra: v.extra.map((t) => ctx.text.slice(t.start, t.end)),
        }),
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

/**
 * A whole header group left blank (all the cells under one group header) while the rest
 * of the row is filled is not a row of zeros: its cells are missing.
 */
function groupBlanksAsMissing(reads: readonly CellRead[], block: BlockDecl): CellRead[] {
  if (!reads.some((r) => r.status === 'blank')) return reads as CellRead[];
  const out = [...reads];
  if (!reads.some((r) => r.status === 'number' || r.status === 'non-numeric')) return out;
  for (const columns of columnGroups(block)) {
    if (columns.length < 2 || columns.length === block.columns.length) continue;
    if (!columns.every((i) => reads[i]?.status === 'blank')) continue;
    for (const i of columns) {
      const r = out[i] as CellRead;
      out[i] = { ...r, value: null, status: 'missing' };
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
