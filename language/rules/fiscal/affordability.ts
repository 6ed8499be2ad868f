import { formatMoney } from '../../base/format.js';
import * as ast from '../../generated/ast.js';
import { isMaterial } from '../../model/fiscal-model.js';
import type { Rule } from '../rule.js';

export const fiscalAffordability: Rule = {
    id: 'fiscal/affordability',
    severity: 'warning',
    description: 'Domestic funding or final-year recurrent costs exceed the affordable ceiling.',
    check({ model, fiscal, report }) {
        const block = model.fiscal;
        if (!block) return;
        const over = fiscal.years.flatMap(y => y.affordable !== undefined && isMaterial(y.domestic - y.affordable) ? [{ ...y, affordable: y.affordable }] : []);
        const final = fiscal.years[fiscal.years.length - 1];
        const finalAffordable = final?.affordable;
        const recurrentOver = finalAffordable !== undefined && isMaterial(final.recurrent - finalAffordable);
        if (over.length === 0 && !recurrentOver) return;
        const parts: string[] = [];
        if (over.length > 0) parts.push(`domestic funding exceeds the affordable ceiling in ${over.map(y => `${y.year} (${formatMoney(y.domestic, fiscal.currency)} against ${formatMoney(y.affordable, fiscal.currency)})`).join(', ')}`);
        if (recurrentOver) parts.push(`recurrent costs in ${final.year} (${formatMoney(final.recurrent, fiscal.currency)}) exceed what the state can afford (${formatMoney(finalAffordable ?? 0, fiscal.currency)}), so it could not take over what was built`);
        report({
            node: block, property: block.ceiling ? ast.Fiscal.ceiling : undefined, keyword: block.ceiling ? undefined : 'fiscal',
            message: `Not affordable: ${parts.join('; ')}. The size and structure of the security sector must reflect the state's financial realities: reduce costs or phase them.`,
        });
    },
};
