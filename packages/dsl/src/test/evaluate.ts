// A tiny reference evaluator for the tests: the real one lives in @govlint/core.
// It evaluates assertion instances over cell values built in code.
import type {
  AssertionInstance,
  CellRef,
  Comparison,
  CompiledRule,
  CompiledTemplate,
  Condition,
  LinearExpr,
} from '../compiled.js';

export type Values = Map<string, number>;

export const key = (c: CellRef): string => `${c.table}|${c.row}|${c.column}`;

/** Every cell of the template, set to 0: a report where every identity holds. */
export function zeros(t: CompiledTemplate): Values {
  const v: Values = new Map();
  for (const table of t.tables) {
    for (const b of table.blocks) {
      for (const r of b.rows)
        for (const c of b.columns) v.set(key({ table: table.id, row: r.id, column: c.id }), 0);
    }
  }
  return v;
}

export function set(v: Values, table: string, row: string, column: string, value: number): Values {
  const k = key({ table, row, column });
  if (!v.has(k)) throw new Error(`no cell ${k}`);
  return new Map(v).set(k, value);
}

function value(e: LinearExpr, v: Values): number {
  return e.terms.reduce((s, t) => s + t.coefficient * (v.get(key(t.cell)) ?? NaN), e.constant);
}

function holds(c: Comparison, v: Values, tolerance: number): boolean {
  const d = value(c.left, v) - value(c.right, v);
  switch (c.op) {
    case '=':
      return Math.abs(d) <= tolerance;
    case '≠':
      return Math.abs(d) > tolerance;
    case '<':
      return d < 0;
    case '≤':
      return d <= tolerance;
    case '>':
      return d > 0;
    case '≥':
      return d >= -tolerance;
  }
}

function condition(c: Condition, v: Values): boolean {
  if (c.kind === 'compare') return holds(c.comparison, v, 0);
  if (c.kind === 'not') return !condition(c.operand, v);
  return c.kind === 'and'
    ? c.operands.every((o) => condition(o, v))
    : c.operands.some((o) => condition(o, v));
}

/** The instances of a rule that are violated. */
export function violations(rule: CompiledRule, v: Values): AssertionInstance[] {
  if (rule.check.kind !== 'assert') throw new Error(`${rule.id} is not an assertion`);
  const { tolerance } = rule.check;
  return rule.check.instances.filter(
    (i) => (!i.when || condition(i.when, v)) && !holds(i.assert, v, tolerance),
  );
}

/** Fills a message template the way the engine documents it (docs/dsl.md). */
export function render(rule: CompiledRule, i: AssertionInstance, v: Values): string {
  const terms = (e: LinearExpr): string =>
    e.terms
      .map(
        (t, n) =>
          `${n > 0 ? (t.coefficient < 0 ? '-' : '+') : t.coefficient < 0 ? '-' : ''}${v.get(key(t.cell))}`,
      )
      .join('');
  const left = value(i.assert.left, v);
  const right = value(i.assert.right, v);
  const values: Record<string, string> = {
    ...i.bindings,
    left: String(left),
    right: String(right),
    'left.terms': terms(i.assert.left),
    'right.terms': terms(i.assert.right),
    difference: String(left - right),
  };
  return rule.message.replace(/\{([^{}]+)\}/g, (m, name: string) => values[name] ?? m);
}
