/**
 * One wrong cell often breaks several identities. In seed 000 the row total
 * of one result row is 0 instead of 2; the grand-total row was summed from
 * the wrong value, so its own row total and the column balance fail too.
 * Reporting three unrelated errors hides the cause, so before writing
 * messages we look for the smallest repair that explains the failures:
 *
 * 1. every failed identity with a fix cell proposes a repair (that cell takes
 *    the value that makes the identity hold);
 * 2. the repair is propagated to totals that were consistent with the wrong
 *    value: an identity that held before and fails after, whose fix cell is
 *    a total summing the repaired cell, is repaired in turn;
 * 3. the repair that makes the most failed identities hold, while breaking
 *    none that held, is the probable root cause of those failures.
 *
 * A repair is only offered as a fix when it is certain: it breaks nothing and
 * no different repair explains the same failures equally well.
 */
import type { AssertionCheck, AssertionInstance, CellRef, CompiledRule } from '@govlint/dsl';
import {
  type AssertionStep,
  type InstanceOutcome,
  assertionSteps,
  evaluateInstance,
} from './assertions.js';
import { type CellValues, cellKey, exprSlots, slotExpr } from './values.js';

export interface Repair {
  readonly cell: CellRef;
  readonly from: number;
  readonly value: number;
}

export interface RootCause {
  /** The failed identity whose fix cell is the wrong cell. */
  readonly origin: InstanceOutcome;
  /** The origin's repair first, then the totals derived from it. */
  readonly repairs: readonly Repair[];
  /** Failed identities that hold once the repairs are made. */
  readonly explains: ReadonlySet<InstanceOutcome>;
}

interface Candidate extends RootCause {
  readonly broken: number;
}

/**
 * Failed outcome → its probable root cause, for the failures that have one.
 * `rules` are the rules the outcomes were evaluated from (`evaluateAssertions`).
 */
