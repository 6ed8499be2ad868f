import { formatMoney } from '../../base/format.js';
import { isMaterial } from '../../model/fiscal-model.js';
import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

export const fiscalRecurrentAfterExit: Rule = {
    id: 'fiscal/recurrent-after-exit',
    severity: 'warning',
    description: 'In the final year, recurrent costs exceed domestic funding.',
    check({ model, fiscal, report }) {
        const where = atStrategyTitle(model);
        const final = fiscal.years[fiscal.years.length - 1];
        if (!where || !final || !isMaterial(final.recurrent - final.domestic)) return;
        report({
            ...where,
            message: `In ${final.year}, the final year, recurrent costs are ${formatMoney(final.recurrent, fiscal.currency)} but domestic funding is ${formatMoney(final.domestic, fiscal.currency)}: a shortfall of ${formatMoney(final.recurrent - final.domestic, fiscal.currency)} a year once donors leave. Forces the state cannot pay for do not last: plan domestic funding for the running costs.`,
        });
    },
};
