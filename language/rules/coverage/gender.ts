import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

export const coverageGender: Rule = {
    id: 'coverage/gender',
    severity: 'warning',
    description: 'No objective has theme gender and no benchmark is disaggregated by sex.',
    check({ model, report }) {
        const where = atStrategyTitle(model);
        if (!where) return;
        if (model.objectives.some(o => o.themes.includes('gender'))) return;
        if (model.benchmarks.some(b => b.disaggregations.includes('sex'))) return;
        report({
            ...where,
            message: "The strategy neither has an objective with theme gender nor a benchmark disaggregated by sex. Security needs differ for women, men, girls and boys, and the guidance makes gender equality a principle of SSR. Add 'themes gender' to an objective or 'disaggregated by sex' to a benchmark.",
        });
    },
};
