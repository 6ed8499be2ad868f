import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

export const monitoringNoEvaluation: Rule = {
    id: 'monitoring/no-evaluation',
    severity: 'info',
    description: 'No monitoring activity (a review or evaluation) is scheduled.',
    check({ model, report }) {
        const where = atStrategyTitle(model);
        if (!where) return;
        if (model.activities.some(a => a.type === 'monitoring')) return;
        report({
            ...where,
            message: "No activity of type monitoring (a review or evaluation) is scheduled. The guidance asks for evaluation at key decision points so that the strategy can be adjusted. Add an activity with 'type monitoring', such as a mid-term review.",
        });
    },
};
