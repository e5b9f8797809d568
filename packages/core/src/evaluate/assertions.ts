/**
 * Arithmetic identities (AssertionChecks): each instance compares two linear
 * combinations of cells. An instance that needs a cell the reader did not
 * find is not evaluable: neither passed nor failed.
 */
import type { AssertionCheck, AssertionInstance, CompiledRule } from '@govlint/dsl';
import type { RuleEvaluation } from '../api.js';
import {
  type CellValues,
  type SlotExpr,
  compare,
  evaluateCondition,
  slotExpr,
  slotExprValue,
} from './values.js';

export type InstanceStatus = 'passed' | 'failed' | 'not-evaluable';

export interface InstanceResult {
  readonly status: InstanceStatus;
  /** The two sides' values, when evaluated. */
  readonly left?: number;
  readonly right?: number;
}

export interface InstanceOutcome extends InstanceResult {
  readonly rule: CompiledRule;
  readonly check: AssertionCheck;
  readonly instance: AssertionInstance;
  /** Position in evaluation order (rule order, then instance order). */
  readonly order: number;
}

const PASSED: InstanceResult = { status: 'passed' };
const NOT_EVALUABLE: InstanceResult = { status: 'not-evaluable' };

export function evaluateInstance(
  check: AssertionCheck,
  instance: AssertionInstance,
  values: CellValues,
): InstanceResult {
  const { left, right } = instance.assert;
  return evaluateSides(check, instance, slotExpr(left), slotExpr(right), values);
}

function evaluateSides(
  check: AssertionCheck,
  instance: AssertionInstance,
  leftExpr: SlotExpr,
  rightExpr: SlotExpr,
  values: CellValues,
): InstanceResult {
  if (instance.when) {
    const applies = evaluateCondition(instance.when, values, check.tolerance);
    if (applies === null) return NOT_EVALUABLE;
    // A condition that does not hold makes the identity vacuously true.
    if (!applies) return PASSED;
  }
  const left = slotExprValue(leftExpr, values);
  const right = slotExprValue(rightExpr, values);
  if (Number.isNaN(left) || Number.isNaN(right)) return NOT_EVALUABLE;
  const holds = compare(instance.assert.op, left, right, check.tolerance);
  return holds ? PASSED : { status: 'failed', left, right };
}

export function isAssertionRule(
  rule: CompiledRule,
): rule is CompiledRule & { readonly check: AssertionCheck } {
  return rule.check.kind === 'assert';
}

/**
 * Evaluate the rules in the order given (the pack's declaration order, which
 * puts row totals before column totals before balances, spec §5.1).
 */
export function evaluateAssertions(
  rules: readonly CompiledRule[],
  values: CellValues,
): InstanceOutcome[] {
  const steps = assertionSteps(rules);
  const outcomes: InstanceOutcome[] = new Array(steps.length);
  for (let order = 0; order < steps.length; order++) {
    const { rule, check, instance, left, right } = steps[order]!;
    const r = evaluateSides(check, instance, left, right, values);
    outcomes[order] = {
      status: r.status,
      left: r.left,
      right: r.right,
      rule,
      check,
      instance,
      order,
    };
  }
  return outcomes;
}

/** An instance with its sides compiled to slots: a list of rules flattened once, not per report. */
export interface AssertionStep {
  readonly rule: CompiledRule;
  readonly check: AssertionCheck;
  readonly instance: AssertionInstance;
  readonly left: SlotExpr;
  readonly right: SlotExpr;
}

const stepLists = new WeakMap<readonly CompiledRule[], readonly AssertionStep[]>();

export function assertionSteps(rules: readonly CompiledRule[]): readonly AssertionStep[] {
  const cached = stepLists.get(rules);
  if (cached) return cached;
  const list: AssertionStep[] = [];
  for (const rule of rules) {
    if (!isAssertionRule(rule)) continue;
    for (const instance of rule.check.instances) {
      const { left, right } = instance.assert;
      list.push({
        rule,
        check: rule.check,
        instance,
        left: slotExpr(left),
        right: slotExpr(right),
      });
    }
  }
  stepLists.set(rules, list);
  return list;
}

/** Per-rule counts, in rule order. */
export function summarise(outcomes: readonly InstanceOutcome[]): RuleEvaluation[] {
  const byRule = new Map<string, { passed: number; failed: number; notEvaluable: number }>();
  for (const o of outcomes) {
    let entry = byRule.get(o.rule.id);
    if (!entry) byRule.set(o.rule.id, (entry = { passed: 0, failed: 0, notEvaluable: 0 }));
    if (o.status === 'passed') entry.passed++;
    else if (o.status === 'failed') entry.failed++;
    else entry.notEvaluable++;
  }
  const out: RuleEvaluation[] = [];
  // A literal with the keys in order, not a spread of the counts (slow on Node 20).
  for (const [ruleId, { passed, failed, notEvaluable }] of byRule) {
    out.push({ ruleId, instances: passed + failed + notEvaluable, passed, failed, notEvaluable });
  }
  return out;
}
