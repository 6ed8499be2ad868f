import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';
import { requiredSectors } from '../../base/taxonomy.js';

export const coverageSubsectors: Rule = {
    id: 'coverage/subsectors',
    severity: 'warning',
    description: 'A core sector of the security sector has no objective (comprehensive strategies only).',
    check({ model, report }) {
        const where = atStrategyTitle(model);
        if (!where || model.strategy?.scope?.partial) return;
        const covered = new Set(model.objectives.map(o => o.sector));
        for (const sector of requiredSectors(model.allActors.map(a => a.kind))) {
            if (covered.has(sector)) continue;
            report({
                ...where,
                key: sector,
                message: `No objective addresses the ${sector} sector. SSR is holistic: reforming one part of the security sector while another is left untouched shifts the problem instead of solving it. Add an objective with 'sector ${sector}', or declare 'scope partial: …' if this is a partial programme.`,
            });
        }
    },
};
