/**
 * Code lens from the fiscal model: on each objective with costs, its total cost, funding, gap and
 * (where there is one) surplus over the period; on the `fiscal` block, the final year's recurrent
 * cost against domestic funding, revenue and the affordable ceiling. Informational: the lenses run no command.
 */
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { formatMoney } from '../base/format.js';
import type { SsrLspServices } from './services.js';

export class SsrCodeLensProvider implements CodeLensProvider {
    constructor(protected readonly services: SsrLspServices) { }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const root = document.parseResult.value;
        if (!ast.isDocument(root)) return [];
        const model = this.services.model.StrategyModel.get(document);
        if (model.isLibrary || !model.strategy) return [];
        const fiscal = this.services.model.FiscalModel.get(document);
        const currency = fiscal.currency;
        const lenses: CodeLens[] = [];
        const lens = (node: ast.Objective | ast.Fiscal, title: string) => {
            const cst = node.$cstNode;
            if (cst) lenses.push({ range: { start: cst.range.start, end: cst.range.start }, command: { title, command: '' } });
        };
        for (const figures of fiscal.objectives.values()) {
            if (!figures.hasCosts) continue;
            // As in the summary, cost = funded + gap − surplus; the surplus is shown where there is one.
            const surplus = figures.surplus > 0 ? ` · surplus ${formatMoney(figures.surplus, currency)}` : '';
            lens(figures.objective, `Cost ${formatMoney(figures.cost, currency)} · funded ${formatMoney(figures.funded, currency)} · gap ${formatMoney(figures.gap, currency)}${surplus}`);
        }
        const final = fiscal.years[fiscal.years.length - 1];
        if (model.fiscal && final) {
            const revenue = final.revenue !== undefined ? ` · revenue ${formatMoney(final.revenue, currency)}` : '';
            lens(model.fiscal, `${final.year}: recurrent ${formatMoney(final.recurrent, currency)} · domestic ${formatMoney(final.domestic, currency)}${revenue}${final.affordable !== undefined ? ` · ceiling ${formatMoney(final.affordable, currency)}` : ''}`);
        }
        return lenses;
    }
}
