import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

export const fiscalNoFrame: Rule = {
    id: 'fiscal/no-frame',
    severity: 'info',
    description: 'Costs are declared but there is no fiscal block.',
    check({ model, report }) {
        const where = atStrategyTitle(model);
        if (!where || model.fiscal || !model.objectives.some(o => o.costs.length > 0)) return;
        report({
            ...where,
            message: "The strategy declares costs but no 'fiscal' block, so nobody can tell whether the state can afford what is built. Add 'fiscal { revenue … in … growing …% per year  ceiling …% of revenue }'.",
        });
    },
};
