/**
 * The resolved template: every file's declarations grouped by template,
 * `extends` applied, tables flattened into rows and columns. Checks,
 * compilation and the language services all work on this model; it keeps a
 * pointer to the declaring AST node (and its file) for every element.
 */
import type { Range } from '@govlint/text';
import type * as A from './ast.js';
import type { CellKind } from './compiled.js';

/** Where something is declared. */
export interface Origin {
  readonly uri: string;
  readonly range: Range;
  /** The range of the element's id, for go-to-definition and rename. */
  readonly nameRange: Range;
}

/** The origin of a declaration: its file, its whole range, and its name's range. */
export function origin(uri: string, node: A.Node, name?: A.Name): Origin {
  return { uri, range: node.range, nameRange: name?.range ?? node.range };
}

export interface TemplateModel {
  readonly id: string;
  readonly origin: Origin;
  readonly parent?: string;
  title: string;
  document: string;
  years: { from?: number; to?: number };
  markers: string[];
  sections: SectionModel[];
  tables: TableModel[];
  rules: RuleModel[];
  lexicons: LexiconModel[];
}

export interface SectionModel {
  readonly id: string;
  readonly heading: string;
  readonly variants: readonly string[];
  readonly origin: Origin;
}

/** A row or column of the tree, or a group of them. */
export interface TreeItem {
  readonly kind: 'leaf' | 'group';
  readonly id?: string;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly total: boolean;
  readonly cellKind?: A.KindSpec;
  readonly children: readonly TreeItem[];
  readonly origin: Origin;
}

export interface BlockModel {
  readonly id: string;
  readonly anchors: readonly string[];
  readonly columnKind?: A.KindSpec;
  readonly columns: readonly TreeItem[];
  readonly rows: readonly TreeItem[];
  readonly origin: Origin;
}

export interface TableModel {
  readonly id: string;
  readonly title: string;
  readonly section?: { readonly id: string; readonly range: Range; readonly uri: string };
  readonly anchors: readonly string[];
  readonly blocks: readonly BlockModel[];
  readonly origin: Origin;
}

export interface RuleModel {
  readonly id: string;
  readonly decl: A.RuleDecl;
  readonly uri: string;
  /** The template that declares the rule (a child template inherits its parent's). */
  readonly template: string;
  readonly origin: Origin;
}

export interface LexiconModel {
  readonly id: string;
  readonly decl: A.LexiconDecl;
  readonly origin: Origin;
}

// ---------------------------------------------------------------------------
// Flattened views, derived from the trees

export interface RowInfo {
  readonly id: string;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly block: string;
  /** Labels of the enclosing groups, outermost first. */
  readonly path: readonly string[];
  /** Ids of the enclosing groups that have one. */
  readonly groupIds: readonly string[];
  readonly leaf: boolean;
  readonly origin: Origin;
}

export interface ColumnInfo {
  readonly id: string;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly block: string;
  readonly groups: readonly string[];
  readonly groupIds: readonly string[];
  readonly kind: CellKind;
  readonly origin: Origin;
}

export interface GroupInfo {
  readonly id: string;
  readonly label: string;
  readonly block: string;
  readonly origin: Origin;
}

/** A table, flattened: what selectors and cells resolve against. */
export interface TableView {
  readonly table: TableModel;
  readonly rows: readonly RowInfo[];
  readonly columns: readonly ColumnInfo[];
  readonly rowGroups: ReadonlyMap<string, GroupInfo>;
  readonly columnGroups: ReadonlyMap<string, GroupInfo>;
  readonly rowById: ReadonlyMap<string, RowInfo>;
  /** Columns by id; an id may recur in several blocks (T2 shares one), hence a list. */
  readonly columnsById: ReadonlyMap<string, readonly ColumnInfo[]>;
}

function kindOf(spec: A.KindSpec | undefined): CellKind {
  if (spec?.type === 'amount') return { type: 'amount', unit: spec.unit?.value ?? '' };
  return spec?.type === 'signed' ? { type: 'count', signed: true } : { type: 'count' };
}

export function viewTable(table: TableModel): TableView {
  const rows: RowInfo[] = [];
  const columns: ColumnInfo[] = [];
  const rowGroups = new Map<string, GroupInfo>();
  const columnGroups = new Map<string, GroupInfo>();
  for (const block of table.blocks) {
    const walkRows = (items: readonly TreeItem[], path: string[], ids: string[]): void => {
      for (const it of items) {
        if (it.kind === 'group') {
          if (it.id && !rowGroups.has(it.id)) {
            rowGroups.set(it.id, {
              id: it.id,
              label: it.label,
              block: block.id,
              origin: it.origin,
            });
          }
          walkRows(it.children, [...path, it.label], it.id ? [...ids, it.id] : ids);
        } else if (it.id !== undefined) {
          rows.push({
            id: it.id,
            label: it.label,
            aliases: it.aliases,
            block: block.id,
            path,
            groupIds: ids,
            leaf: !it.total,
            origin: it.origin,
          });
        }
      }
    };
    const walkColumns = (
      items: readonly TreeItem[],
      groups: string[],
      ids: string[],
      inherited: A.KindSpec | undefined,
    ): void => {
      for (const it of items) {
        if (it.kind === 'group') {
          if (it.id && !columnGroups.has(it.id)) {
            columnGroups.set(it.id, {
              id: it.id,
              label: it.label,
              block: block.id,
              origin: it.origin,
            });
          }
          walkColumns(it.children, [...groups, it.label], it.id ? [...ids, it.id] : ids, inherited);
        } else if (it.id !== undefined) {
          columns.push({
            id: it.id,
            label: it.label,
            aliases: it.aliases,
            block: block.id,
            groups,
            groupIds: ids,
            kind: kindOf(it.cellKind ?? inherited),
            origin: it.origin,
          });
        }
      }
    };
    walkRows(block.rows, [], []);
    walkColumns(block.columns, [], [], block.columnKind);
  }
  const rowById = new Map<string, RowInfo>();
  for (const r of rows) if (!rowById.has(r.id)) rowById.set(r.id, r);
  const columnsById = new Map<string, ColumnInfo[]>();
  for (const c of columns) columnsById.set(c.id, [...(columnsById.get(c.id) ?? []), c]);
  return { table, rows, columns, rowGroups, columnGroups, rowById, columnsById };
}
