/** Plan summaries: the model and its three renderings (SUMMARY.md). */
import type { LangiumDocument } from 'langium';
import type * as ast from '../generated/ast.js';
import type { SsrServices } from '../ssr-module.js';
import { buildSummary, type PlanSummary } from './summary-model.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml, type HtmlOptions } from './html.js';
import { renderJson } from './json.js';

export type SummaryFormat = 'md' | 'html' | 'json';
export const SUMMARY_FORMATS: readonly SummaryFormat[] = ['md', 'html', 'json'];

export function renderSummary(summary: PlanSummary, format: SummaryFormat, html?: HtmlOptions): string {
    switch (format) {
        case 'md': return renderMarkdown(summary);
        case 'html': return renderHtml(summary, html);
        case 'json': return renderJson(summary);
    }
}

/** The summary of a built document in one format. */
export function summarize(services: SsrServices, document: LangiumDocument<ast.Document>, format: SummaryFormat, fileLabel: string, html?: HtmlOptions): string {
    return renderSummary(buildSummary(services, document, fileLabel), format, html);
}

export { buildSummary, renderMarkdown, renderHtml, renderJson, type PlanSummary, type HtmlOptions };
