/**
 * The language server: the language core's services over LSP (stdio or IPC, as the client asks).
 * It adds what only a running server needs: watching `.ssrrc.json`, reading `ssr.rules` from the
 * editor's settings, publishing config problems on the config file itself, the summary and its
 * exports for the extension's commands, and the checker's status for the editor's language status.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createSsrServices } from '../language/ssr-module.js';
import { reportCheckStatus } from './check-status.js';
import { watchConfiguration } from './config-watcher.js';
import { registerExportRequest } from './export-request.js';
import { releaseMemoryWhenIdle } from './memory.js';
import { registerSummaryRequest } from './summary-request.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Ssr } = createSsrServices({ connection, ...NodeFileSystem });
watchConfiguration(connection, shared, Ssr);
registerSummaryRequest(connection, shared, Ssr);
registerExportRequest(connection, shared, Ssr);
reportCheckStatus(connection, shared, Ssr);
releaseMemoryWhenIdle();
process.on('uncaughtException', error => connection.console.error(`Uncaught: ${error instanceof Error ? error.stack : String(error)}`));
process.on('unhandledRejection', error => connection.console.error(`Unhandled rejection: ${error instanceof Error ? error.stack : String(error)}`));
startLanguageServer(shared);
