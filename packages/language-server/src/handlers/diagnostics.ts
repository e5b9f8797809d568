/**
 * Linting a report buffer with core's lint(), unchanged, and converting the
 * result for the client. A document the reader does not recognise as a
 * report gets no diagnostics at all: a README.txt stays quiet.
 */
import type { FileConfig, Linter, LintResult } from '@govlint/core';
import { LineIndex } from '@govlint/text';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toLspDiagnostic } from '../convert.js';
import type { LintSnapshot } from '../lint-state.js';
import type { Settings } from '../settings.js';

/** Whether a document may be a report by its language (config globs can name others). */
export function isReportLanguage(
  doc: Pick<TextDocument, 'languageId'>,
  settings: Settings,
): boolean {
  return settings.languages.includes(doc.languageId);
}

export function lintReport(
  linter: Linter,
  doc: Pick<TextDocument, 'uri' | 'version' | 'getText'>,
  settings: Settings,
  config: FileConfig | undefined,
): LintSnapshot {
  const text = doc.getText();
  // The editor setting forces a template over the config file's choice.
  const template = settings.template ?? config?.template;
  const result: LintResult = linter.lint(text, {
    uri: doc.uri,
    ...(template && { template }),
    ...(config && { config }),
  });
  return { uri: doc.uri, version: doc.version, text, index: new LineIndex(text), result };
}

/** A report's diagnostics for the client; none when the text is not a report. */
export function reportDiagnostics(snapshot: LintSnapshot): LspDiagnostic[] {
  if (!snapshot.result.model?.isReport) return [];
  return snapshot.result.diagnostics.map((d) =>
    toLspDiagnostic(d, snapshot.index, snapshot.uri, snapshot.version),
  );
}
