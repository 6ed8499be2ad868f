/**
 * Rule help that works offline: every rule's page ships inside the extension (docs/rules/), and the
 * editor opens that copy, rendered in VS Code's Markdown preview, never the public address the
 * server and the command line link to (language/base/rule-ids.ts).
 *
 * - A finding's rule link (the code in the Problems panel and in the hover of a squiggle) points to
 *   the shipped page as a file; when such a page opens in a text editor, it is shown as a preview.
 * - The rule line of our hover links to "SSR: Open Rule Page", which previews it directly.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { ruleIdOfDocsUrl, rulePagePath } from '../language/base/rule-ids.js';

export class RulePages {
    private readonly root: vscode.Uri;
    /** Pages just opened as text (a finding's link), with when: they are turned into previews once. */
    private readonly pending = new Map<string, number>();

    constructor(private readonly context: vscode.ExtensionContext) {
        this.root = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
    }

    /** The shipped page of a rule (the rule index without an id), if the extension has it. */
    page(ruleId?: string): vscode.Uri | undefined {
        const uri = vscode.Uri.joinPath(this.context.extensionUri, ruleId ? rulePagePath(ruleId) : 'docs/rules/README.md');
        return fs.existsSync(uri.fsPath) ? uri : undefined;
    }

    private isPage(uri: vscode.Uri): boolean {
        return uri.scheme === this.root.scheme && uri.path.startsWith(this.root.path + '/') && uri.path.endsWith('.md');
    }

    /** Opens a rule's page (without an id, the list of every rule) in the Markdown preview. */
    async open(ruleId?: string): Promise<vscode.Uri | undefined> {
        const page = this.page(typeof ruleId === 'string' ? ruleId : undefined);
        if (!page) {
            void vscode.window.showWarningMessage(`There is no page for the rule '${ruleId}'.`);
            return undefined;
        }
        await vscode.commands.executeCommand('markdown.showPreview', page);
        this.pending.delete(page.toString());
        return page;
    }

    /** Client middleware: findings link to the shipped pages; the hover's rule link previews the page. */
    middleware(): Middleware {
        return {
            handleDiagnostics: (uri, diagnostics, next) => {
                for (const diagnostic of diagnostics) {
                    const code = diagnostic.code;
                    if (typeof code !== 'object' || !code.target) continue;
                    const ruleId = ruleIdOfDocsUrl(code.target.toString(true));
                    const page = ruleId && this.page(ruleId);
                    if (page) diagnostic.code = { value: code.value, target: page };
                }
                next(uri, diagnostics);
            },
            provideHover: async (document, position, token, next) => {
                const hover = await next(document, position, token);
                if (!hover) return hover;
                const contents = hover.contents.map(content => {
                    if (!(content instanceof vscode.MarkdownString)) return content;
                    const value = content.value.replace(/\[Rule page\]\(([^)\s]+)\)/g, (link, href: string) => {
                        const ruleId = ruleIdOfDocsUrl(href);
                        return ruleId && this.page(ruleId) ? `[Rule page](command:ssr.openRulePage?${encodeURIComponent(JSON.stringify([ruleId]))} "Open the rule's page")` : link;
                    });
                    if (value === content.value) return content;
                    const rewritten = new vscode.MarkdownString(value, content.supportThemeIcons);
                    rewritten.isTrusted = { enabledCommands: ['ssr.openRulePage'] };
                    return rewritten;
                });
                return new vscode.Hover(contents, hover.range);
            },
        };
    }

    /** Turns a rule page opened as text (a finding's link) into its preview. */
    register(): void {
        this.context.subscriptions.push(
            vscode.commands.registerCommand('ssr.openRulePage', (ruleId?: string) => this.open(ruleId)),
            vscode.workspace.onDidOpenTextDocument(document => { if (this.isPage(document.uri)) this.pending.set(document.uri.toString(), Date.now()); }),
            vscode.window.onDidChangeActiveTextEditor(editor => { if (editor) void this.preview(editor.document.uri); }),
        );
    }

    private async preview(uri: vscode.Uri): Promise<void> {
        const opened = this.pending.get(uri.toString());
        this.pending.delete(uri.toString());
        if (opened === undefined || Date.now() - opened > 5000) return; // the author opened the page's text on purpose
        await vscode.commands.executeCommand('markdown.showPreview', uri);
        this.pending.delete(uri.toString());
        const texts = vscode.window.tabGroups.all.flatMap(group => group.tabs)
            .filter(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
        await vscode.window.tabGroups.close(texts);
    }
}
