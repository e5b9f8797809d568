/**
 * Quantifier expansion: an assertion `for each row r in T3: …` becomes one
 * instance per row, each a comparison of two linear combinations of cells.
 * Names that do not resolve are reported (once, at the name) and the
 * instance is dropped, so the same code serves the checker and the compiler.
 */
import type * as A from './ast.js';
import type {
  AssertionInstance,
  CellKind,
  CellRef,
  Comparison,
  Condition,
  LinearExpr,
} from './compiled.js';
import type { TableView } from './model.js';
import {
  cellRows,
  resolveColumns,
  resolveRows,
  tableView,
  type Binding,
  type Env,
} from './resolve.js';

export interface Expansion {
  readonly instances: AssertionInstance[];
  /** Kinds of every cell met, for the type check. */
  readonly kinds: CellKind[];
}

type Term = LinearExpr['terms'][number];

export function expandAssertion(env: Env, a: A.AssertionDecl): Expansion {
  const instances: AssertionInstance[] = [];
  const kinds: CellKind[] = [];
  const domains: { q: A.Quantifier; values: Binding[] }[] = [];
  for (const q of a.quantifiers) {
    const values = quantifierDomain(env, q);
    if (!values) return { instances, kinds };
    if (values.length === 0) {
      env.report(
        env.uri,
        'dsl-empty-set',
        `“${q.variable.text}”的取值范围为空：此规则永远不会被检查`,
        q.range,
      );
      return { instances, kinds };
    }
    if (
      env.bindings.has(q.variable.text) ||
      domains.some((d) => d.q.variable.text === q.variable.text)
    ) {
      env.report(env.uri, 'dsl-duplicate-id', `变量“${q.variable.text}”重复`, q.variable.range);
    }
    domains.push({ q, values });
  }
  const walk = (i: number, bindings: Map<string, Binding>): void => {
    if (i === domains.length) {
      const inst = instance({ ...env, bindings }, a, kinds);
      if (inst) instances.push(inst);
      return;
    }
    const { q, values } = domains[i]!;
    for (const v of values) walk(i + 1, new Map(bindings).set(q.variable.text, v));
  };
  walk(0, new Map(env.bindings));
  return { instances, kinds };
}

function quantifierDomain(env: Env, q: A.Quantifier): Binding[] | undefined {
  const view = tableView(env, q.table);
  if (!view) return undefined;
  const table = view.table.id;
  if (q.dimension === 'row') {
    const rows = q.selector ? resolveRows(env, view, q.selector) : [...view.rows];
    return rows?.map((r) => ({ dimension: 'row', table, id: r.id, label: r.label || r.id }));
  }
  const cols = q.selector ? resolveColumns(env, view, q.selector) : allColumns(view);
  return cols?.map((c) => ({ dimension: 'column', table, id: c.id, label: c.label || c.id }));
}

function allColumns(view: TableView): TableView['columns'][number][] {
  const seen = new Set<string>();
  return view.columns.filter((c) => !seen.has(c.id) && seen.add(c.id));
}

function instance(env: Env, a: A.AssertionDecl, kinds: CellKind[]): AssertionInstance | undefined {
  const assert = comparison(env, a.comparison, kinds);
  const when = a.when ? condition(env, a.when, kinds) : undefined;
  if (!assert || (a.when && !when)) return undefined;
  const bindings: Record<string, string> = {};
  for (const [name, b] of env.bindings) {
    bindings[name] = b.label;
    bindings[b.dimension] = b.label;
  }
  const [only] = assert.left.terms;
  const fixCell =
    assert.op === '=' &&
    assert.left.terms.length === 1 &&
    only?.coefficient === 1 &&
    assert.left.constant === 0
      ? only.cell
      : undefined;
  return {
    bindings,
    ...(when ? { when } : {}),
    assert,
    ...(fixCell ? { fixCell } : {}),
  };
}

export function comparison(
  env: Env,
  c: A.ComparisonExpr,
  kinds: CellKind[],
): Comparison | undefined {
  const left = linear(env, c.left, kinds);
  const right = linear(env, c.right, kinds);
  return left && right ? { op: c.op, left, right } : undefined;
}

/** A condition over cells (`when …`); `kinds` collects the cells' kinds for type checks. */
export function condition(env: Env, c: A.ConditionExpr, kinds: CellKind[]): Condition | undefined {
  if (c.kind === 'compare') {
    const cmp = comparison(env, c.comparison, kinds);
    return cmp ? { kind: 'compare', comparison: cmp } : undefined;
  }
  if (c.kind === 'not') {
    const inner = condition(env, c.operand, kinds);
    return inner ? { kind: 'not', operand: inner } : undefined;
  }
  const operands = c.operands.map((o) => condition(env, o, kinds));
  return operands.every((o) => o) ? { kind: c.kind, operands: operands as Condition[] } : undefined;
}

function linear(env: Env, e: A.LinearExprAst, kinds: CellKind[]): LinearExpr | undefined {
  const terms: Term[] = [];
  let constant = 0;
  let ok = true;
  for (const t of e.terms) {
    const k = t.sign * t.factor;
    const atom = t.atom;
    if (atom.kind === 'number') constant += k * atom.value;
    else if (atom.kind === 'capture') {
      env.report(
        env.uri,
        'dsl-unknown-capture',
        `“${atom.name.text}”不是单元格：单元格写作 表[行, 列]`,
        atom.range,
      );
      ok = false;
    } else {
      const cells =
        atom.kind === 'sum' ? cellSet(env, atom.cells, true) : cellSet(env, atom, false);
      if (!cells) ok = false;
      else {
        if (atom.kind === 'sum' && cells.length === 0) {
          env.report(env.uri, 'dsl-empty-set', '求和的范围为空', atom.range);
          ok = false;
        }
        const previous = (atom.kind === 'sum' ? atom.cells : atom).previous;
        for (const { cell, kind } of cells) {
          terms.push({ coefficient: k, cell: previous ? { ...cell, previous: true } : cell });
          kinds.push(kind);
        }
      }
    }
  }
  return ok ? { terms, constant } : undefined;
}

/** The cells a reference names; more than one only inside `sum(…)`. */
function cellSet(
  env: Env,
  ref: A.CellAst,
  allowMany: boolean,
): { cell: CellRef; kind: CellKind }[] | undefined {
  const view = tableView(env, ref.table);
  if (!view) return undefined;
  const rows = cellRows(env, view, ref);
  if (!rows) return undefined;
  const out: { cell: CellRef; kind: CellKind }[] = [];
  for (const row of rows) {
    const cols = resolveColumns(env, view, ref.column, row.block);
    if (!cols) return undefined;
    for (const col of cols)
      out.push({ cell: { table: view.table.id, row: row.id, column: col.id }, kind: col.kind });
  }
  if (!allowMany && out.length !== 1) {
    env.report(
      env.uri,
      'dsl-not-a-cell',
      `“${textOf(ref)}”指 ${out.length} 个单元格：多个单元格请用 sum(…)`,
      ref.range,
    );
    return undefined;
  }
  return out;
}

function textOf(ref: A.CellAst): string {
  return ref.table.text + '[…]';
}
