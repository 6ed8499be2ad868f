/**
 * `ssr/summary` (language/base/protocol.ts): the plan summary of an open document, for the
 * extension's commands. Works on unsaved and broken documents: it summarises what parses, with
 * the findings.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { SsrServices } from '../language/ssr-module.js';
import { SUMMARY_FORMATS, SummaryRequest } from '../language/base/protocol.js';
import { summarize } from '../language/summary/index.js';
import { validatedDocument } from './open-document.js';

export function registerSummaryRequest(connection: Connection, shared: LangiumSharedServices, ssr: SsrServices): void {
    connection.onRequest(SummaryRequest, async (params, token) => {
        if (!SUMMARY_FORMATS.includes(params.format)) throw new Error(`Unknown summary format '${params.format}'`);
        const { document, label } = await validatedDocument(shared, params.uri, token);
        return summarize(ssr, document, params.format, label, { nonce: params.nonce });
    });
}
