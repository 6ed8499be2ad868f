import type { Rule } from '../rule.js';
import { atStrategyTitle, involvedActors } from '../common.js';

export const ownershipCoordination: Rule = {
    id: 'ownership/coordination',
    severity: 'warning',
    description: 'No national security council or executive actor leads or partners any objective.',
    check({ model, report }) {
        const where = atStrategyTitle(model);
        if (!where) return;
        const coordinated = model.objectives.some(o => involvedActors(o).some(a => a.kind === 'national-security-council' || a.kind === 'executive'));
        if (coordinated) return;
        report({
            ...where,
            message: "No actor of kind national-security-council or executive leads or partners an objective. A reform spanning several institutions needs a focal point in the partner's executive to coordinate it. Make such an actor lead or partner an objective.",
        });
    },
};
