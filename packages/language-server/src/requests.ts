/**
 * The request handlers, each dispatching on what the document is: a report
 * answers from its last lint snapshot, a rules file from the DSL's services.
 * Every handler is guarded: a failure is logged and answered with an empty
 * result, and the next request is served as usual.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './handlers/code-actions.js';
import { foldingRanges } from './handlers/folding.js';
import { hoverAt } from './handlers/hover.js';
import {
  rulesCompletions,
  rulesDefinition,
  rulesDocumentSymbols,
  rulesHover,
  rulesReferences,
} from './handlers/rules-services.js';
import { documentSymbols } from './handlers/symbols.js';
import type { LintStore } from './lint-state.js';
import { builtinRulesText, type RulesWorkspaces } from './rules-workspace.js';
import { isRulesFile } from './workspace-files.js';

/** `govlint/rulesFile`: the text of a built-in rules file, which has no file on disk. */
export const RULES_FILE_REQUEST = 'govlint/rulesFile';

export interface RequestContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly store: LintStore;
  readonly rules: RulesWorkspaces;
  readonly log: (message: string) => void;
}

export function registerRequests({
  connection,
  documents,
  store,
  rules,
  log,
}: RequestContext): void {
  function guarded<T>(what: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      log(`govlint: ${what} failed: ${(error as Error)?.stack ?? String(error)}`);
      return fallback;
    }
  }

  /** The open rules document at `uri`, with its analysed workspace and the offset of a position. */
  function rulesAt(uri: string, position?: { line: number; character: number }) {
    const doc = documents.get(uri);
    if (!doc || !isRulesFile(uri, doc.languageId)) return undefined;
    return { ws: rules.for(doc), offset: position ? doc.offsetAt(position) : 0 };
  }

  /** The report snapshot of the document's current version. */
  const snapshotOf = (uri: string) => {
    const doc = documents.get(uri);
    return doc ? store.current(uri, doc.version) : undefined;
  };

  connection.onHover(({ textDocument: { uri }, position }) =>
    guarded('hover', null, () => {
      const r = rulesAt(uri, position);
      if (r) return rulesHover(r.ws, uri, r.offset);
      const snapshot = snapshotOf(uri);
      return snapshot ? hoverAt(snapshot, snapshot.index.offsetAt(position)) : null;
    }),
  );
  connection.onCodeAction((params) =>
    guarded('code actions', [], () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? codeActions(doc, params, store.get(doc.uri)) : [];
    }),
  );
  connection.onDocumentSymbol(({ textDocument: { uri } }) =>
    guarded('document symbols', [], () => {
      const r = rulesAt(uri);
      if (r) return rulesDocumentSymbols(r.ws, uri);
      const snapshot = store.get(uri);
      return snapshot ? documentSymbols(snapshot) : [];
    }),
  );
  connection.onFoldingRanges(({ textDocument: { uri } }) =>
    guarded('folding ranges', [], () => {
      const snapshot = store.get(uri);
      return snapshot ? foldingRanges(snapshot) : [];
    }),
  );
  connection.onCompletion(({ textDocument: { uri }, position }) =>
    guarded('completion', [], () => {
      const r = rulesAt(uri, position);
      return r ? rulesCompletions(r.ws, uri, r.offset) : [];
    }),
  );
  connection.onDefinition(({ textDocument: { uri }, position }) =>
    guarded('definition', null, () => {
      const r = rulesAt(uri, position);
      return r ? rulesDefinition(r.ws, uri, r.offset) : null;
    }),
  );
  connection.onReferences(({ textDocument: { uri }, position, context }) =>
    guarded('references', [], () => {
      const r = rulesAt(uri, position);
      return r ? rulesReferences(r.ws, uri, r.offset, context.includeDeclaration) : [];
    }),
  );
  connection.onRequest(RULES_FILE_REQUEST, (params: { uri?: unknown }) =>
    typeof params?.uri === 'string' ? (builtinRulesText(params.uri) ?? null) : null,
  );
}