export function findRootCauses(
  rules: readonly CompiledRule[],
  outcomes: readonly InstanceOutcome[],
  values: CellValues,
): Map<InstanceOutcome, RootCause> {
  if (!outcomes.some((o) => o.status === 'failed')) return new Map();
  const byCell = cellIndex(assertionSteps(rules));
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const origin of outcomes) {
    if (origin.status !== 'failed') continue;
    const seed = proposeRepair(origin, origin.left, origin.right, values);
    if (!seed) continue;
    const key = `${cellKey(seed.cell)}=${seed.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push(propagate(origin, seed, values, outcomes, byCell));
  }
  candidates.sort(
    (a, b) =>
      b.explains.size - a.explains.size || a.broken - b.broken || a.origin.order - b.origin.order,
  );

  const roots = new Map<InstanceOutcome, RootCause>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (c.broken > 0 || c.explains.size === 0) continue;
    if ([...c.explains].every((f) => roots.has(f))) continue;
    if (isAmbiguous(c, candidates, i)) continue;
    for (const f of c.explains) if (!roots.has(f)) roots.set(f, c);
  }
  return roots;
}

/** Cell → the positions (evaluation order) of the instances that read it. */
type CellIndex = ReadonlyMap<number, readonly number[]>;

const NONE: readonly number[] = [];
const cellIndexes = new WeakMap<readonly AssertionStep[], CellIndex>();

/**
 * Which instances read each cell, once per list of rules: the outcomes of a
 * report are in the same order, so only their status is looked at per report.
 */
function cellIndex(steps: readonly AssertionStep[]): CellIndex {
  const cached = cellIndexes.get(steps);
  if (cached) return cached;
  const byCell = new Map<number, number[]>();
  steps.forEach(({ left, right }, order) => {
    for (const side of [left, right]) {
      for (const key of side.slots) {
        const list = byCell.get(key);
        if (list) {
          if (list[list.length - 1] !== order) list.push(order);
        } else byCell.set(key, [order]);
      }
    }
  });
  cellIndexes.set(steps, byCell);
  return byCell;
}

/**
 * The value the fix cell must take for the identity to hold, or null when
 * there is none that a count could take (negative, fractional).
 */
function proposeRepair(
  outcome: { readonly instance: AssertionInstance; readonly check: AssertionCheck },
  left: number | undefined,
  right: number | undefined,
  values: CellValues,
): Repair | null {
  const { instance, check } = outcome;
  const fixCell = instance.fixCell;
  if (!fixCell || instance.assert.op !== '=' || left === undefined || right === undefined)
    return null;
  const from = values.get(fixCell);
  const coefficient = coefficientOn(instance, fixCell);
  if (from === undefined || coefficient === 0) return null;
  const value = from + (right - left) / coefficient;
  if (value < 0) return null;
  if (check.tolerance === 0 && !Number.isInteger(value)) return null;
  return { cell: fixCell, from, value: roundLike(value, check.tolerance) };
}

function coefficientOn(instance: AssertionInstance, cell: CellRef): number {
  const key = cellKey(cell);
  const { slots, coefficients } = slotExpr(instance.assert.left);
  let c = 0;
  for (let i = 0; i < slots.length; i++) if (slots[i] === key) c += coefficients[i]!;
  return c;
}

function onRight(instance: AssertionInstance, key: number): boolean {
  return exprSlots(instance.assert.right).includes(key);
}

function roundLike(value: number, tolerance: number): number {
  if (tolerance === 0) return Math.round(value);
  const decimals = Math.max(0, Math.ceil(-Math.log10(tolerance)));
  return Number(value.toFixed(decimals));
}

function propagate(
  origin: InstanceOutcome,
  seed: Repair,
  values: CellValues,
  outcomes: readonly InstanceOutcome[],
  byCell: CellIndex,
): Candidate {
  const repairs: Repair[] = [seed];
  const repaired = new Set<number>([cellKey(seed.cell)]);
  let current = values.with(repairs);
  const queue = [seed.cell];
  while (queue.length > 0) {
    const cell = queue.shift() as CellRef;
    const key = cellKey(cell);
    for (const i of byCell.get(key) ?? NONE) {
      const o = outcomes[i]!;
      // Only totals that were consistent with the wrong value were derived
      // from it; an identity that already failed has a cause of its own.
      const fixCell = o.instance.fixCell;
      if (o.status !== 'passed' || !fixCell || repaired.has(cellKey(fixCell))) continue;
      if (!onRight(o.instance, key)) continue;
      const after = evaluateInstance(o.check, o.instance, current);
      if (after.status !== 'failed') continue;
      const next = proposeRepair(o, after.left, after.right, current);
      if (!next) continue;
      repairs.push(next);
      repaired.add(cellKey(next.cell));
      current = current.with([next]);
      queue.push(next.cell);
    }
  }
  const explains = new Set<InstanceOutcome>();
  let broken = 0;
  const affected = new Set<InstanceOutcome>();
  for (const key of repaired) {
    for (const i of byCell.get(key) ?? NONE) {
      const o = outcomes[i]!;
      // An identity that could not be evaluated has no part in a repair.
      if (o.status !== 'not-evaluable') affected.add(o);
    }
  }
  for (const o of affected) {
    const after = evaluateInstance(o.check, o.instance, current).status;
    if (o.status === 'failed' && after === 'passed') explains.add(o);
    if (o.status === 'passed' && after === 'failed') broken++;
  }
  return { origin, repairs, explains, broken };
}

/** Another repair, different from this one, explains as much and overlaps it. */
function isAmbiguous(c: Candidate, all: readonly Candidate[], at: number): boolean {
  for (let j = 0; j < all.length; j++) {
    const other = all[j] as Candidate;
    if (j === at || other.broken > 0 || other.explains.size !== c.explains.size) continue;
    if (![...other.explains].some((f) => c.explains.has(f))) continue;
    if (!sameRepairs(other.repairs, c.repairs)) return true;
  }
  return false;
}

function sameRepairs(a: readonly Repair[], b: readonly Repair[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map((r) => `${cellKey(r.cell)}=${r.value}`));
  return b.every((r) => keys.has(`${cellKey(r.cell)}=${r.value}`));
}
