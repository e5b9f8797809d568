/**
 * Cell values for arithmetic. A cell the reader could not find has no value,
 * and any expression that needs it is not evaluable; a blank or non-numeric
 * cell counts as 0 (the reader flags it separately).
 *
 * This is the hot loop of linting (every identity of every report), so
 * cells are numbered once: a CellRef of a compiled pack (immutable, reused
 * by every lint) gets a slot, and values live in a Float64Array with NaN for
 * "no value". No strings are built per lookup.
 */
import type {
  CellRef,
  ComparisonOp,
  CompiledRule,
  Condition,
  LinearExpr,
  TextCondition,
} from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';

type Cell = ReportModel['cells'][number];

/** table → row → column → slot, shared by every template (ids are plain strings). */
const slotsByName = new Map<string, Map<string, Map<string, number>>>();
const slotsByRef = new WeakMap<CellRef, number>();
let slotCount = 0;

function slotOfName(table: string, row: string, column: string): number {
  let rows = slotsByName.get(table);
  if (!rows) slotsByName.set(table, (rows = new Map()));
  let columns = rows.get(row);
  if (!columns) rows.set(row, (columns = new Map()));
  let slot = columns.get(column);
  if (slot === undefined) columns.set(column, (slot = slotCount++));
  return slot;
}

/** The slot of a cell a rule names (numbered on first sight). */
export function slotOf(ref: CellRef): number {
  let slot = slotsByRef.get(ref);
  if (slot === undefined) {
    slot = slotOfName(ref.table, ref.row, ref.column);
    slotsByRef.set(ref, slot);
  }
  return slot;
}

const registered = new WeakSet<object>();

/**
 * Number every cell the rules read (identities, and the cells narrative
 * checks compare with), once per set of rules (a template's), before
 * reading values: a model cell without a slot is not read.
 */
export function registerCells(owner: object, rules: readonly CompiledRule[]): void {
  if (registered.has(owner)) return;
  registered.add(owner);
  const expr = (e: LinearExpr) => e.terms.forEach((t) => slotOf(t.cell));
  const condition = (c: Condition): void => {
    if (c.kind === 'compare') [c.comparison.left, c.comparison.right].forEach(expr);
    else if (c.kind === 'not') condition(c.operand);
    else c.operands.forEach(condition);
  };
  type AnyCondition = Condition | TextCondition;
  const anyCondition = (c: AnyCondition): void => {
    if (c.kind === 'compare') [c.comparison.left, c.comparison.right].forEach(expr);
    else if (c.kind === 'not') anyCondition(c.operand);
    else c.operands.forEach(anyCondition);
  };
  for (const rule of rules) {
    if (rule.check.kind === 'text') {
      // Narrative checks compare captures with cells, and run `when` cells hold.
      if (rule.check.when) anyCondition(rule.check.when);
      for (const p of [...rule.check.patterns, ...(rule.check.unless ?? [])]) {
        if (p.expect) anyCondition(p.expect);
      }
      continue;
    }
    if (rule.check.kind !== 'assert') continue;
    for (const i of rule.check.instances) {
      expr(i.assert.left);
      expr(i.assert.right);
      if (i.when) condition(i.when);
      if (i.fixCell) slotOf(i.fixCell);
    }
  }
}

/** A stable key for a cell, for maps outside the hot loop. */
export function cellKey(ref: CellRef): number {
  return slotOf(ref);
}

/** The values a check reads; `with` gives a copy with some cells replaced (for repairs). */
export class CellValues {
  private constructor(
    private readonly values: Float64Array,
    private readonly cells: readonly (Cell | undefined)[],
  ) {}

  /** Values of the cells that rules name (see `registerCells`). */
  static fromModel(model: ReportModel): CellValues {
    const values = new Float64Array(slotCount).fill(NaN);
    const cells: (Cell | undefined)[] = new Array(slotCount);
    // A table's cells come row by row: the row's column map is looked up
    // once per row, not once per cell.
    let table: string | undefined;
    let row: string | undefined;
    let columns: Map<string, number> | undefined;
    for (const cell of model.cells) {
      if (cell.row !== row || cell.table !== table) {
        table = cell.table;
        row = cell.row;
        columns = slotsByName.get(table)?.get(row);
      }
      const slot = columns?.get(cell.column);
      if (slot === undefined) continue; // no rule reads it
      cells[slot] = cell;
      if (cell.status === 'missing' || cell.value === null) continue;
      values[slot] = cell.status === 'number' ? cell.value : 0;
    }
    return new CellValues(values, cells);
  }

