/**
 * "SSR: New Strategy…" (the palette, and the explorer's context menu on a folder): a few questions
 * — country, period, currency, context, and an actor library to import if the workspace has one —
 * then a skeleton strategy (language/base/templates.ts, the same as `ssr init`) that already checks
 * with only the findings an empty plan deserves, opened in an editor. It never overwrites a file.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONTEXT_CHOICES, checkAnswer, defaultFileName, isActorLibrary, parsePeriod, strategySkeleton } from '../language/base/templates.js';
import { rememberStrategy, showStrategy } from './strategies.js';

/** Answers a test or another command may give instead of the questions. */
interface NewStrategyAnswers {
    country?: string;
    period?: string;
    currency?: string;
    /** A context term, or '' for none. */
    context?: string;
    /** A library file, or null for none. */
    library?: vscode.Uri | null;
    /** The file to write (it must not exist). */
    target?: vscode.Uri;
}

const STEPS = 5;

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}

/** The actor libraries of the workspace. */
async function libraries(): Promise<vscode.Uri[]> {
    const files = await vscode.workspace.findFiles('**/*.ssr', '**/node_modules/**', 500);
    const found: vscode.Uri[] = [];
    for (const file of files) {
        try {
            if (isActorLibrary(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8'))) found.push(file);
        } catch { /* unreadable: not offered */ }
    }
    return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The folder the new file goes in: the one clicked in the explorer, else the workspace's (asked when several). */
async function folderFor(clicked: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    if (clicked) {
        const stat = await vscode.workspace.fs.stat(clicked);
        return stat.type & vscode.FileType.Directory ? clicked : vscode.Uri.joinPath(clicked, '..');
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return folders[0].uri;
    if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder of the new strategy' }))?.uri;
    return undefined;
}

export function registerNewStrategyCommand(context: vscode.ExtensionContext): void {
    context.subscriptions.push(vscode.commands.registerCommand('ssr.newStrategy', async (arg?: vscode.Uri | { fromWalkthrough?: boolean }, answers: NewStrategyAnswers = {}) => {
        const clicked = arg instanceof vscode.Uri ? arg : undefined;
        const fromWalkthrough = !(arg instanceof vscode.Uri) && arg?.fromWalkthrough === true;
        const title = (step: number) => `New SSR strategy (${step}/${STEPS})`;
        const year = new Date().getFullYear();

        const country = answers.country ?? await vscode.window.showInputBox({
            title: title(1), prompt: 'The country or territory the strategy is for', placeHolder: 'e.g. Northland', ignoreFocusOut: true, validateInput: checkAnswer.country,
        });
        if (country === undefined) return undefined;
        const periodText = answers.period ?? await vscode.window.showInputBox({
            title: title(2), prompt: 'The period: first and last year', value: `${year + 1}-${year + 5}`, ignoreFocusOut: true, validateInput: checkAnswer.period,
        });
        const period = periodText === undefined ? undefined : parsePeriod(periodText);
        if (!period) return undefined;
        const currency = answers.currency ?? await vscode.window.showInputBox({
            title: title(3), prompt: 'The currency every amount is in: its three-letter code', value: 'USD', ignoreFocusOut: true, validateInput: checkAnswer.currency,
        });
        if (currency === undefined || checkAnswer.currency(currency)) return undefined;
        let contextTerm = answers.context;
        if (contextTerm === undefined) {
            const picked = await vscode.window.showQuickPick([
                ...CONTEXT_CHOICES.map(c => ({ label: c.id, detail: c.definition })),
                { label: 'Decide later', detail: 'No context for now; the checker says nothing about it.', term: '' },
            ], { title: title(4), placeHolder: 'The country\'s situation: it decides which advice applies', ignoreFocusOut: true, matchOnDetail: true });
            if (!picked) return undefined;
            contextTerm = 'term' in picked ? picked.term : picked.label;
        }

        const folder = answers.target ? vscode.Uri.joinPath(answers.target, '..') : await folderFor(clicked);
        let library = answers.library;
        if (library === undefined) {
            const found = await libraries();
            if (found.length > 0) {
                const picked = await vscode.window.showQuickPick([
                    { label: 'No library', detail: 'Declare every actor in the strategy itself.', uri: undefined as vscode.Uri | undefined },
                    ...found.map(uri => ({ label: vscode.workspace.asRelativePath(uri), detail: 'Import its actors', uri })),
                ], { title: title(5), placeHolder: 'Import an actor library (a donor\'s or ministry\'s standard list of actors)?', ignoreFocusOut: true });
                if (!picked) return undefined;
                library = picked.uri ?? null;
            }
        }

        let target = answers.target;
        if (!target) {
            const name = defaultFileName(country);
            if (folder) {
                target = vscode.Uri.joinPath(folder, name);
                for (let n = 2; await exists(target); n++) target = vscode.Uri.joinPath(folder, name.replace(/\.ssr$/, `-${n}.ssr`));
            } else {
                target = await vscode.window.showSaveDialog({ title: 'Save the new strategy', saveLabel: 'Create', filters: { 'SSR strategy': ['ssr'] }, defaultUri: vscode.Uri.file(path.join(os.homedir(), name)) });
                if (!target) return undefined;
            }
        }
        if (!target.path.endsWith('.ssr')) target = target.with({ path: `${target.path}.ssr` });
        if (await exists(target)) {
            void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(target)} exists: a new strategy never overwrites a file.`);
            return undefined;
        }
        const importPath = library ? path.posix.relative(path.posix.dirname(target.path), library.path) : undefined;
        const text = strategySkeleton({ country, ...period, currency, context: contextTerm || undefined, importPath });
        await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
        rememberStrategy(target);
        const document = await vscode.workspace.openTextDocument(target);
        await showStrategy(document, fromWalkthrough);
        return target;
    }));
}
