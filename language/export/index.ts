/**
 * The plan summary as the documents authors hand in: Word (docx.ts), PDF (pdf.ts, printed by a
 * Chromium that browser.ts finds) and the fiscal tables as an Excel workbook (xlsx.ts). The
 * command line (`ssr summary --format docx|pdf|xlsx`) and the language server (`ssr/export`, for
 * the editor's "SSR: Export Plan Summary…") both call `exportSummary`.
 */
import type { ExportFormat } from '../base/protocol.js';
import type { PlanSummary } from '../summary/index.js';
import { findBrowser } from './browser.js';
import { renderDocx } from './docx.js';
import type { Paper } from './paper.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export interface ExportOptions {
    paper: Paper;
    /** For PDF: an executable the user named (else CHROMIUM_PATH and the search of browser.ts). */
    browserPath?: string;
    env?: Readonly<Record<string, string | undefined>>;
}

export async function exportSummary(summary: PlanSummary, format: ExportFormat, options: ExportOptions): Promise<Uint8Array> {
    switch (format) {
        case 'docx': return renderDocx(summary, { paper: options.paper });
        case 'xlsx': return renderXlsx(summary);
        case 'pdf': return renderPdf(summary, { paper: options.paper, browser: await findBrowser({ explicit: options.browserPath, env: options.env }) });
    }
}

export { BrowserMissing } from './browser.js';
