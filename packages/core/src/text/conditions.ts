/**
 * A text check's expectation (`expect n = T3[一, TOT] or …`): captures from
 * the match, cells from the tables, numbers. A cell the reader did not find
 * makes the expectation unknown (null): no finding is better than a guess.
 */
import type { CellRef, TextAssertion, TextCondition, TextExpr } from '@govlint/dsl';
import type { MessageValues } from '../messages.js';
import { formatTerms } from '../messages.js';
import { compare } from '../evaluate/values.js';

export type Captures = Readonly<Record<string, { readonly value: number }>>;
export type CellValue = (ref: CellRef) => number | undefined;

export interface ConditionOutcome {
  /** null: a value it needs is missing. */
  readonly holds: boolean | null;
  /** The comparison a message shows (the first one that did not hold), with its values. */
  readonly shown?: ShownComparison;
}

export interface ShownComparison {
  readonly comparison: TextAssertion;
  readonly left: number;
  readonly right: number;
  readonly values: MessageValues;
}

export function evaluateTextCondition(
  condition: TextCondition,
  captures: Captures,
  cell: CellValue,
): ConditionOutcome {
  switch (condition.kind) {
    case 'compare': {
      const shown = evaluateComparison(condition.comparison, captures, cell);
      if (!shown) return { holds: null };
      const holds = compare(condition.comparison.op, shown.left, shown.right, 1e-6);
      return { holds, shown };
    }
    case 'not': {
      const inner = evaluateTextCondition(condition.operand, captures, cell);
      return outcome(inner.holds === null ? null : !inner.holds, inner.shown);
    }
    case 'and':
    case 'or': {
      let firstShown: ShownComparison | undefined;
      let failedShown: ShownComparison | undefined;
      let unknown = false;
      for (const operand of condition.operands) {
        const o = evaluateTextCondition(operand, captures, cell);
        firstShown ??= o.shown;
        if (o.holds === null) unknown = true;
        else if (o.holds === (condition.kind === 'or')) {
          return outcome(condition.kind === 'or', o.shown);
        } else failedShown ??= o.shown;
      }
      if (unknown) return { holds: null };
      const shown = failedShown ?? firstShown;
      return outcome(condition.kind === 'and', shown);
    }
  }
}

/**
 * Whether the condition holds (null: a value it needs is missing), as
 * evaluateTextCondition decides it, on numbers only: most expectations of a
 * report hold, and what a message would show is worked out only for those
 * that do not. The sums are added in the same order, so they are the same
 * numbers.
 */
export function conditionHolds(
  condition: TextCondition,
  captures: Captures,
  cell: CellValue,
): boolean | null {
  switch (condition.kind) {
    case 'compare': {
      const { op, left, right } = condition.comparison;
      const l = sideValue(left, captures, cell);
      const r = sideValue(right, captures, cell);
      return l === undefined || r === undefined ? null : compare(op, l, r, 1e-6);
    }
    case 'not': {
      const inner = conditionHolds(condition.operand, captures, cell);
      return inner === null ? null : !inner;
    }
    case 'and':
    case 'or': {
      const decisive = condition.kind === 'or';
      let unknown = false;
      for (let i = 0; i < condition.operands.length; i++) {
        const o = conditionHolds(condition.operands[i]!, captures, cell);
        if (o === null) unknown = true;
        else if (o === decisive) return decisive;
      }
      return unknown ? null : !decisive;
    }
  }
}

/** A side's value, as `side` sums it (undefined: a value is missing). */
function sideValue(expr: TextExpr, captures: Captures, cell: CellValue): number | undefined {
  let value = expr.constant;
  for (let i = 0; i < expr.captures.length; i++) {
    const c = expr.captures[i]!;
    const v = captures[c.capture]?.value;
    if (v === undefined || Number.isNaN(v)) return undefined;
    value += c.coefficient * v;
  }
  for (let i = 0; i < expr.terms.length; i++) {
    const t = expr.terms[i]!;
    const v = cell(t.cell);
    if (v === undefined) return undefined;
    value += t.coefficient * v;
  }
  return value;
}

/** An outcome without `shown` when there is none (two literals: a spread is slow on Node 20). */
function outcome(holds: boolean | null, shown: ShownComparison | undefined): ConditionOutcome {
  return shown ? { holds, shown } : { holds };
}

function evaluateComparison(
  comparison: TextAssertion,
  captures: Captures,
  cell: CellValue,
): ShownComparison | undefined {
  const left = side(comparison.left, captures, cell);
  const right = side(comparison.right, captures, cell);
  if (!left || !right) return undefined;
  return {
    comparison,
    left: left.value,
    right: right.value,
    values: {
      left: left.value,
      right: right.value,
      'left.terms': formatTerms(left.terms, comparison.left.constant),
      'right.terms': formatTerms(right.terms, comparison.right.constant),
      difference: left.value - right.value,
    },
  };
}

function side(
  expr: TextExpr,
  captures: Captures,
  cell: CellValue,
): { value: number; terms: { coefficient: number; value: number }[] } | undefined {
  let value = expr.constant;
  const terms: { coefficient: number; value: number }[] = [];
  for (const c of expr.captures) {
    const v = captures[c.capture]?.value;
    if (v === undefined || Number.isNaN(v)) return undefined;
    value += c.coefficient * v;
    terms.push({ coefficient: c.coefficient, value: v });
  }
  for (const t of expr.terms) {
    const v = cell(t.cell);
    if (v === undefined) return undefined;
    value += t.coefficient * v;
    terms.push({ coefficient: t.coefficient, value: v });
  }
  return { value, terms };
}

/** Every cell a condition reads, in order: where a finding about the tables points. */
export function conditionCells(condition: TextCondition): CellRef[] {
  if (condition.kind === 'compare') {
    return [...condition.comparison.left.terms, ...condition.comparison.right.terms].map(
      (t) => t.cell,
    );
  }
  if (condition.kind === 'not') return conditionCells(condition.operand);
  return condition.operands.flatMap(conditionCells);
}
