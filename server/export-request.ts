/**
 * `ssr/export` (language/base/protocol.ts): the plan summary of an open document as Word, PDF or
 * an Excel workbook, for the editor's "SSR: Export Plan Summary…"; the client writes the bytes
 * where the author chose. The exports' libraries (dist/export.cjs) load on the first export.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { SsrServices } from '../language/ssr-module.js';
import { EXPORT_FORMATS, ExportRequest } from '../language/base/protocol.js';
import { environmentLocales, paperForLocales } from '../language/export/paper.js';
import { buildSummary } from '../language/summary/index.js';
import { validatedDocument } from './open-document.js';

export function registerExportRequest(connection: Connection, shared: LangiumSharedServices, ssr: SsrServices): void {
    connection.onRequest(ExportRequest, async (params, token) => {
        if (!EXPORT_FORMATS.includes(params.format)) throw new Error(`Unknown export format '${params.format}'`);
        const { document, label } = await validatedDocument(shared, params.uri, token);
        const summary = buildSummary(ssr, document, label);
        const paper = params.paper ?? paperForLocales(params.locale, ...environmentLocales(process.env));
        const { exportSummary } = await import('../language/export/index.js');
        const bytes = await exportSummary(summary, params.format, { paper, browserPath: params.browserPath || undefined, env: process.env });
        return { data: Buffer.from(bytes).toString('base64') };
    });
}
