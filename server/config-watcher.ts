/**
 * Configuration in the running server: `.ssrrc.json` edits take effect without a reload, the
 * `ssr.rules` setting overrides severities in the editor, and problems in a config file are shown
 * on that file (and once as a message) rather than silently ignored.
 */
import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, type ConfigProblem } from '../language/config/config.js';
import type { SsrServices } from '../language/ssr-module.js';

export function watchConfiguration(connection: Connection, shared: LangiumSharedServices, ssr: SsrServices): void {
    const configProvider = ssr.config.ConfigProvider;
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const published = new Set<string>();
    const announced = new Set<string>();

    const rebuildAll = async () => {
        configProvider.clear();
        const uris = documents.all.map(d => d.uri).toArray();
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.WorkspaceLock.write(token => builder.update(uris, [], token));
    };

    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        if (params.changes.some(change => change.uri.endsWith('/' + CONFIG_FILE_NAME))) {
            void rebuildAll();
        }
    });

    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== 'ssr') return;
        configProvider.setEditorOverrides((update.configuration as { rules?: unknown } | undefined)?.rules);
        for (const problem of configProvider.editorSettingProblems) {
            void connection.window.showWarningMessage(problem.message);
        }
        void rebuildAll();
    });

    builder.onBuildPhase(DocumentState.Validated, (built: LangiumDocument[]) => {
        const problemsByFile = new Map<string, ConfigProblem[]>();
        for (const document of built) {
            const config = configProvider.getConfig(document.uri);
            if (config.file) problemsByFile.set(config.file.toString(), [...config.problems]);
        }
        for (const [file, problems] of problemsByFile) {
            const diagnostics: Diagnostic[] = problems.map(problem => ({
                range: { start: { line: problem.line ?? 0, character: 0 }, end: { line: problem.line ?? 0, character: Number.MAX_SAFE_INTEGER } },
                severity: problem.fatal ? 1 : 2,
                source: 'ssr',
                code: 'config',
                message: problem.message,
            }));
            if (diagnostics.length > 0 || published.has(file)) {
                void connection.sendDiagnostics({ uri: file, diagnostics });
                if (diagnostics.length > 0) published.add(file); else published.delete(file);
            }
            for (const problem of problems.filter(p => p.fatal)) {
                if (!announced.has(problem.message)) {
                    announced.add(problem.message);
                    void connection.window.showErrorMessage(`SSR: ${problem.message}. Default severities are used until it is fixed.`);
                }
            }
        }
    });
}

