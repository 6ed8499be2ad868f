/**
 * The commands behind the walkthrough's buttons ("Write your first SSR strategy", package.json
 * `walkthroughs`) that have no command of their own: add example actors and phases, add an
 * objective with costs, and show a finding with its quick fix. Each works on the strategy last
 * edited (client/strategies.ts), so a button on the walkthrough page acts on the editor beside it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SummaryRequest } from '../language/base/protocol.js';
import { actorsAndPhasesBlock, objectiveBlock } from '../language/base/templates.js';
import { showStrategy, strategyDocument } from './strategies.js';

/** The finding the walkthrough shows first: one whose quick fix teaches the most. */
const PREFERRED_FINDINGS = ['monitoring/no-benchmark', 'fiscal/unfunded', 'structure/missing-field', 'taxonomy/unknown-term'];

async function target(): Promise<vscode.TextEditor | undefined> {
    const document = await strategyDocument();
    if (!document) {
        const choice = await vscode.window.showWarningMessage('Create or open a strategy first.', 'New Strategy…');
        if (choice) await vscode.commands.executeCommand('ssr.newStrategy', { fromWalkthrough: true });
        return undefined;
    }
    return showStrategy(document, true);
}

/** The strategy's period, as the server reads it (the current year and the next four if it has none). */
async function periodOf(client: LanguageClient | undefined, document: vscode.TextDocument): Promise<{ from: number; to: number }> {
    try {
        const json = client ? await client.sendRequest(SummaryRequest, { uri: document.uri.toString(), format: 'json' }) : undefined;
        const period = json ? (JSON.parse(json) as { strategy: { period?: { startYear: number; endYear: number } } }).strategy.period : undefined;
        if (period) return { from: period.startYear, to: period.endYear };
    } catch { /* a default period below */ }
    const year = new Date().getFullYear();
    return { from: year, to: year + 4 };
}

/** Appends text at the end of the document and shows it. */
async function append(editor: vscode.TextEditor, text: string): Promise<void> {
    const document = editor.document;
    const end = document.lineAt(document.lineCount - 1).range.end;
    const prefix = document.getText().endsWith('\n') || document.getText() === '' ? '' : '\n';
    await editor.edit(edit => edit.insert(end, prefix + text));
    const last = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const first = new vscode.Position(end.line + 1, 0);
    editor.selection = new vscode.Selection(first, first);
    editor.revealRange(new vscode.Range(first, last), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

const declares = (document: vscode.TextDocument, kind: string, name: string) => new RegExp(`^\\s*${kind}\\s+${name}\\b`, 'm').test(document.getText());

export function registerWalkthroughCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
    context.subscriptions.push(vscode.commands.registerCommand('ssr.walkthrough.addActorsAndPhases', async () => {
        const editor = await target();
        if (!editor) return undefined;
        if (declares(editor.document, 'actor', 'NP') && declares(editor.document, 'phase', 'Preparation')) return editor.document.uri;
        const { from, to } = await periodOf(client(), editor.document);
        await append(editor, actorsAndPhasesBlock(from, to));
        return editor.document.uri;
    }));

    context.subscriptions.push(vscode.commands.registerCommand('ssr.walkthrough.addObjective', async () => {
        const editor = await target();
        if (!editor) return undefined;
        const { from, to } = await periodOf(client(), editor.document);
        if (!declares(editor.document, 'actor', 'NP') || !declares(editor.document, 'phase', 'Preparation')) await append(editor, actorsAndPhasesBlock(from, to));
        if (!declares(editor.document, 'objective', 'PoliceReform')) await append(editor, objectiveBlock(from, to));
        return editor.document.uri;
    }));

    context.subscriptions.push(vscode.commands.registerCommand('ssr.walkthrough.showFinding', async () => {
        const editor = await target();
        if (!editor) return undefined;
        const code = (d: vscode.Diagnostic) => typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
        const findings = vscode.languages.getDiagnostics(editor.document.uri).filter(d => code(d).includes('/') && d.severity !== vscode.DiagnosticSeverity.Hint);
        const rank = (d: vscode.Diagnostic) => { const i = PREFERRED_FINDINGS.indexOf(code(d)); return i < 0 ? PREFERRED_FINDINGS.length : i; };
        const finding = [...findings].sort((a, b) => rank(a) - rank(b) || a.range.start.line - b.range.start.line)[0];
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
        if (!finding) {
            void vscode.window.showInformationMessage('This strategy has no finding to fix.');
            return undefined;
        }
        editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
        editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        await vscode.commands.executeCommand('editor.action.quickFix');
        return code(finding);
    }));

    context.subscriptions.push(vscode.commands.registerCommand('ssr.openWalkthrough', () =>
        vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#ssr.firstStrategy`, false)));
}
