/**
 * Which arithmetic rules involve a cell, and what they compute on the
 * report as read: the numbers a hover shows next to the cell. This only
 * reads the compiled pack's linear expressions; verdicts shown to the user
 * as problems still come from core's lint() alone.
 */
import type {
  AssertionInstance,
  CellRef,
  ComparisonOp,
  CompiledRule,
  CompiledTemplate,
  Condition,
  LinearExpr,
} from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import { sameCell } from './cell-names.js';

type Cell = ReportModel['cells'][number];

export interface ExprValue {
  /** null when a cell of the expression has no value (missing from the report). */
  readonly value: number | null;
  readonly terms: readonly {
    readonly cell: CellRef;
    readonly coefficient: number;
    readonly value: number | null;
  }[];
  readonly constant: number;
}

export interface RuleInvolvement {
  readonly rule: CompiledRule;
  readonly instance: AssertionInstance;
  readonly op: ComparisonOp;
  readonly left: ExprValue;
  readonly right: ExprValue;
  /** Whether the identity holds; null when a value is missing. */
  readonly holds: boolean | null;
}

export type CellLookup = (ref: CellRef) => Cell | undefined;

export function cellLookup(model: ReportModel): CellLookup {
  const byKey = new Map<string, Cell>();
  for (const cell of model.cells)
    byKey.set(`${cell.table}\u0000${cell.row}\u0000${cell.column}`, cell);
  return (ref) => byKey.get(`${ref.table}\u0000${ref.row}\u0000${ref.column}`);
}

export function evaluateExpr(expr: LinearExpr, lookup: CellLookup): ExprValue {
  let value: number | null = expr.constant;
  const terms = expr.terms.map((term) => {
    const cellValue = lookup(term.cell)?.value ?? null;
    value = value === null || cellValue === null ? null : value + term.coefficient * cellValue;
    return { cell: term.cell, coefficient: term.coefficient, value: cellValue };
  });
  return { value, terms, constant: expr.constant };
}

export function compare(op: ComparisonOp, left: number, right: number, tolerance: number): boolean {
  const equal = Math.abs(left - right) <= tolerance + 1e-9;
  switch (op) {
    case '=':
      return equal;
    case '≠':
      return !equal;
    case '<':
      return left < right && !equal;
    case '≤':
      return left <= right || equal;
    case '>':
      return left > right && !equal;
    case '≥':
      return left >= right || equal;
  }
}

function exprMentions(expr: LinearExpr, ref: CellRef): boolean {
  return expr.terms.some((term) => sameCell(term.cell, ref));
}

function conditionMentions(condition: Condition | undefined, ref: CellRef): boolean {
  if (!condition) return false;
  switch (condition.kind) {
    case 'compare':
      return (
        exprMentions(condition.comparison.left, ref) ||
        exprMentions(condition.comparison.right, ref)
      );
    case 'not':
      return conditionMentions(condition.operand, ref);
    default:
      return condition.operands.some((operand) => conditionMentions(operand, ref));
  }
}

function conditionHolds(
  condition: Condition,
  lookup: CellLookup,
  tolerance: number,
): boolean | null {
  switch (condition.kind) {
    case 'compare': {
      const left = evaluateExpr(condition.comparison.left, lookup).value;
      const right = evaluateExpr(condition.comparison.right, lookup).value;
      if (left === null || right === null) return null;
      return compare(condition.comparison.op, left, right, tolerance);
    }
    case 'not': {
      const inner = conditionHolds(condition.operand, lookup, tolerance);
      return inner === null ? null : !inner;
    }
    default: {
      const values = condition.operands.map((o) => conditionHolds(o, lookup, tolerance));
      if (values.includes(null)) return null;
      return condition.kind === 'and' ? values.every(Boolean) : values.some(Boolean);
    }
  }
}

/** Every instance of an assertion rule that reads `ref`, evaluated on the model. */
export function rulesInvolving(
  template: CompiledTemplate,
  model: ReportModel,
  ref: CellRef,
  lookup: CellLookup = cellLookup(model),
): RuleInvolvement[] {
  const found: RuleInvolvement[] = [];
  for (const rule of template.rules) {
    // Cross-report rules (`previous …`) read last year's report, which one document does not have.
    if (rule.check.kind !== 'assert' || rule.check.crossReport) continue;
    const { tolerance } = rule.check;
    for (const instance of rule.check.instances) {
      const { assert } = instance;
      const mentioned =
        exprMentions(assert.left, ref) ||
        exprMentions(assert.right, ref) ||
        conditionMentions(instance.when, ref);
      if (!mentioned) continue;
      if (instance.when && conditionHolds(instance.when, lookup, tolerance) === false) continue;
      const left = evaluateExpr(assert.left, lookup);
      const right = evaluateExpr(assert.right, lookup);
      const holds =
        left.value === null || right.value === null
          ? null
          : compare(assert.op, left.value, right.value, tolerance);
      found.push({ rule, instance, op: assert.op, left, right, holds });
    }
  }
  return found;
}

/** Narrative rules that compare a number in the text with this cell (`expect T4[RV.总计] = 0`). */
export function textRulesInvolving(template: CompiledTemplate, ref: CellRef): CompiledRule[] {
  return template.rules.filter((rule) => {
    if (rule.check.kind !== 'text' || !rule.check.assert) return false;
    const { left, right } = rule.check.assert;
    return [left, right].some((side) => 'terms' in side && exprMentions(side, ref));
  });
}
