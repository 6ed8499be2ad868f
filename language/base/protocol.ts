/**
 * The requests the extension sends the language server beyond LSP, defined once for both ends.
 */
import { RequestType } from 'vscode-languageserver-protocol';

/** The formats of the plan summary (SUMMARY.md). */
export const SUMMARY_FORMATS = ['md', 'html', 'json'] as const;
export type SummaryFormat = typeof SUMMARY_FORMATS[number];

export interface SummaryParams {
    /** The document's URI, as the client knows it. */
    uri: string;
    format: SummaryFormat;
    /** A nonce for the HTML's style sheet (the webview's CSP). */
    nonce?: string;
}

/** `ssr/summary`: the plan summary of an open document, rendered in the format asked for. */
export const SummaryRequest = new RequestType<SummaryParams, string, void>('ssr/summary');
