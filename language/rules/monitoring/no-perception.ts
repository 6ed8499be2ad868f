import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

export const monitoringNoPerception: Rule = {
    id: 'monitoring/no-perception',
    severity: 'info',
    description: 'No benchmark uses a perception survey or focus groups.',
    check({ model, vocabulary, report }) {
        const where = atStrategyTitle(model);
        if (!where) return;
        if (model.benchmarks.some(b => vocabulary.isPerceptionSource(b.source))) return;
        report({
            ...where,
            message: "No benchmark is measured by a perception survey or focus groups. Security is also what citizens experience: the guidance recommends polls and focus groups on citizens' attitudes. Consider a benchmark with 'source perception-survey'.",
        });
    },
};
