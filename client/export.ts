/**
 * "SSR: Export Plan Summary…": the plan summary as the documents authors hand in — a Word
 * document, a PDF, or the fiscal tables as an Excel workbook. A save dialog chooses where (and, by
 * its file type, which); the language server renders the document and the extension writes it.
 * It never writes over a strategy: a `.ssr` target is refused.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, ExportRequest, type ExportFormat } from '../language/base/protocol.js';
import { strategyDocument } from './strategies.js';

/** What tests and other commands may pass instead of answering the dialog. */
interface ExportArguments {
    uri?: vscode.Uri;
    format?: ExportFormat;
    target?: vscode.Uri;
}

const baseName = (uri: vscode.Uri) => (uri.path.split('/').pop() ?? 'summary').replace(/\.ssr$/i, '');

export function registerExportCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
    let lastFormat: ExportFormat = 'docx';
    context.subscriptions.push(vscode.commands.registerCommand('ssr.exportSummary', async (arg?: vscode.Uri | ExportArguments) => {
        const given: ExportArguments = arg instanceof vscode.Uri ? { uri: arg } : arg && typeof arg === 'object' && !('fromWalkthrough' in arg) ? arg : {};
        const document = await strategyDocument(given.uri);
        const languageClient = client();
        if (!document || !languageClient) {
            void vscode.window.showWarningMessage('Open a .ssr strategy to export its plan summary.');
            return undefined;
        }
        let target = given.target;
        if (!target) {
            const ordered = [lastFormat, ...EXPORT_FORMATS.filter(f => f !== lastFormat)];
            target = await vscode.window.showSaveDialog({
                title: 'Export the plan summary',
                saveLabel: 'Export',
                defaultUri: vscode.Uri.joinPath(document.uri, '..', `${baseName(document.uri)}.${lastFormat}`),
                filters: Object.fromEntries(ordered.map(f => [EXPORT_FORMAT_LABELS[f], [f]])),
            });
            if (!target) return undefined;
        }
        const extension = target.path.split('.').pop()?.toLowerCase() ?? '';
        const format = given.format ?? (EXPORT_FORMATS as readonly string[]).find(f => f === extension) as ExportFormat | undefined;
        if (!format) {
            void vscode.window.showErrorMessage(`Export as .docx (Word), .pdf or .xlsx (Excel): '${target.path.split('/').pop()}' is none of them.`);
            return undefined;
        }
        if (extension === 'ssr' || target.toString() === document.uri.toString()) {
            void vscode.window.showErrorMessage('The plan summary is never written over a strategy: choose another file name.');
            return undefined;
        }
        lastFormat = format;
        const settings = vscode.workspace.getConfiguration('ssr.export');
        const paper = settings.get<string>('paper');
        try {
            const { data } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting the plan summary as ${EXPORT_FORMAT_LABELS[format]}…` },
                () => languageClient.sendRequest(ExportRequest, {
                    uri: document.uri.toString(), format, locale: vscode.env.language,
                    paper: paper === 'a4' || paper === 'letter' ? paper : undefined,
                    browserPath: settings.get<string>('browserPath') || undefined,
                }));
            await vscode.workspace.fs.writeFile(target, Buffer.from(data, 'base64'));
        } catch (error) {
            const message = (error instanceof Error ? error.message : String(error)).replace(/^Request \S+ failed with message: /, '');
            const missing = /no Chromium|does not exist/.test(message);
            void vscode.window.showErrorMessage(`The plan summary could not be exported: ${message}`, ...(missing ? ['Open Settings'] : []))
                .then(choice => choice && vscode.commands.executeCommand('workbench.action.openSettings', 'ssr.export.browserPath'));
            return undefined;
        }
        const saved = target;
        void vscode.window.showInformationMessage(`Plan summary saved as ${saved.path.split('/').pop()}.`, 'Open', 'Show in Folder').then(choice => {
            if (choice === 'Open') void vscode.env.openExternal(saved);
            if (choice === 'Show in Folder') void vscode.commands.executeCommand('revealFileInOS', saved);
        });
        return saved;
    }));
}
