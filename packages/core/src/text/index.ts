/**
 * Narrative, text-quality and date checks of one report: the DSL's text
 * checks and the builtin checks whose word lists live in the pack's lexicons.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import type { Diagnostic } from '@govlint/text';
import type { ResolvedConfig } from '../api.js';
import { dateDiagnostics } from '../dates/index.js';
import type { CellValues } from '../evaluate/values.js';
import { type TextContext, createTextContext } from './context.js';
import type { FoldedReport } from './literal-index.js';
import { halfWidthPunctuation } from './punctuation.js';
import { otherMatters, overviewAspects } from './sections.js';
import { subheadingFormat } from './subheadings.js';
import { sumOfParts } from './sum-of-parts.js';
import { textCheckDiagnostics } from './text-checks.js';
import { duplicatedWords, injectedSpam } from './words.js';

/** The built-in checks, in the order their diagnostics are listed (after the DSL's text checks). */
const BUILTIN_CHECKS: readonly ((ctx: TextContext) => Diagnostic[])[] = [
  sumOfParts,
  duplicatedWords,
  injectedSpam,
  subheadingFormat,
  overviewAspects,
  otherMatters,
  halfWidthPunctuation,
  dateDiagnostics,
];

export function narrativeDiagnostics(
  text: string,
  model: ReportModel,
  template: CompiledTemplate,
  config: ResolvedConfig | undefined,
  prepared?: FoldedReport,
  values?: CellValues,
): Diagnostic[] {
  const ctx = createTextContext(text, model, template, config, prepared, values);
  const out = textCheckDiagnostics(ctx);
  for (const check of BUILTIN_CHECKS) for (const d of check(ctx)) out.push(d);
  return out;
}
