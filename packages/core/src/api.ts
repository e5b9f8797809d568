/**
 * The public shape of the linter, shared by the CLI and the language server
 * (which must give identical answers for the same text).
 *
 * Stable from its first commit: `createLinter()` and `lint()` only gain
 * optional fields.
 */
import type { CompiledPack, CompiledTemplate } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import type { ConfiguredSeverity, Diagnostic, RuleCategory, Severity } from '@govlint/text';

/** A rules pack as text: what `@govlint/rules` bundles and what `--rules DIR` reads. */
export interface PackSource {
  readonly id: string;
  readonly files: readonly { readonly uri: string; readonly text: string }[];
}

/** How the reader is called; `@govlint/report`'s `readReport` unless a test injects one. */
export type ReportReader = (
  text: string,
  template: CompiledTemplate,
  options: { readonly uri: string },
) => ReportModel;

/**
 * How packs are compiled; `@govlint/dsl`'s `compilePack` unless a test
 * injects one. It takes the files of every pack at once, so that a template
 * in one pack can extend a template of another.
 */
export type PackCompiler = (files: readonly { readonly uri: string; readonly text: string }[]) => {
  readonly pack?: CompiledPack | null;
  readonly diagnostics: readonly PackDiagnostic[];
};

export interface LinterOptions {
  /** The packs to use; the built-in packs (`@govlint/rules`) when absent. */
  readonly packs?: readonly (PackSource | CompiledPack)[];
  /** Packs added to `packs` (`--rules DIR`, config `rulePaths`). */
  readonly extraPacks?: readonly (PackSource | CompiledPack)[];
  readonly read?: ReportReader;
  readonly compile?: PackCompiler;
}

/** A problem in a rules file, located in that file. */
export interface PackDiagnostic extends Diagnostic {
  readonly uri: string;
}

/**
 * The configuration that applies to one document, after discovery, merging
 * and overrides (see `resolveConfig`).
 */
export interface ResolvedConfig {
  /** Force a template id. */
  readonly template?: string;
  /** Rule id → severity, `off` disables. */
  readonly rules?: Readonly<Record<string, ConfiguredSeverity>>;
  /** Publication deadlines per agency type, `MM-DD` (for the date rules). */
  readonly deadlines?: Readonly<Record<string, string>>;
  /** Agency name as a report writes it → the name its years are grouped by (cross-year rules). */
  readonly agencies?: Readonly<Record<string, string>>;
}

export interface LintOptions {
  /** The document's URI or path; used for config overrides and in results. */
  readonly uri: string;
  /** Force a template id (config `template`, CLI `--template`); otherwise detected. */
  readonly template?: string;
  /** The configuration for this document; defaults when absent. */
  readonly config?: ResolvedConfig;
}

/** How the template was chosen (spec §7.2). */
export interface TemplateDetection {
  readonly template: string | null;
  readonly by: 'option' | 'markers' | 'year' | 'default' | 'none';
  /** Template id → marker labels found in the text. */
  readonly markers: Readonly<Record<string, readonly string[]>>;
  /** The report year, when the reader found one. */
  readonly year: number | null;
}

/**
 * What happened to one arithmetic rule. An instance whose cells are missing
 * is `notEvaluable`: never counted as passed, never as failed.
 */
export interface RuleEvaluation {
  readonly ruleId: string;
  readonly instances: number;
  readonly passed: number;
  readonly failed: number;
  readonly notEvaluable: number;
}

export interface LintResult {
  readonly uri: string;
  /** Sorted by position (compareDiagnostics). */
  readonly diagnostics: readonly Diagnostic[];
  /** What the reader made of the text; null when the text is not a report. */
  readonly model: ReportModel | null;
  readonly template: CompiledTemplate | null;
  readonly detection: TemplateDetection;
  /** One entry per arithmetic rule of the template that was not turned off. */
  readonly evaluation: readonly RuleEvaluation[];
}

/** One entry of the rule catalogue (`govlint rules`, hover, docs). */
export interface RuleInfo {
  readonly id: string;
  /** Default severity, before configuration. */
  readonly severity: Severity;
  readonly category: RuleCategory;
  readonly description: string;
  readonly docsUrl: string;
  /** The rule can offer a fix (an identity with a single cell on its left). */
  readonly fixable: boolean;
  /** Templates that declare the rule. */
  readonly templates: readonly string[];
  readonly message: string;
  readonly docs: string;
  /** Where the rule is declared (absent for rules the engine owns). */
  readonly source?: { readonly uri: string; readonly start: number; readonly end: number };
}

export interface Linter {
  lint(text: string, options: LintOptions): LintResult;
  /** The rule catalogue, over every template, sorted by id. */
  rules(): readonly RuleInfo[];
  /** The model alone (`govlint parse --json`). */
  parse(text: string, options: LintOptions): ReportModel | null;
  templates(): readonly CompiledTemplate[];
  /** Problems found while compiling the packs (a broken rules file). */
  readonly packDiagnostics: readonly PackDiagnostic[];
}
