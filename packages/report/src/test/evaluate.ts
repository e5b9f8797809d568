/** A tiny evaluator for tests: does every instance of the template's identities hold on a model? */
import type { CompiledTemplate, LinearExpr } from '@govlint/dsl';
import type { ReportModel } from '../model.js';

export interface Verdicts {
  readonly passed: number;
  readonly failed: string[];
  readonly notEvaluable: number;
}

export function checkIdentities(
  template: CompiledTemplate,
  model: ReportModel,
  tables: readonly string[],
): Verdicts {
  const value = new Map(model.cells.map((c) => [`${c.table}|${c.row}|${c.column}`, c.value]));
  const sum = (e: LinearExpr): number | null => {
    let total = e.constant;
    for (const t of e.terms) {
      const v = value.get(`${t.cell.table}|${t.cell.row}|${t.cell.column}`);
      if (v === undefined || v === null) return null;
      total += t.coefficient * v;
    }
    return total;
  };
  let passed = 0;
  let notEvaluable = 0;
  const failed: string[] = [];
  for (const rule of template.rules) {
    // The hard identities only (spec §5.1): errors, unconditional equalities.
    if (rule.check.kind !== 'assert' || rule.severity !== 'error') continue;
    for (const inst of rule.check.instances) {
      if (inst.when || inst.assert.op !== '=') continue;
      if (!inst.assert.left.terms.every((t) => tables.includes(t.cell.table))) continue;
      const l = sum(inst.assert.left);
      const r = sum(inst.assert.right);
      if (l === null || r === null) notEvaluable++;
      else if (Math.abs(l - r) <= rule.check.tolerance + 1e-9) passed++;
      else failed.push(`${rule.id} ${JSON.stringify(inst.bindings)}: ${l} ≠ ${r}`);
    }
  }
  return { passed, failed, notEvaluable };
}
