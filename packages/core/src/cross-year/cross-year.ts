/**
 * Rules across reports (`previous T3[四, c]`): when several years of one
 * agency are linted together, each report is compared with the one of the
 * year before (t3-carry-forward: this year's carried-in row equals last year's carried-out row, as the pack's rule says).
 * Pure: it reads the results of `lint()`; the CLI and the language server
 * decide which results go together.
 */
import type { AssertionInstance, CellRef, CompiledRule, Condition, LinearExpr } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import type { Diagnostic, RelatedLocation } from '@govlint/text';
import type { LintResult, ResolvedConfig } from '../api.js';
import { docsUrl } from '../engine-rules.js';
import { compare } from '../evaluate/values.js';
import { formatNumber, formatTerms, renderMessage } from '../messages.js';
import { configuredSeverity } from '../severity.js';

export interface CrossYearOptions {
  /**
   * Which agency a report belongs to, when its name alone does not say:
   * keys are a report's URI or the agency name as the report writes it
   * (spaces removed), values the name to group by.
   */
  readonly agencies?: Readonly<Record<string, string>>;
  /** The configuration of each document (severities, rules turned off). */
  readonly config?: (uri: string) => ResolvedConfig | undefined;
}

export interface CrossYearResult {
  readonly uri: string;
  /** Findings of the cross-report rules on this report, against the year before. */
  readonly diagnostics: readonly Diagnostic[];
}

interface Report {
  readonly uri: string;
  readonly year: number;
  readonly model: ReportModel;
  readonly rules: readonly CompiledRule[];
}

/** One entry per report that has a report of the same agency for the year before. */
export function crossYear(
  results: readonly LintResult[],
  options: CrossYearOptions = {},
): CrossYearResult[] {
  const byAgency = new Map<string, Report[]>();
  for (const r of results) {
    const agency = agencyKey(r, options.agencies);
    const year = r.model?.year?.value;
    if (!agency || year === undefined || !r.model || !r.template) continue;
    let list = byAgency.get(agency);
    if (!list) byAgency.set(agency, (list = []));
    list.push({ uri: r.uri, year, model: r.model, rules: r.template.rules });
  }
  const out: CrossYearResult[] = [];
  for (const reports of byAgency.values()) {
    for (const current of reports) {
      const before = reports.filter((p) => p.year === current.year - 1);
      // Two reports for the same year: which one is last year's is anyone's guess.
      if (before.length !== 1) continue;
      const config = options.config?.(current.uri);
      out.push({ uri: current.uri, diagnostics: compareYears(current, before[0]!, config) });
    }
  }
  return out;
}

function agencyKey(
  r: LintResult,
  agencies: Readonly<Record<string, string>> | undefined,
): string | null {
  const name = r.model?.agency?.replace(/\s+/gu, '') ?? null;
  return agencies?.[r.uri] ?? (name ? (agencies?.[name] ?? name) : null);
}

function compareYears(
  current: Report,
  previous: Report,
  config: ResolvedConfig | undefined,
): Diagnostic[] {
  const now = cellsOf(current.model);
  const then = cellsOf(previous.model);
  const value = (ref: CellRef) => (ref.previous ? then : now).get(key(ref))?.value;
  const out: Diagnostic[] = [];
  for (const rule of current.rules) {
    if (rule.check.kind !== 'assert' || !rule.check.crossReport) continue;
    const configured = configuredSeverity(rule.id, config);
    if (configured === 'off' || (rule.enabled === false && configured === undefined)) continue;
    for (const instance of rule.check.instances) {
      const failed = evaluate(instance, value, rule.check.tolerance);
      if (!failed) continue;
      const values = {
        ...instance.bindings,
        left: failed.left,
        right: failed.right,
        'left.terms': formatTerms(failed.leftTerms, instance.assert.left.constant),
        'right.terms': formatTerms(failed.rightTerms, instance.assert.right.constant),
        difference: failed.left - failed.right,
      };
      const own = [...instance.assert.left.terms, ...instance.assert.right.terms]
        .filter((t) => !t.cell.previous)
        .flatMap((t) => {
          const cell = now.get(key(t.cell));
          return cell ? [cell] : [];
        });
      out.push({
        ruleId: rule.id,
        severity: configured ?? rule.severity,
        message: renderMessage(rule.message, values) ?? rule.description,
        range: own[0]?.range ?? { start: 0, end: 0 },
        related: own.map((c): RelatedLocation => ({
          range: c.range,
          message: `本年：${formatNumber(c.value)}`,
        })),
        docsUrl: rule.docsUrl ?? docsUrl(rule.id),
        data: {
          left: failed.left,
          right: failed.right,
          bindings: instance.bindings,
          previous: { uri: previous.uri, year: previous.year },
        },
      });
    }
  }
  return out;
}

interface Failure {
  readonly left: number;
  readonly right: number;
  readonly leftTerms: { coefficient: number; value: number }[];
  readonly rightTerms: { coefficient: number; value: number }[];
}

type Lookup = (ref: CellRef) => number | undefined;

/** The failed comparison's values, or null when it holds or a cell is missing. */
function evaluate(instance: AssertionInstance, value: Lookup, tolerance: number): Failure | null {
  if (instance.when && holds(instance.when, value, tolerance) !== true) return null;
  const left = expression(instance.assert.left, value);
  const right = expression(instance.assert.right, value);
  if (!left || !right) return null;
  if (compare(instance.assert.op, left.value, right.value, tolerance)) return null;
  return { left: left.value, right: right.value, leftTerms: left.terms, rightTerms: right.terms };
}

function expression(
  e: LinearExpr,
  value: Lookup,
): { value: number; terms: { coefficient: number; value: number }[] } | null {
  let total = e.constant;
  const terms: { coefficient: number; value: number }[] = [];
  for (const t of e.terms) {
    const v = value(t.cell);
    if (v === undefined) return null;
    total += t.coefficient * v;
    terms.push({ coefficient: t.coefficient, value: v });
  }
  return { value: total, terms };
}

function holds(c: Condition, value: Lookup, tolerance: number): boolean | null {
  if (c.kind === 'compare') {
    const l = expression(c.comparison.left, value);
    const r = expression(c.comparison.right, value);
    return l && r ? compare(c.comparison.op, l.value, r.value, tolerance) : null;
  }
  if (c.kind === 'not') {
    const v = holds(c.operand, value, tolerance);
    return v === null ? null : !v;
  }
  const vs = c.operands.map((o) => holds(o, value, tolerance));
  if (vs.some((v) => v === null)) return null;
  return c.kind === 'and' ? vs.every(Boolean) : vs.some(Boolean);
}

type Cell = ReportModel['cells'][number];

/** Cells with a value for arithmetic: blanks count 0, missing cells have none. */
function cellsOf(model: ReportModel): Map<string, Cell & { value: number }> {
  const out = new Map<string, Cell & { value: number }>();
  for (const c of model.cells) {
    if (c.status === 'missing' || c.value === null) continue;
    // Object.assign, not a spread: spreading into a literal is slow on Node 20.
    out.set(key(c), Object.assign({}, c, { value: c.status === 'number' ? c.value : 0 }));
  }
  return out;
}

function key(ref: { table: string; row: string; column: string }): string {
  return `${ref.table}\u0000${ref.row}\u0000${ref.column}`;
}
