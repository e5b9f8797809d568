// govlint-language-server --stdio | --node-ipc | --socket=<port>
import { createLinter } from '@govlint/core';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

const connection = createConnection(ProposedFeatures.all);
// A bug must cost one answer, not the editor's server: log it and keep serving.
process.on('uncaughtException', (error) =>
  connection.console.error(`govlint: ${error.stack ?? error}`),
);
process.on('unhandledRejection', (reason) =>
  connection.console.error(`govlint: ${String(reason)}`),
);
startServer(connection, { createLinter });
