/**
 * Narrative, text-quality and date checks of one report: the DSL's text
 * checks and the builtin checks whose word lists live in the pack's lexicons.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import type { Diagnostic } from '@govlint/text';
import type { ResolvedConfig } from '../api.js';
import { createTextContext } from './context.js';
import { textCheckDiagnostics } from './text-checks.js';

export function narrativeDiagnostics(
  text: string,
  model: ReportModel,
  template: CompiledTemplate,
  config: ResolvedConfig | undefined,
): Diagnostic[] {
  const ctx = createTextContext(text, model, template, config);
  return [...textCheckDiagnostics(ctx)];
}
