/**
 * Structural findings made while reading. Each has the spec's rule id, its
 * default severity (a pack that declares the rule overrides it), a Chinese
 * fallback message, and `data`: the values a pack's message template names
 * (see docs/reading.md for the placeholders of each rule).
 */
import type { CompiledTemplate } from '@govlint/dsl';
import type { Range, Severity } from '@govlint/text';
import type { Finding } from './model.js';

export const DEFAULT_SEVERITY: Readonly<Record<string, Severity>> = {
  'not-a-report': 'error',
  'file-binary': 'error',
  'encoding-invalid': 'warning',
  'title-missing': 'warning',
  'section-missing': 'error',
  'section-order': 'error',
  'section-heading-variant': 'info',
  'section-numbering-duplicate': 'error',
  'section-empty': 'warning',
  'table-missing': 'error',
  'table-rows-missing': 'error',
  'table-cells-missing': 'error',
  'table-extra-cells': 'error',
  'table-header-garbled': 'warning',
  'label-variant': 'info',
  'cell-blank': 'info',
  'cell-non-numeric': 'info',
  'cells-ambiguous': 'warning',
};

export type FindingData = Record<string, string | number | readonly (string | number)[]>;

/**
 * `{ ...base, ...more }`. Object spread followed by new keys takes V8's slow
 * path (hundreds of nanoseconds per object, measured on Node 20), and every
 * finding's data is built that way; `Object.assign` onto a new object keeps
 * the same keys in the same order at a fraction of the cost.
 */
export function extend<A extends object, B extends object>(base: A, more: B): A & B {
  return Object.assign({}, base, more);
}

/** A pack declares many rules: their severities are indexed once per template, not once per report. */
const declaredCache = new WeakMap<CompiledTemplate, ReadonlyMap<string, Severity>>();

function declaredSeverities(template: CompiledTemplate): ReadonlyMap<string, Severity> {
  let declared = declaredCache.get(template);
  if (!declared) {
    declared = new Map(template.rules.map((r) => [r.id, r.severity]));
    declaredCache.set(template, declared);
  }
  return declared;
}

/** Collects findings; the severity comes from the template when it declares the rule. */
export class Findings {
  readonly list: Finding[] = [];
  private readonly declared: ReadonlyMap<string, Severity>;

  constructor(template?: CompiledTemplate) {
    this.declared = template ? declaredSeverities(template) : new Map();
  }

  add(ruleId: string, range: Range, message: string, data: FindingData, severity?: Severity): void {
    this.list.push({
      ruleId,
      severity: severity ?? this.declared.get(ruleId) ?? DEFAULT_SEVERITY[ruleId] ?? 'warning',
      message,
      range: { start: range.start, end: range.end },
      data,
    });
  }
}
