/**
 * The edge between govlint's offsets and LSP's line/character positions.
 * Every range the server sends is derived here from UTF-16 offsets through
 * one LineIndex, so the editor and the CLI can never disagree on a column
 * (a surrogate pair such as 𠀀 counts two, CRLF ends a line once).
 */
import type { Diagnostic, LineIndex, Range, TextEdit } from '@govlint/text';
import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';

/** What a govlint LSP diagnostic carries in `data`, for code actions. */
export interface DiagnosticData {
  readonly ruleId: string;
  /** The document version the diagnostic was computed on. */
  readonly version: number;
  /** The rule's certain fix, already in LSP ranges of that version. */
  readonly fix?: { readonly title: string; readonly edits: readonly LspTextEdit[] };
  /** The rule's own data (cell ids, expected values), as core produced it. */
  readonly rule?: Readonly<Record<string, unknown>>;
}

export const SOURCE = 'govlint';

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

export function toLspRange(index: LineIndex, range: Range): LspRange {
  return index.rangeToPositions(range);
}

export function toLspEdit(index: LineIndex, edit: TextEdit): LspTextEdit {
  return { range: toLspRange(index, edit.range), newText: edit.text };
}

export function toLspDiagnostic(
  diagnostic: Diagnostic,
  index: LineIndex,
  uri: string,
  version: number,
): LspDiagnostic {
  const data: DiagnosticData = {
    ruleId: diagnostic.ruleId,
    version,
    ...(diagnostic.fix && {
      fix: {
        title: diagnostic.fix.title,
        edits: diagnostic.fix.edits.map((edit) => toLspEdit(index, edit)),
      },
    }),
    ...(diagnostic.data && { rule: diagnostic.data }),
  };
  return {
    range: toLspRange(index, diagnostic.range),
    severity: severities[diagnostic.severity],
    code: diagnostic.ruleId,
    ...(diagnostic.docsUrl && { codeDescription: { href: diagnostic.docsUrl } }),
    source: SOURCE,
    message: diagnostic.message,
    ...(diagnostic.related?.length && {
      relatedInformation: diagnostic.related.map((related) => ({
        location: { uri, range: toLspRange(index, related.range) },
        message: related.message,
      })),
    }),
    data,
  };
}

/** Narrow an incoming diagnostic's `data` (it went through the client) back to ours. */
export function diagnosticData(diagnostic: LspDiagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== SOURCE || !data || typeof data.ruleId !== 'string') return undefined;
  if (typeof data.version !== 'number') return undefined;
  return data as DiagnosticData;
}
