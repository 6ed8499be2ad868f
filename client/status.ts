/**
 * The language status of `.ssr` files (the `{}` beside the language name in the status bar), as
 * vscode-eslint shows its validation time: which configuration applies (a click opens it; its
 * problems shown here too), and the last check — busy while it runs, then the findings by severity
 * and how long it took. Fed by the server's `ssr/checkStatus` notifications.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckStatusNotification, type DocumentCheckStatus } from '../language/base/protocol.js';

/** What the two items show, for tests (the extension's exports). */
export interface StatusSnapshot {
    configuration: { text: string; detail?: string; severity: string };
    check: { text: string; detail?: string; busy: boolean };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const SEVERITY_NAMES = ['Information', 'Warning', 'Error'];

export class CheckStatusItems implements vscode.Disposable {
    private readonly configuration = vscode.languages.createLanguageStatusItem('ssr.configuration', { language: 'ssr' });
    private readonly check = vscode.languages.createLanguageStatusItem('ssr.check', { language: 'ssr' });
    private readonly documents = new Map<string, DocumentCheckStatus>();
    private busy = true;
    private readonly subscriptions: vscode.Disposable[] = [];

    constructor(client: LanguageClient) {
        this.configuration.name = 'SSR configuration';
        this.check.name = 'SSR checker';
        this.subscriptions.push(client.onNotification(CheckStatusNotification, params => {
            this.busy = params.busy;
            for (const document of params.documents) this.documents.set(document.uri, document);
            this.render();
        }));
        this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.render()));
        this.subscriptions.push(vscode.workspace.onDidCloseTextDocument(document => this.documents.delete(document.uri.toString())));
        this.render();
    }

    private render(): void {
        const document = vscode.window.activeTextEditor?.document;
        const status = document ? this.documents.get(document.uri.toString()) : undefined;

        const config = this.configuration;
        const file = status?.configFile ? vscode.Uri.parse(status.configFile) : undefined;
        const problems = status?.configProblems ?? [];
        config.text = file ? `$(gear) ${vscode.workspace.asRelativePath(file)}` : '$(gear) Default rules';
        config.detail = problems.length > 0 ? `${plural(problems.length, 'problem')}: ${problems[0].message}`
            : file ? 'SSR configuration' : 'no .ssrrc.json: built-in severities';
        config.severity = problems.some(p => p.fatal) ? vscode.LanguageStatusSeverity.Error : problems.length > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
        config.command = file ? { title: 'Open', command: 'vscode.open', arguments: [file], tooltip: 'Open the configuration file' }
            : { title: 'Rules', command: 'ssr.openRulePage', arguments: [], tooltip: 'The rules and how to configure them' };

        const check = this.check;
        check.busy = this.busy;
        check.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
        if (this.busy && !status) {
            check.text = '$(sync~spin) Checking…';
            check.detail = undefined;
        } else if (status) {
            const { error, warning, info } = status.counts;
            check.text = error + warning + info === 0 ? '$(check) No findings' : `$(${error ? 'error' : warning ? 'warning' : 'info'}) ${[plural(error, 'error'), plural(warning, 'warning'), plural(info, 'info')].join(', ')}`;
            check.detail = this.busy ? 'checking…' : `checked in ${status.durationMs < 10 ? status.durationMs.toFixed(1) : Math.round(status.durationMs)} ms`;
        } else {
            check.text = '$(check) SSR';
            check.detail = 'not checked yet';
        }
    }

    snapshot(): StatusSnapshot {
        return {
            configuration: { text: this.configuration.text, detail: this.configuration.detail, severity: SEVERITY_NAMES[this.configuration.severity] },
            check: { text: this.check.text, detail: this.check.detail, busy: this.check.busy },
        };
    }

    dispose(): void {
        this.configuration.dispose();
        this.check.dispose();
        for (const subscription of this.subscriptions) subscription.dispose();
    }
}
