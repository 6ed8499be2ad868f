/**
 * The requests and notifications between the extension and the language server beyond LSP,
 * defined once for both ends.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

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

/** The documents the summary exports to (the command line's `--format` and the editor's export command). */
export const EXPORT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

/** What each export is called, and its file name extension. */
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = { docx: 'Word document', pdf: 'PDF', xlsx: 'Excel workbook (fiscal tables)' };

export interface ExportParams {
    /** The document's URI, as the client knows it. */
    uri: string;
    format: ExportFormat;
    /** Word and PDF page size; without it, the region of `locale`, else the server's locale, decides. */
    paper?: 'a4' | 'letter';
    /** The editor's display language (`vscode.env.language`). */
    locale?: string;
    /** For PDF: the browser the user configured (`ssr.export.browserPath`), if any. */
    browserPath?: string;
}

/** `ssr/export`: the plan summary of an open document as a Word, PDF or Excel file, base64-encoded. */
export const ExportRequest = new RequestType<ExportParams, { data: string }, void>('ssr/export');

/** What the checker last did for one document, for the editor's language status. */
export interface DocumentCheckStatus {
    uri: string;
    /** The `.ssrrc.json` that applies, if any. */
    configFile?: string;
    /** Problems of that configuration and of the editor's `ssr.rules` setting. */
    configProblems: { message: string; fatal: boolean }[];
    /** How long the check that produced these findings took, in milliseconds. */
    durationMs: number;
    /** The document's findings by severity. */
    counts: { error: number; warning: number; info: number; hint: number };
}

export interface CheckStatusParams {
    /** True while a check runs; false when it has finished (and `documents` holds what it checked). */
    busy: boolean;
    documents: DocumentCheckStatus[];
}

/** `ssr/checkStatus`: sent when a check starts and when it ends. */
export const CheckStatusNotification = new NotificationType<CheckStatusParams>('ssr/checkStatus');
