/**
 * What the checker is doing, for the editor's language status (`ssr/checkStatus`,
 * language/base/protocol.ts): "busy" when a check starts (an edit, a changed file or
 * configuration: the DocumentBuilder's update), then, when the build has validated, each open
 * document's configuration file and its problems, how long the check took from the update to the
 * end of validation, and the document's findings by severity.
 */
import { performance } from 'node:perf_hooks';
import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { CheckStatusNotification, type DocumentCheckStatus } from '../language/base/protocol.js';
import type { SsrServices } from '../language/ssr-module.js';

const SEVERITY: Record<number, keyof DocumentCheckStatus['counts']> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function reportCheckStatus(connection: Connection, shared: LangiumSharedServices, ssr: SsrServices): void {
    const builder = shared.workspace.DocumentBuilder;
    // The first build, of the whole workspace, starts with the server.
    let started = performance.now();
    let busy = true;

    builder.onUpdate(() => {
        started = performance.now();
        if (!busy) {
            busy = true;
            void connection.sendNotification(CheckStatusNotification, { busy: true, documents: [] });
        }
    });

    builder.onBuildPhase(DocumentState.Validated, (built: LangiumDocument[]) => {
        const durationMs = Math.round((performance.now() - started) * 10) / 10;
        busy = false;
        const open = built.filter(document => shared.workspace.TextDocuments?.get(document.uri.toString()) !== undefined);
        const config = ssr.config.ConfigProvider;
        const documents = open.map((document): DocumentCheckStatus => {
            const resolved = config.getConfig(document.uri);
            const counts = { error: 0, warning: 0, info: 0, hint: 0 };
            for (const diagnostic of document.diagnostics ?? []) counts[SEVERITY[diagnostic.severity ?? 1] ?? 'error']++;
            return {
                uri: document.uri.toString(),
                configFile: resolved.file?.toString(),
                configProblems: [...resolved.problems, ...config.editorSettingProblems].map(p => ({ message: p.message, fatal: p.fatal })),
                durationMs,
                counts,
            };
        });
        void connection.sendNotification(CheckStatusNotification, { busy: false, documents });
    });
}
