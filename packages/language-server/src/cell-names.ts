/**
 * Human names for cells, built from the template's own labels (the rules
 * pack), never from strings in this code: `表三 › 三、本年度办理结果 ›
 * （四）无法提供 › 1.本机关不掌握相关政府信息 › 总计`.
 */
import type {
  BlockDecl,
  CellRef,
  ColumnDecl,
  CompiledTemplate,
  RowDecl,
  TableDecl,
} from '@govlint/dsl';

export const NAME_SEPARATOR = ' › ';

export interface CellDecl {
  readonly table: TableDecl;
  readonly block: BlockDecl;
  readonly row: RowDecl;
  readonly column: ColumnDecl;
}

/** A section id that is a Chinese numeral (the template numbers its sections 一 to 六). */
const NUMERAL_ID = /^[〇一二三四五六七八九十]+$/u;

/**
 * The table's short name, as reports and the template's own comments call
 * it: 表 and the numeral of the section that holds it (表三 for the table
 * in section 三). A table outside a numbered section goes by its title.
 */
export function tableName(table: TableDecl): string {
  if (table.section && NUMERAL_ID.test(table.section)) return `表${table.section}`;
  return table.title || table.id;
}

export function findCellDecl(template: CompiledTemplate, ref: CellRef): CellDecl | undefined {
  const table = template.tables.find((t) => t.id === ref.table);
  if (!table) return undefined;
  for (const block of table.blocks) {
    const row = block.rows.find((r) => r.id === ref.row);
    const column = block.columns.find((c) => c.id === ref.column);
    if (row && column) return { table, block, row, column };
  }
  return undefined;
}

/**
 * Column groups that tell columns apart: a group shared by every column of
 * the block (申请人情况 over all of 表三) adds nothing and is left out, while
 * a total column must keep its group to differ from the other groups' totals (表四).
 */
export function distinguishingGroups(block: BlockDecl, column: ColumnDecl): string[] {
  return column.groups.filter(
    (group) => !block.columns.every((other) => other.groups.includes(group)),
  );
}

/** Row path and label, without the table: `三、本年度办理结果 › （七）总计`. */
export function rowName(row: RowDecl): string[] {
  return [...row.path, ...(row.label ? [row.label] : [])];
}

export function columnName(decl: Pick<CellDecl, 'block' | 'column'>): string[] {
  return [...distinguishingGroups(decl.block, decl.column), decl.column.label];
}

/** The full canonical name of a cell, or its ids when the template lacks it. */
export function cellName(template: CompiledTemplate, ref: CellRef): string {
  const decl = findCellDecl(template, ref);
  if (!decl) return `${ref.table}[${ref.row}, ${ref.column}]`;
  return [tableName(decl.table), ...rowName(decl.row), ...columnName(decl)].join(NAME_SEPARATOR);
}

/**
 * A column's shortest unambiguous name in its block: the label alone, or
 * with its groups when another column has the same label (表四's 总计).
 */
export function shortColumnName(decl: Pick<CellDecl, 'block' | 'column'>): string {
  const { block, column } = decl;
  const shared = block.columns.some((c) => c !== column && c.label === column.label);
  return shared ? columnName(decl).join(NAME_SEPARATOR) : column.label;
}

/**
 * A short name for a cell seen from another one: the column when they share
 * a row, the row when they share a column, else row and column.
 */
export function relativeCellName(template: CompiledTemplate, ref: CellRef, from: CellRef): string {
  const decl = findCellDecl(template, ref);
  if (!decl) return `${ref.row}/${ref.column}`;
  const row = decl.row.label || decl.row.id;
  if (ref.table !== from.table) return cellName(template, ref);
  if (ref.row === from.row) return shortColumnName(decl);
  if (ref.column === from.column) return row;
  return `${row}（${shortColumnName(decl)}）`;
}

export function sameCell(a: CellRef, b: CellRef): boolean {
  return a.table === b.table && a.row === b.row && a.column === b.column;
}
