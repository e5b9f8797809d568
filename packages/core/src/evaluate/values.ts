/**
 * Cell values for arithmetic. A cell the reader could not find has no value,
 * and any expression that needs it is not evaluable; a blank or non-numeric
 * cell counts as 0 (the reader flags it separately).
 */
import type { CellRef, ComparisonOp, Condition, LinearExpr } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';

type Cell = ReportModel['cells'][number];

export function cellKey(ref: CellRef): string {
  return `${ref.table}\u0000${ref.row}\u0000${ref.column}`;
}

/** The values a check reads; `with` gives a copy with some cells replaced (for repairs). */
export class CellValues {
  private constructor(
    private readonly values: Map<string, number>,
    readonly cells: ReadonlyMap<string, Cell>,
  ) {}

  static fromModel(model: ReportModel): CellValues {
    const values = new Map<string, number>();
    const cells = new Map<string, Cell>();
    for (const cell of model.cells) {
      const key = cellKey(cell);
      cells.set(key, cell);
      if (cell.status === 'missing' || cell.value === null) continue;
      values.set(key, cell.status === 'number' ? cell.value : 0);
    }
    return new CellValues(values, cells);
  }

  get(ref: CellRef): number | undefined {
    return this.values.get(cellKey(ref));
  }

  cell(ref: CellRef): Cell | undefined {
    return this.cells.get(cellKey(ref));
  }

  with(changes: readonly { readonly cell: CellRef; readonly value: number }[]): CellValues {
    const values = new Map(this.values);
    for (const c of changes) values.set(cellKey(c.cell), c.value);
    return new CellValues(values, this.cells);
  }
}

export interface EvaluatedExpr {
  readonly value: number;
  /** Each term's value, for the arithmetic in the message. */
  readonly terms: readonly { readonly coefficient: number; readonly value: number }[];
}

/** null when a cell of the expression has no value. */
export function evaluateExpr(expr: LinearExpr, values: CellValues): EvaluatedExpr | null {
  let total = expr.constant;
  const terms: { coefficient: number; value: number }[] = [];
  for (const term of expr.terms) {
    const v = values.get(term.cell);
    if (v === undefined) return null;
    total += term.coefficient * v;
    terms.push({ coefficient: term.coefficient, value: v });
  }
  return { value: total, terms };
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
      const l = evaluateExpr(left, values);
      const r = evaluateExpr(right, values);
      if (!l || !r) return null;
      return compare(op, l.value, r.value, tolerance);
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
