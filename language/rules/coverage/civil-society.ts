import type { Rule } from '../rule.js';
import { atStrategyTitle, involvedActors, isOfCategory } from '../common.js';

export const coverageCivilSociety: Rule = {
    id: 'coverage/civil-society',
    severity: 'warning',
    description: 'No civil-society actor leads or partners any objective.',
    check({ model, vocabulary, report }) {
        const where = atStrategyTitle(model);
        if (!where) return;
        if (model.objectives.some(o => involvedActors(o).some(a => isOfCategory(vocabulary, a, 'civil-society')))) return;
        report({
            ...where,
            message: 'No civil-society actor (civil society, media, academia, women\'s organisations) leads or partners an objective. Civil society voices the population\'s security needs and holds providers to account; the guidance asks that it take part. Add one as a partner.',
        });
    },
};