  get(ref: CellRef): number | undefined {
    const v = this.at(slotOf(ref));
    return Number.isNaN(v) ? undefined : v;
  }

  /** NaN when the cell has no value (or no slot yet). */
  at(slot: number): number {
    return slot < this.values.length ? (this.values[slot] as number) : NaN;
  }

  cell(ref: CellRef): Cell | undefined {
    return this.cells[slotOf(ref)];
  }

  with(changes: readonly { readonly cell: CellRef; readonly value: number }[]): CellValues {
    const values = new Float64Array(Math.max(slotCount, this.values.length)).fill(NaN);
    values.set(this.values);
    for (const c of changes) values[slotOf(c.cell)] = c.value;
    return new CellValues(values, this.cells);
  }
}

/** A linear combination with its cells as slots, built once per expression of a pack. */
export interface SlotExpr {
  readonly slots: Int32Array;
  readonly coefficients: Float64Array;
  readonly constant: number;
}

const slotExprs = new WeakMap<LinearExpr, SlotExpr>();

export function slotExpr(expr: LinearExpr): SlotExpr {
  let compiled = slotExprs.get(expr);
  if (!compiled) {
    compiled = {
      slots: Int32Array.from(expr.terms, (t) => slotOf(t.cell)),
      coefficients: Float64Array.from(expr.terms, (t) => t.coefficient),
      constant: expr.constant,
    };
    slotExprs.set(expr, compiled);
  }
  return compiled;
}

/** The slots of an expression's cells, in term order (computed once per expression). */
export function exprSlots(expr: LinearExpr): Int32Array {
  return slotExpr(expr).slots;
}

/** The value of a linear combination; NaN when a cell has no value. */
export function exprValue(expr: LinearExpr, values: CellValues): number {
  return slotExprValue(slotExpr(expr), values);
}

/** The value of a compiled linear combination; NaN when a cell has no value. */
export function slotExprValue(
  { slots, coefficients, constant }: SlotExpr,
  values: CellValues,
): number {
  let total = constant;
  for (let i = 0; i < slots.length; i++) {
    total += (coefficients[i] as number) * values.at(slots[i] as number);
  }
  return total;
}

/** Each term with its value, for the arithmetic in a message. */
export function exprTerms(
  expr: LinearExpr,
  values: CellValues,
): { readonly coefficient: number; readonly value: number }[] {
  return expr.terms.map((t) => ({ coefficient: t.coefficient, value: values.get(t.cell) ?? NaN }));
}

/** Compare with an absolute tolerance (0 for counts, e.g. 0.01 for amounts). */
export function compare(op: ComparisonOp, left: number, right: number, tolerance: number): boolean {
  // The epsilon absorbs float noise in sums of decimals, never a real unit.
  const eps = tolerance + 1e-9;
  const d = left - right;
  switch (op) {
    case '=':
      return Math.abs(d) <= eps;
    case '≠':
      return Math.abs(d) > eps;
    case '<':
      return d < -eps;
    case '≤':
      return d <= eps;
    case '>':
      return d > eps;
    case '≥':
      return d >= -eps;
  }
}

/** true / false, or null when a cell it needs has no value. */
export function evaluateCondition(
  condition: Condition,
  values: CellValues,
  tolerance: number,
): boolean | null {
  switch (condition.kind) {
    case 'compare': {
      const { op, left, right } = condition.comparison;
      const l = exprValue(left, values);
      const r = exprValue(right, values);
      if (Number.isNaN(l) || Number.isNaN(r)) return null;
      return compare(op, l, r, tolerance);
    }
    case 'not': {
      const v = evaluateCondition(condition.operand, values, tolerance);
      return v === null ? null : !v;
    }
    case 'and':
    case 'or': {
      // Any unknown operand makes the whole unknown: a rule is never decided
      // on part of its cells.
      let result = condition.kind === 'and';
      for (const operand of condition.operands) {
        const v = evaluateCondition(operand, values, tolerance);
        if (v === null) return null;
        result = condition.kind === 'and' ? result && v : result || v;
      }
      return result;
    }
  }
}
