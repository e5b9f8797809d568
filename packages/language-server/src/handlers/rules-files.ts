/**
 * Rules files (`*.govlint`): their syntax and semantic errors, found by
 * compiling the pack they belong to exactly as core does for linting
 * (createLinter's packDiagnostics), shown on the buffer as typed.
 */
import type { Linter, LinterOptions, PackDiagnostic } from '@govlint/core';
import { LineIndex } from '@govlint/text';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { toLspDiagnostic } from '../convert.js';
import { rulesContextFor } from '../rules-packs.js';
import { builtinRulesText } from '../rules-workspace.js';
import { uriToPath } from '../workspace-files.js';

export interface RulesFileDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export function packDiagnosticsFor(
  doc: RulesFileDocument,
  createLinter: (options: LinterOptions) => Linter,
  rulePaths: readonly string[],
  builtinIds: ReadonlySet<string>,
  openText: (path: string) => string | undefined,
): PackDiagnostic[] {
  const path = uriToPath(doc.uri);
  // A built-in rules file opened read-only (go to definition) is not checked again.
  if (builtinRulesText(doc.uri) !== undefined) return [];
  if (!path) {
    // An unsaved file: checked alone, on top of the built-in packs.
    const pack = { id: 'untitled', files: [{ uri: doc.uri, text: doc.getText() }] };
    return createLinter({ extraPacks: [pack] }).packDiagnostics.filter((d) => d.uri === doc.uri);
  }
  const context = rulesContextFor(path, rulePaths, builtinIds, openText);
  const linter = createLinter(
    context.replaceBuiltins ? { packs: context.packs } : { extraPacks: context.packs },
  );
  return linter.packDiagnostics.filter((d) => uriToPath(d.uri) === path);
}

export function rulesFileDiagnostics(
  doc: RulesFileDocument,
  diagnostics: readonly PackDiagnostic[],
): LspDiagnostic[] {
  const index = new LineIndex(doc.getText());
  return diagnostics.map((d) => toLspDiagnostic(d, index, doc.uri, doc.version));
}
