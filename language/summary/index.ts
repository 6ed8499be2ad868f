/** Plan summaries: the model and its three renderings (SUMMARY.md). */
import type { LangiumDocument } from 'langium';
import type * as ast from '../generated/ast.js';
import type { SummaryFormat } from '../base/protocol.js';
import type { SsrValidationServices } from '../validation/rule-engine.js';
import { activityFacts, buildSummary, headerRows, sectorRows, type PlanSummary } from './summary-model.js';
import { fundingSvg, timelineSvg } from './charts.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml, type HtmlOptions } from './html.js';
import { renderJson } from './json.js';

function renderSummary(summary: PlanSummary, format: SummaryFormat, html?: HtmlOptions): string {
    switch (format) {
        case 'md': return renderMarkdown(summary);
        case 'html': return renderHtml(summary, html);
        case 'json': return renderJson(summary);
    }
}

/** The summary of a built document in one format. */
export function summarize(services: SsrValidationServices, document: LangiumDocument<ast.Document>, format: SummaryFormat, fileLabel: string, html?: HtmlOptions): string {
    return renderSummary(buildSummary(services, document, fileLabel), format, html);
}

export { buildSummary, renderMarkdown, renderHtml, renderJson, activityFacts, headerRows, sectorRows, timelineSvg, fundingSvg, type PlanSummary, type HtmlOptions };
