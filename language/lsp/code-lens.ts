/**
 * Code lens from the fiscal model: on each objective with costs, its total cost, funding and gap
 * over the period; on the `fiscal` block, the final year's recurrent cost against domestic
 * funding and the affordable ceiling. Informational: the lenses run no command.
 */
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { SsrServices } from '../ssr-module.js';
import { buildStrategyModel } from '../model/strategy-model.js';
import { fiscalModelOf, formatAmount } from '../model/fiscal-model.js';
import { importedDocuments } from '../imports.js';

export class SsrCodeLensProvider implements CodeLensProvider {
    constructor(protected readonly services: SsrServices) { }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const root = document.parseResult.value;
        if (!ast.isDocument(root)) return [];
        const model = buildStrategyModel(document as LangiumDocument<ast.Document>, importedDocuments(document, this.services.shared.workspace.LangiumDocuments));
        if (model.isLibrary || !model.strategy) return [];
        const fiscal = fiscalModelOf(model, this.services.config.ConfigProvider.getConfig(document.uri));
        const currency = fiscal.currency;
        const lenses: CodeLens[] = [];
        const lens = (node: ast.Objective | ast.Fiscal, title: string) => {
            const cst = node.$cstNode;
            if (cst) lenses.push({ range: { start: cst.range.start, end: cst.range.start }, command: { title, command: '' } });
        };
        for (const figures of fiscal.objectives.values()) {
            if (!figures.hasCosts) continue;
            lens(figures.objective, `Cost ${formatAmount(figures.cost, currency)} · funded ${formatAmount(figures.funded, currency)} · gap ${formatAmount(figures.gap, currency)}`);
        }
        const final = fiscal.years[fiscal.years.length - 1];
        if (model.fiscal && final) {
            lens(model.fiscal, `${final.year}: recurrent ${formatAmount(final.recurrent, currency)} · domestic ${formatAmount(final.domestic, currency)}${final.affordable !== undefined ? ` · ceiling ${formatAmount(final.affordable, currency)}` : ''}`);
        }
        return lenses;
    }
}
