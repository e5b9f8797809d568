/**
 * Lookups over a compiled template: the labels that name a cell in a
 * message, and the rules by id. Built once per template and cached, since a
 * template is immutable.
 */
import type {
  CellRef,
  ColumnDecl,
  CompiledRule,
  CompiledTemplate,
  RowDecl,
  TableDecl,
} from '@govlint/dsl';

export interface TemplateIndex {
  readonly template: CompiledTemplate;
  readonly tables: ReadonlyMap<string, TableDecl>;
  readonly rules: ReadonlyMap<string, CompiledRule>;
  row(table: string, row: string): RowDecl | undefined;
  column(table: string, column: string): ColumnDecl | undefined;
  /** How a message names a cell: `“<row label>”行“<column label>”栏`. */
  describeCell(ref: CellRef): string;
}

const cache = new WeakMap<CompiledTemplate, TemplateIndex>();

export function indexTemplate(template: CompiledTemplate): TemplateIndex {
  const cached = cache.get(template);
  if (cached) return cached;
  const tables = new Map<string, TableDecl>();
  // table → id → declaration: no string built per lookup (cells are many).
  const rows = new Map<string, Map<string, RowDecl>>();
  const columns = new Map<string, Map<string, ColumnDecl>>();
  for (const table of template.tables) {
    tables.set(table.id, table);
    const tableRows = new Map<string, RowDecl>();
    const tableColumns = new Map<string, ColumnDecl>();
    for (const block of table.blocks) {
      for (const r of block.rows) tableRows.set(r.id, r);
      for (const c of block.columns) tableColumns.set(c.id, c);
    }
    rows.set(table.id, tableRows);
    columns.set(table.id, tableColumns);
  }
  const rules = new Map<string, CompiledRule>();
  for (const rule of template.rules) rules.set(rule.id, rule);

  const row = (table: string, id: string) => rows.get(table)?.get(id);
  const column = (table: string, id: string) => columns.get(table)?.get(id);
  const index: TemplateIndex = {
    template,
    tables,
    rules,
    row,
    column,
    describeCell(ref) {
      const r = row(ref.table, ref.row);
      const c = column(ref.table, ref.column);
      const columnName = c ? c.label : ref.column;
      if (r && r.label) return `“${r.label}”行“${columnName}”栏`;
      // A table with a single unlabelled row: the column's group tells apart
      // columns that share a label in different groups.
      const group = c?.groups.at(-1);
      if (!r) return `“${ref.row}”行“${columnName}”栏`;
      return group ? `“${group}”“${columnName}”栏` : `“${columnName}”栏`;
    },
  };
  cache.set(template, index);
  return index;
}
