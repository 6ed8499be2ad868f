/**
 * `ssr/summary`: the plan summary of an open document, for the extension's commands. Works on
 * unsaved and broken documents: it summarises what parses, with the findings.
 */
import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type * as ast from '../language/generated/ast.js';
import type { SsrServices } from '../language/ssr-module.js';
import { SUMMARY_FORMATS, summarize, type SummaryFormat } from '../language/summary/index.js';

export const SUMMARY_REQUEST = 'ssr/summary';

export interface SummaryParams {
    uri: string;
    format: SummaryFormat;
    /** A nonce for the HTML's style sheet (the webview's CSP). */
    nonce?: string;
}

export function registerSummaryRequest(connection: Connection, shared: LangiumSharedServices, ssr: SsrServices): void {
    connection.onRequest(SUMMARY_REQUEST, async (params: SummaryParams, token) => {
        if (!SUMMARY_FORMATS.includes(params.format)) throw new Error(`Unknown summary format '${params.format}'`);
        const uri = URI.parse(params.uri);
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        const document = shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) throw new Error(`${params.uri} is not an open .ssr document`);
        const label = uri.path.split('/').pop() ?? uri.toString();
        return summarize(ssr, document as import('langium').LangiumDocument<ast.Document>, params.format, label, { nonce: params.nonce });
    });
}
