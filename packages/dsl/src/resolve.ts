/**
 * Names in expressions → the template's rows, columns and cells. Shared by
 * the checker (which reports what does not resolve, at the exact name) and
 * the compiler (which expands what does).
 */
import type * as A from './ast.js';
import type { Report } from './diagnostics.js';
import type { ColumnInfo, RowInfo, TableView } from './model.js';

/** A quantifier variable, bound to one row or column while expanding. */
export interface Binding {
  readonly dimension: 'row' | 'column';
  readonly table: string;
  readonly id: string;
  readonly label: string;
}

export interface Env {
  readonly uri: string;
  readonly views: ReadonlyMap<string, TableView>;
  readonly bindings: ReadonlyMap<string, Binding>;
  readonly report: Report;
}

export function tableView(env: Env, name: A.Name): TableView | undefined {
  const v = env.views.get(name.text);
  if (!v && name.text) env.report(env.uri, 'dsl-unknown-table', `没有表“${name.text}”`, name.range);
  return v;
}

/** A bound variable of the right dimension, looked up by name. */
function bound(env: Env, name: A.Name, dimension: 'row' | 'column'): string | undefined {
  const b = env.bindings.get(name.text);
  return b && b.dimension === dimension ? b.id : undefined;
}

function groupRows(view: TableView, id: string): RowInfo[] | undefined {
  if (view.rowGroups.has(id)) return view.rows.filter((r) => r.groupIds.includes(id) && r.leaf);
  if (view.table.blocks.some((b) => b.id === id) && view.table.blocks.length > 1) {
    return view.rows.filter((r) => r.block === id && r.leaf);
  }
  return undefined;
}

function oneRow(env: Env, view: TableView, name: A.Name): RowInfo[] | undefined {
  const id = bound(env, name, 'row') ?? name.text;
  const row = view.rowById.get(id);
  if (row) return [row];
  const group = groupRows(view, id);
  if (group) return group;
  if (name.text) {
    env.report(env.uri, 'dsl-unknown-row', `表“${view.table.id}”没有行“${name.text}”`, name.range);
  }
  return undefined;
}

/** Rows named by a selector; undefined (after a report) when a name does not resolve. */
export function resolveRows(env: Env, view: TableView, sel: A.Selector): RowInfo[] | undefined {
  switch (sel.kind) {
    case 'name':
      return oneRow(env, view, sel.name);
    case 'list': {
      const out: RowInfo[] = [];
      let ok = true;
      for (const n of sel.names) {
        const r = oneRow(env, view, n);
        if (r) out.push(...r);
        else ok = false;
      }
      return ok ? out : undefined;
    }
    case 'leaves': {
      const id = bound(env, sel.group, 'row') ?? sel.group.text;
      if (!view.rowGroups.has(id)) {
        env.report(
          env.uri,
          'dsl-unknown-group',
          `表“${view.table.id}”没有行分组“${sel.group.text}”`,
          sel.group.range,
        );
        return undefined;
      }
      return groupRows(view, id);
    }
    case 'range': {
      const from = oneRow(env, view, sel.from);
      const to = oneRow(env, view, sel.to);
      if (!from || !to || from.length !== 1 || to.length !== 1) return undefined;
      const i = view.rows.indexOf(from[0]!);
      const j = view.rows.indexOf(to[0]!);
      if (from[0]!.block !== to[0]!.block || i > j) {
        env.report(
          env.uri,
          'dsl-bad-range',
          `“${sel.from.text}..${sel.to.text}”不是同一块内从前到后的行`,
          sel.range,
        );
        return undefined;
      }
      return view.rows.slice(i, j + 1);
    }
  }
}

/** Columns of a block, or of the whole table (distinct ids, first occurrence) when no block is given. */
function columnsOf(view: TableView, block?: string): ColumnInfo[] {
  if (block !== undefined) return view.columns.filter((c) => c.block === block);
  const seen = new Set<string>();
  return view.columns.filter((c) => !seen.has(c.id) && seen.add(c.id));
}

function oneColumn(
  env: Env,
  view: TableView,
  name: A.Name,
  block?: string,
): ColumnInfo[] | undefined {
  const id = bound(env, name, 'column') ?? name.text;
  const cols = columnsOf(view, block);
  const col = cols.find((c) => c.id === id);
  if (col) return [col];
  if (view.columnGroups.has(id)) return cols.filter((c) => c.groupIds.includes(id));
  if (!name.text) return undefined;
  if (block !== undefined && view.columnsById.has(id)) {
    env.report(
      env.uri,
      'dsl-unknown-cell',
      `表“${view.table.id}”的块“${block}”没有列“${name.text}”`,
      name.range,
    );
  } else {
    env.report(
      env.uri,
      'dsl-unknown-column',
      `表“${view.table.id}”没有列“${name.text}”`,
      name.range,
    );
  }
  return undefined;
}

export function resolveColumns(
  env: Env,
  view: TableView,
  sel: A.Selector,
  block?: string,
): ColumnInfo[] | undefined {
  switch (sel.kind) {
    case 'name':
      return oneColumn(env, view, sel.name, block);
    case 'list': {
      const out: ColumnInfo[] = [];
      let ok = true;
      for (const n of sel.names) {
        const c = oneColumn(env, view, n, block);
        if (c) out.push(...c);
        else ok = false;
      }
      return ok ? out : undefined;
    }
    case 'leaves': {
      const id = sel.group.text;
      if (!view.columnGroups.has(id)) {
        env.report(
          env.uri,
          'dsl-unknown-group',
          `表“${view.table.id}”没有列分组“${id}”`,
          sel.group.range,
        );
        return undefined;
      }
      return columnsOf(view, block).filter((c) => c.groupIds.includes(id));
    }
    case 'range': {
      const from = oneColumn(env, view, sel.from, block);
      const to = oneColumn(env, view, sel.to, block);
      if (!from || !to || from.length !== 1 || to.length !== 1) return undefined;
      const cols = columnsOf(view, block ?? from[0]!.block);
      const i = cols.indexOf(from[0]!);
      const j = cols.indexOf(to[0]!);
      if (i < 0 || j < 0 || i > j) {
        env.report(
          env.uri,
          'dsl-bad-range',
          `“${sel.from.text}..${sel.to.text}”不是从前到后的列`,
          sel.range,
        );
        return undefined;
      }
      return cols.slice(i, j + 1);
    }
  }
}

/** The rows a cell reference spans: `T4[X]` names the only row of a one-row table. */
export function cellRows(env: Env, view: TableView, cell: A.CellAst): RowInfo[] | undefined {
  if (cell.row) return resolveRows(env, view, cell.row);
  if (view.rows.length === 1) return [view.rows[0]!];
  env.report(
    env.uri,
    'dsl-missing-row',
    `表“${view.table.id}”有 ${view.rows.length} 行：请写成 ${view.table.id}[行, 列]`,
    cell.range,
  );
  return undefined;
}
