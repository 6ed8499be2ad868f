/**
 * The VS Code extension: starts the language server over IPC for `.ssr` documents and shows its
 * output in the "SSR" channel. Everything the user sees about a strategy comes from the server;
 * the extension adds the commands (summary, export, new strategy, the walkthrough's steps), the
 * language status, and opens rule pages from the copy it ships (offline).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerExportCommand } from './export.js';
import { registerNewStrategyCommand } from './new-strategy.js';
import { RulePages } from './rule-pages.js';
import { CheckStatusItems, type StatusSnapshot } from './status.js';
import { trackStrategies } from './strategies.js';
import { registerSummaryCommands } from './summary.js';
import { registerWalkthroughCommands } from './walkthrough.js';

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and the end-to-end tests). */
export interface SsrExtensionApi {
    /** The texts of the language status items for the active editor. */
    languageStatus(): StatusSnapshot | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<SsrExtensionApi> {
    const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const outputChannel = vscode.window.createOutputChannel('SSR', { log: true });
    const rulePages = new RulePages(context);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'ssr' }],
        outputChannel,
        middleware: rulePages.middleware(),
        synchronize: {
            configurationSection: 'ssr',
            fileEvents: [
                vscode.workspace.createFileSystemWatcher('**/*.ssr'),
                vscode.workspace.createFileSystemWatcher('**/.ssrrc.json'),
                vscode.workspace.createFileSystemWatcher('**/*.json'), // files a .ssrrc.json extends; the server ignores the others
            ],
        },
    };
    client = new LanguageClient('ssr', 'SSR Strategy Language Server', serverOptions, clientOptions);
    context.subscriptions.push(outputChannel);
    trackStrategies(context);
    rulePages.register();
    registerSummaryCommands(context, () => client);
    registerExportCommand(context, () => client);
    registerNewStrategyCommand(context);
    registerWalkthroughCommands(context, () => client);
    const status = new CheckStatusItems(client);
    context.subscriptions.push(status);
    await client.start();
    return { languageStatus: () => status.snapshot() };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
