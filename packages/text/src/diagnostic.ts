import type { Range } from './range.js';

/** `off` exists only in configuration; a diagnostic is never `off`. */
export type Severity = 'error' | 'warning' | 'info';
export type ConfiguredSeverity = Severity | 'off';

export type RuleCategory = 'structure' | 'arithmetic' | 'narrative' | 'date' | 'text';

/** A place that explains a diagnostic: each cell of a sum, with its value. */
export interface RelatedLocation {
  readonly range: Range;
  readonly message: string;
}

/** A certain fix: replace `range` with `text`. */
export interface TextEdit {
  readonly range: Range;
  readonly text: string;
}

export interface Fix {
  /** What the fix does, in Chinese (shown as the quick-fix title). */
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * One finding, in source offsets. The shape every package produces: the DSL
 * for rules files, the reader for structural findings, the evaluator for
 * rules. Formatters and the language server convert it at the edge.
 */
export interface Diagnostic {
  /** Stable kebab-case id from the template spec, e.g. `t3-row-total`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Chinese first: what is wrong, with the arithmetic spelled out. */
  readonly message: string;
  readonly range: Range;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: Fix;
  /** Link to the rule's documentation page. */
  readonly docsUrl?: string;
  /** Anything a client needs later (the quick fix, hover), JSON-serialisable. */
  readonly data?: Readonly<Record<string, unknown>>;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by position, then severity, then rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    severityRank[a.severity] - severityRank[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
