/**
 * The VS Code client: starts the bundled language server (dist/server.cjs)
 * over node IPC and hands it reports, rules files and the config file.
 * Everything else (linting, fixes, hover) happens in the server.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node.js';
import {
  BUILTIN_RULES_SCHEME,
  documentSelector,
  readSettings,
  RULES_FILE_REQUEST,
  serverSettings,
} from './client-options.js';

let client: LanguageClient | undefined;

function currentSettings() {
  const config = vscode.workspace.getConfiguration('govlint');
  return readSettings((key, fallback) => config.get(key, fallback));
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const settings = currentSettings();
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(settings),
    initializationOptions: serverSettings(settings),
    synchronize: {
      // Rules packs and config files edited outside the editor re-lint the open reports.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.govlint,govlint.config.json}'),
    },
  };
  client = new LanguageClient('govlint', 'govlint', serverOptions, clientOptions);
  await client.start();
}

/**
 * The built-in rules files live inside the server bundle, under the
 * `govlint-rules:` scheme: go to definition from a workspace pack opens them
 * read-only, with their text from the server.
 */
const builtinRules: vscode.TextDocumentContentProvider = {
  async provideTextDocumentContent(uri) {
    const text = await client?.sendRequest<string | null>(RULES_FILE_REQUEST, {
      uri: uri.toString(),
    });
    return text ?? '';
  },
};

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await client?.stop();
  client = undefined;
  await startClient(context);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('govlint.restartServer', () => restart(context)),
    vscode.workspace.registerTextDocumentContentProvider(BUILTIN_RULES_SCHEME, builtinRules),
    // The document selector is fixed when the client starts: a new language list needs a restart.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('govlint.languages')) void restart(context);
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
