/**
 * Names used in findings, made of the template's own labels: a table goes
 * by 表 and its section's numeral (as reports call it), a column by the
 * header groups that tell it apart and its label, a row by its label (the
 * table's title for an unlabelled row).
 */
import type { BlockDecl, ColumnDecl, RowDecl, TableDecl } from '@govlint/dsl';

const NUMERAL = /^[〇一二三四五六七八九十]+$/u;

export function tableName(table: TableDecl): string {
  if (table.section && NUMERAL.test(table.section)) return `表${table.section}`;
  return table.title || table.id;
}

export function columnName(block: BlockDecl, column: ColumnDecl): string {
  const groups = column.groups.filter(
    (g) => !block.columns.every((other) => other.groups.includes(g)),
  );
  return [...groups, column.label].join(' › ');
}

export function rowName(table: TableDecl, row: RowDecl): string {
  return row.label || table.title;
}

/** What every table finding carries. */
export function tableData(table: TableDecl): { table: string; tableId: string; title: string } {
  return { table: tableName(table), tableId: table.id, title: table.title };
}
