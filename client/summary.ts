/**
 * The summary commands: "SSR: Generate Plan Summary" opens the Markdown summary beside the
 * strategy as an untitled document the author may save; "SSR: Open Plan Summary Preview" shows
 * the HTML in a webview (no scripts, CSP from `default-src 'none'`, no local resources) that
 * refreshes as the document changes. Both ask the language server, which summarises what parses.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SummaryRequest } from '../language/base/protocol.js';
import { strategyDocument } from './strategies.js';

export function registerSummaryCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
    context.subscriptions.push(vscode.commands.registerCommand('ssr.generateSummary', async (arg?: vscode.Uri) => {
        const document = await strategyDocument(arg instanceof vscode.Uri ? arg : undefined);
        const languageClient = client();
        if (!document || !languageClient) {
            void vscode.window.showWarningMessage('Open a .ssr strategy to generate its plan summary.');
            return;
        }
        const markdown = await languageClient.sendRequest(SummaryRequest, { uri: document.uri.toString(), format: 'md' });
        const summary = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
        await vscode.window.showTextDocument(summary, { viewColumn: vscode.ViewColumn.Beside, preview: false });
        return summary;
    }));

    context.subscriptions.push(vscode.commands.registerCommand('ssr.openSummaryPreview', async (arg?: vscode.Uri) => {
        const document = await strategyDocument(arg instanceof vscode.Uri ? arg : undefined);
        const languageClient = client();
        if (!document || !languageClient) {
            void vscode.window.showWarningMessage('Open a .ssr strategy to preview its plan summary.');
            return;
        }
        const panel = vscode.window.createWebviewPanel('ssr.summaryPreview', `Summary: ${document.uri.path.split('/').pop()}`, vscode.ViewColumn.Beside, {
            enableScripts: false,
            enableForms: false,
            localResourceRoots: [],
        });
        const refresh = async () => {
            try {
                const nonce = randomBytes(16).toString('base64');
                panel.webview.html = await languageClient.sendRequest(SummaryRequest, { uri: document.uri.toString(), format: 'html', nonce });
            } catch (error) {
                panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>The summary could not be built: ${String(error).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)}</p></body></html>`;
            }
        };
        let timer: ReturnType<typeof setTimeout> | undefined;
        const subscription = vscode.workspace.onDidChangeTextDocument(event => {
            if (event.document.uri.toString() !== document.uri.toString()) return;
            if (timer) clearTimeout(timer);
            timer = setTimeout(() => void refresh(), 300);
        });
        panel.onDidDispose(() => { subscription.dispose(); if (timer) clearTimeout(timer); });
        await refresh();
        return panel;
    }));
}
