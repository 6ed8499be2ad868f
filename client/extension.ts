/**
 * The VS Code extension: starts the language server over IPC for `.ssr` documents and shows its
 * output in the "SSR" channel. Everything the user sees comes from the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerSummaryCommands } from './summary.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const outputChannel = vscode.window.createOutputChannel('SSR', { log: true });
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'ssr' }],
        outputChannel,
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
    registerSummaryCommands(context, () => client);
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
