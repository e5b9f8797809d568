/**
 * The public shape of the linter, shared by the CLI and the language server
 * (which must give identical answers for the same text).
 */
import type { CompiledTemplate } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import type { Diagnostic } from '@govlint/text';

export interface LintOptions {
  /** The document's URI or path; used for config overrides and in results. */
  readonly uri: string;
  /** Force a template id (config `template`, CLI `--template`); otherwise detected. */
  readonly template?: string;
}

export interface LintResult {
  readonly uri: string;
  /** Sorted by position (compareDiagnostics). */
  readonly diagnostics: readonly Diagnostic[];
  /** What the reader made of the text; null when the text is not a report. */
  readonly model: ReportModel | null;
  readonly template: CompiledTemplate | null;
}
