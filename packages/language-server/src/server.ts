/**
 * Wires the LSP connection to the handlers. Documents flow: edit → debounce
 * → lint the buffer (dropped if a newer version arrived) → publish; hover,
 * symbols, folding and code actions answer from the last snapshot. Every
 * handler runs guarded: a failure on one document is logged, answered with
 * an empty result, and the server goes on serving the others.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from './handlers/code-actions.js';
import { configDiagnostics } from './handlers/config-file.js';
import { CrossYearTracker } from './cross-year.js';
import { isReportLanguage, lintReport } from './handlers/diagnostics.js';
import { packDiagnosticsFor, rulesFileDiagnostics } from './handlers/rules-files.js';
import { registerRequests } from './requests.js';
import { RulesWorkspaces } from './rules-workspace.js';
import { LintScheduler } from './lint-scheduler.js';
import { LintStore } from './lint-state.js';
import { internalErrorDiagnostic } from './internal-error.js';
import { DEFAULT_SETTINGS, parseSettings } from './settings.js';
import { isConfigFile, isRulesFile, uriToPath } from './workspace-files.js';
import { Workspace, type LinterFactory } from './workspace.js';

export interface ServerOptions {
  /** Core's createLinter: the server lints with exactly what the CLI uses. */
  readonly createLinter: LinterFactory;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const store = new LintStore();
  const crossYears = new CrossYearTracker();
  const log = {
    error: (message: string) => connection.console.error(message),
  };
  const openText = (path: string) =>
    documents
      .all()
      .find((doc) => uriToPath(doc.uri) === path)
      ?.getText();
  const workspace = new Workspace(options.createLinter, openText, log);
  const rules = new RulesWorkspaces(() => ({
    rulePaths: workspace.rulePaths(),
    builtinIds: workspace.builtinIds(),
    openDocument: (path) => {
      const doc = documents.all().find((d) => uriToPath(d.uri) === path);
      return doc && { uri: doc.uri, text: doc.getText() };
    },
  }));
  const scheduler = new LintScheduler(DEFAULT_SETTINGS.debounceMs, (uri) => lint(uri));
  const justOpened = new Set<string>();
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canRegisterConfiguration = false;

  /** A notification or registration whose failure (a client gone away) is only worth a log line. */
  function background(what: string, promise: Promise<unknown>): void {
    promise.catch((error: unknown) => log.error(`govlint: ${what} failed: ${String(error)}`));
  }

  function publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    background('publishDiagnostics', connection.sendDiagnostics({ uri, version, diagnostics }));
  }

  function lintReportDocument(doc: TextDocument): void {
    const setup = workspace.settings.enable ? workspace.setup(doc.uri) : undefined;
    const candidate = setup && (setup.named || isReportLanguage(doc, workspace.settings));
    if (!setup || !candidate || setup.config?.ignored) {
      store.delete(doc.uri);
      publish(doc.uri, doc.version, []);
      return;
    }
    const snapshot = lintReport(setup.linter, doc, workspace.settings, setup.config);
    // Stale: the buffer changed while we linted; the run for the newer version is scheduled.
    if (documents.get(doc.uri)?.version !== snapshot.version) return;
    store.set(snapshot);
    // Its own diagnostics, with the cross-year ones; and other years' reports that changed.
    const configOf = (uri: string) =>
      uri === doc.uri ? setup.config : workspace.setup(uri).config;
    for (const p of crossYears.update(store, doc.uri, configOf)) {
      publish(p.snapshot.uri, p.snapshot.version, p.diagnostics);
    }
  }

  function lintRulesFile(doc: TextDocument): Diagnostic[] {
    const found = packDiagnosticsFor(
      doc,
      options.createLinter,
      workspace.rulePaths(),
      workspace.builtinIds(),
      openText,
    );
    return rulesFileDiagnostics(doc, found);
  }

  function lint(uri: string): void {
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      if (isConfigFile(uri))
        publish(uri, doc.version, configDiagnostics(doc.getText(), uriToPath(uri) ?? uri));
      else if (isRulesFile(uri, doc.languageId)) publish(uri, doc.version, lintRulesFile(doc));
      else lintReportDocument(doc);
    } catch (error) {
      log.error(`govlint: linting ${uri} failed: ${(error as Error)?.stack ?? String(error)}`);
      store.delete(uri);
      publish(uri, doc.version, [internalErrorDiagnostic(error)]);
    }
  }

  /** Settings, packs or config changed: lint every open document again. */
  function relintAll(): void {
    for (const doc of documents.all()) scheduler.schedule(doc.uri);
  }

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    const section: unknown = await connection.workspace
      .getConfiguration('govlint')
      .catch(() => undefined);
    if (section) workspace.settings = parseSettings(section, workspace.settings);
    workspace.invalidateConfig();
    scheduler.delayMs = workspace.settings.debounceMs;
  }

  function workspaceInputChanged(uri: string): void {
    if (isConfigFile(uri)) workspace.invalidateConfig();
    else workspace.invalidatePacks();
    rules.invalidate();
    relintAll();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    canPullConfiguration = !!caps.workspace?.configuration;
    canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    workspace.settings = parseSettings(params.initializationOptions, DEFAULT_SETTINGS);
    scheduler.delayMs = workspace.settings.debounceMs;
    const folders =
      params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.roots = folders.map(uriToPath).filter((p): p is string => !!p);
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        // For rules files: `[` and `,` open a cell reference's rows and columns.
        completionProvider: { triggerCharacters: ['[', ',', ' '] },
        definitionProvider: true,
        referencesProvider: true,
      },
      serverInfo: { name: 'govlint-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (canRegisterConfiguration) {
      background(
        'registration',
        connection.client.register(DidChangeConfigurationNotification.type, { section: 'govlint' }),
      );
    }
    if (canWatchFiles) {
      background(
        'registration',
        connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.govlint' }, { globPattern: '**/govlint.config.json' }],
        }),
      );
    }
    await refreshSettings();
    relintAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (!canPullConfiguration)
      workspace.settings = parseSettings(change.settings, workspace.settings);
    await refreshSettings();
    workspace.invalidateConfig();
    relintAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    for (const event of change.changes) {
      if (isConfigFile(event.uri) || isRulesFile(event.uri)) workspaceInputChanged(event.uri);
    }
  });

  documents.onDidOpen((event) => justOpened.add(event.document.uri));
  documents.onDidChangeContent(({ document }) => {
    if (isConfigFile(document.uri) || isRulesFile(document.uri, document.languageId)) {
      workspaceInputChanged(document.uri);
    }
    // A freshly opened document is linted at once; edits wait for a quiet moment.
    scheduler.schedule(document.uri, justOpened.delete(document.uri) ? 0 : undefined);
  });
  documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    justOpened.delete(document.uri);
    store.delete(document.uri);
    crossYears.forget(document.uri);
    publish(document.uri, undefined, []);
    if (isConfigFile(document.uri) || isRulesFile(document.uri, document.languageId)) {
      workspaceInputChanged(document.uri); // the file on disk counts again
    }
  });

  registerRequests({ connection, documents, store, rules, log: log.error });
  connection.onShutdown(() => scheduler.dispose());

  documents.listen(connection);
  connection.listen();
}
