// govlint-language-server --stdio | --node-ipc | --socket=<port>
import { createLinter } from '@govlint/core';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

startServer(createConnection(ProposedFeatures.all), { createLinter });
