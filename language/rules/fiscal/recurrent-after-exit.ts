import { fiscalModelOf, formatAmount, MONEY_EPSILON } from '../../model/fiscal-model.js';
import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

export const fiscalRecurrentAfterExit: Rule = {
    id: 'fiscal/recurrent-after-exit',
    severity: 'warning',
    description: 'In the final year, recurrent costs exceed domestic funding.',
    check({ model, config, report }) {
        const where = atStrategyTitle(model);
        const fiscal = fiscalModelOf(model, config);
        const final = fiscal.years[fiscal.years.length - 1];
        if (!where || !final || final.recurrent - final.domestic <= MONEY_EPSILON) return;
        report({
            ...where,
            message: `In ${final.year}, the final year, recurrent costs are ${formatAmount(final.recurrent, fiscal.currency)} but domestic funding is ${formatAmount(final.domestic, fiscal.currency)}: a shortfall of ${formatAmount(final.recurrent - final.domestic, fiscal.currency)} a year once donors leave. Forces the state cannot pay for do not last: plan domestic funding for the running costs.`,
        });
    },
};
