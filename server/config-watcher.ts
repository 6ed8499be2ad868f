/**
 * Configuration in the running server: edits to `.ssrrc.json` and to every file its `extends`
 * chain reads take effect without a reload, the `ssr.rules` setting overrides severities in the
 * editor, and problems in a configuration file are shown on that file (and on the `extends` entry
 * that names a broken file) rather than silently ignored.
 */
import { DocumentState, URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, formatProblem, type ConfigProblem } from '../language/config/config.js';
import type { SsrServices } from '../language/ssr-module.js';

export function watchConfiguration(connection: Connection, shared: LangiumSharedServices, ssr: SsrServices): void {
    const configProvider = ssr.config.ConfigProvider;
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    /** What was last published per configuration file, to publish only changes and to clear fixed files. */
    const published = new Map<string, string>();
    const announced = new Set<string>();

    const rebuild = async (uris: URI[]) => {
        if (uris.length === 0) return;
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.WorkspaceLock.write(token => builder.update(uris, [], token));
    };

    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        const changed = params.changes.map(change => URI.parse(change.uri).toString()).filter(uri => configProvider.isConfigurationFile(uri));
        if (changed.length === 0) return;
        // The documents whose configuration read a changed file, and those a new or deleted .ssrrc.json may now govern.
        const folders = changed.filter(uri => uri.endsWith('/' + CONFIG_FILE_NAME)).map(uri => UriUtils.dirname(URI.parse(uri)));
        const before = documents.all.map(d => ({ uri: d.uri, config: configProvider.getConfig(d.uri) })).toArray();
        const dropped = new Set(configProvider.invalidate(changed));
        const affected = before.filter(d => dropped.has(d.config) || folders.some(folder => UriUtils.contains(folder, d.uri))).map(d => d.uri);
        void rebuild(affected);
    });

    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== 'ssr') return;
        configProvider.setEditorOverrides((update.configuration as { rules?: unknown } | undefined)?.rules);
        for (const problem of configProvider.editorSettingProblems) {
            void connection.window.showWarningMessage(problem.message);
        }
        void rebuild(documents.all.map(d => d.uri).toArray());
    });

    builder.onBuildPhase(DocumentState.Validated, (_built: LangiumDocument[]) => {
        // Every configuration in use, each file's problems once (a file several chains read is shown once).
        const problemsByFile = new Map<string, Map<string, ConfigProblem>>();
        for (const config of configProvider.configurations) {
            for (const file of config.chain) if (!problemsByFile.has(file)) problemsByFile.set(file, new Map());
            for (const problem of config.problems) {
                const key = `${problem.line ?? -1}:${problem.range?.start.character ?? -1}:${problem.message}`;
                problemsByFile.get(problem.file)?.set(key, problem);
            }
        }
        for (const file of published.keys()) if (!problemsByFile.has(file)) problemsByFile.set(file, new Map());
        for (const [file, problems] of problemsByFile) {
            const diagnostics: Diagnostic[] = [...problems.values()].map(problem => ({
                range: problem.range ?? { start: { line: problem.line ?? 0, character: 0 }, end: { line: problem.line ?? 0, character: Number.MAX_SAFE_INTEGER } },
                severity: problem.fatal ? 1 : 2,
                source: 'ssr',
                code: 'config',
                message: problem.message,
            }));
            const signature = JSON.stringify(diagnostics);
            if (signature !== (published.get(file) ?? JSON.stringify([]))) {
                void connection.sendDiagnostics({ uri: file, diagnostics });
            }
            if (diagnostics.length > 0) published.set(file, signature); else published.delete(file);
            for (const problem of problems.values()) {
                if (problem.fatal && !problem.via && !announced.has(problem.message + file)) {
                    announced.add(problem.message + file);
                    void connection.window.showErrorMessage(`SSR: ${formatProblem(problem)}. Its settings are not used until it is fixed.`);
                }
            }
        }
    });
}
