/**
 * Which strategy a command works on when it is not given one: the active `.ssr` editor, else the
 * one last active (the walkthrough, the palette over a preview or a summary leave no active text
 * editor), else the only `.ssr` document open.
 */
import * as vscode from 'vscode';

let last: vscode.Uri | undefined;

export function trackStrategies(context: vscode.ExtensionContext): void {
    const note = (editor: vscode.TextEditor | undefined) => { if (editor?.document.languageId === 'ssr') last = editor.document.uri; };
    note(vscode.window.activeTextEditor);
    context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(note));
}

/** Makes `uri` the strategy commands work on (a new strategy, before its editor is active). */
export function rememberStrategy(uri: vscode.Uri): void {
    last = uri;
}

/** The strategy document a command should work on, opened if need be; undefined when there is none. */
export async function strategyDocument(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const find = (u: vscode.Uri) => vscode.workspace.textDocuments.find(d => d.uri.toString() === u.toString());
    if (uri) return find(uri) ?? vscode.workspace.openTextDocument(uri);
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'ssr') return active;
    if (last) {
        const remembered = find(last) ?? await vscode.workspace.openTextDocument(last).then(d => d, () => undefined);
        if (remembered) return remembered;
    }
    const open = vscode.workspace.textDocuments.filter(d => d.languageId === 'ssr' && !d.isClosed);
    return open.length === 1 ? open[0] : undefined;
}

/** Shows a strategy in an editor (beside the walkthrough when a walkthrough step asked). */
export async function showStrategy(document: vscode.TextDocument, beside = false): Promise<vscode.TextEditor> {
    const visible = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === document.uri.toString());
    return vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? (beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active), preview: false });
}
