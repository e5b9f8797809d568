/**
 * Code actions for reports: the rule's own fix (write the computed value
 * into the wrong cell), every fix of the file at once (`source.fixAll.govlint`),
 * and in Markdown and HTML a directive that silences one finding on one line.
 * Every edit is versioned: the client refuses it if the text moved on.
 */
import type { Diagnostic, TextEdit } from '@govlint/text';
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { diagnosticData, toLspEdit } from '../convert.js';
import type { LintSnapshot } from '../lint-state.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govlint`;

/** Languages whose comments can carry a `govlint-disable-next-line` directive. */
const DIRECTIVE_LANGUAGES = new Set(['markdown', 'html']);

export interface ActionDocument {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
}

function versionedEdit(doc: ActionDocument, edits: LspTextEdit[]): WorkspaceEdit {
  return {
    documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)],
  };
}

/** Whether the client asked for actions of `kind` (no filter means every kind). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

/**
 * Every fix of the file, without two edits on overlapping text: the first
 * (in document order) wins, and the same edit proposed by two rules (the
 * row total and the column total agree on a cell) counts once.
 */
export function collectFixEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const edits = diagnostics
    .flatMap((d) => d.fix?.edits ?? [])
    .slice()
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const kept: TextEdit[] = [];
  for (const edit of edits) {
    const last = kept[kept.length - 1];
    if (last && last.range.start === edit.range.start && last.range.end === edit.range.end)
      continue;
    if (last && edit.range.start < last.range.end) continue;
    kept.push({ range: edit.range, text: edit.text });
  }
  return kept;
}

/** `<!-- govlint-disable-next-line id -->` above the diagnostic's line, with its indentation. */
export function disableDirectiveEdit(
  snapshot: LintSnapshot,
  diagnostic: LspDiagnostic,
  ruleId: string,
): LspTextEdit {
  const line = diagnostic.range.start.line;
  const lineText = snapshot.index.lineText(line);
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const lineEnd = snapshot.index.lineEnd(line);
  const eol = snapshot.text.startsWith('\r\n', lineEnd)
    ? '\r\n'
    : snapshot.text[lineEnd] === '\r'
      ? '\r'
      : '\n';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}<!-- govlint-disable-next-line ${ruleId} -->${eol}`,
  };
}

function quickFixes(
  doc: ActionDocument,
  params: CodeActionParams,
  snapshot: LintSnapshot | undefined,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const data = diagnosticData(diagnostic);
    if (!data || data.version !== doc.version) continue;
    if (data.fix && wants(params.context.only, CodeActionKind.QuickFix)) {
      actions.push({
        title: data.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: versionedEdit(doc, [...data.fix.edits]),
      });
    }
    if (
      snapshot &&
      DIRECTIVE_LANGUAGES.has(doc.languageId) &&
      wants(params.context.only, CodeActionKind.QuickFix)
    ) {
      actions.push({
        title: `在本行禁用 ${data.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: versionedEdit(doc, [disableDirectiveEdit(snapshot, diagnostic, data.ruleId)]),
      });
    }
  }
  return actions;
}

export function fixAllAction(
  doc: ActionDocument,
  snapshot: LintSnapshot,
  kind: string,
): CodeAction | undefined {
  const edits = collectFixEdits(snapshot.result.diagnostics);
  if (!edits.length) return undefined;
  return {
    title: '修复本文件中所有可自动修复的问题',
    kind,
    edit: versionedEdit(
      doc,
      edits.map((edit) => toLspEdit(snapshot.index, edit)),
    ),
  };
}

export function codeActions(
  doc: ActionDocument,
  params: CodeActionParams,
  snapshot: LintSnapshot | undefined,
): CodeAction[] {
  const current = snapshot?.version === doc.version ? snapshot : undefined;
  const actions = quickFixes(doc, params, current);
  if (current && wants(params.context.only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(doc, current, FIX_ALL_KIND);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}
