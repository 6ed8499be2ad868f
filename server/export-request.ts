/**
 * `ssr/export` (language/base/protocol.ts): the plan summary of an open document as Word, PDF or
 * an Excel workbook, for the editor's "SSR: Export Plan Summary…"; the client writes the bytes
 * where the author chose. The exports' libraries (dist/export.cjs) load on the first export.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type * as ast from '../language/generated/ast.js';
import type { SsrServices } from '../language/ssr-module.js';
import { EXPORT_FORMATS, ExportRequest } from '../language/base/protocol.js';
import { environmentLocales, paperForLocales } from '../language/export/paper.js';
import { buildSummary } from '../language/summary/index.js';

export function registerExportRequest(connection: Connection, shared: LangiumSharedServices, ssr: SsrServices): void {
    connection.onRequest(ExportRequest, async (params, token) => {
        if (!EXPORT_FORMATS.includes(params.format)) throw new Error(`Unknown export format '${params.format}'`);
        const uri = URI.parse(params.uri);
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        const document = shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) throw new Error(`${params.uri} is not an open .ssr document`);
        const summary = buildSummary(ssr, document as LangiumDocument<ast.Document>, uri.path.split('/').pop() ?? uri.toString());
        const paper = params.paper ?? paperForLocales(params.locale, ...environmentLocales(process.env));
        const { exportSummary } = await import('../language/export/index.js');
        const bytes = await exportSummary(summary, params.format, { paper, browserPath: params.browserPath || undefined, env: process.env });
        return { data: Buffer.from(bytes).toString('base64') };
    });
}
