/**
 * `ssr/summary` (language/base/protocol.ts): the plan summary of an open document, for the
 * extension's commands. Works on unsaved and broken documents: it summarises what parses, with
 * the findings.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type * as ast from '../language/generated/ast.js';
import type { SsrServices } from '../language/ssr-module.js';
import { SUMMARY_FORMATS, SummaryRequest } from '../language/base/protocol.js';
import { summarize } from '../language/summary/index.js';

export function registerSummaryRequest(connection: Connection, shared: LangiumSharedServices, ssr: SsrServices): void {
    connection.onRequest(SummaryRequest, async (params, token) => {
        if (!SUMMARY_FORMATS.includes(params.format)) throw new Error(`Unknown summary format '${params.format}'`);
        const uri = URI.parse(params.uri);
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        const document = shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) throw new Error(`${params.uri} is not an open .ssr document`);
        const label = uri.path.split('/').pop() ?? uri.toString();
        return summarize(ssr, document as LangiumDocument<ast.Document>, params.format, label, { nonce: params.nonce });
    });
}
