import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';
import { DIMENSIONS } from '../../base/taxonomy.js';

export const coverageDimensions: Rule = {
    id: 'coverage/dimensions',
    severity: 'warning',
    description: 'One of the four dimensions of SSR (political, institutional, economic, societal) has no objective.',
    check({ model, report }) {
        const where = atStrategyTitle(model);
        if (!where || model.strategy?.scope?.partial) return;
        const covered = new Set(model.objectives.flatMap(o => o.dimensions));
        for (const dimension of DIMENSIONS) {
            if (covered.has(dimension)) continue;
            report({
                ...where,
                key: dimension,
                message: `No objective has the ${dimension} dimension. The guidance asks that in aggregate all four dimensions of SSR receive commensurate attention. Give an objective 'dimension ${dimension}'.`,
            });
        }
    },
};
