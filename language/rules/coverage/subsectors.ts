import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

const CORE = ['defence', 'policing', 'justice', 'corrections', 'oversight', 'civil-society', 'public-finance'];
const CONDITIONAL: { sector: string; kinds: string[] }[] = [
    { sector: 'intelligence', kinds: ['intelligence'] },
    { sector: 'border-management', kinds: ['border-guard', 'coast-guard', 'customs'] },
];

export const coverageSubsectors: Rule = {
    id: 'coverage/subsectors',
    severity: 'warning',
    description: 'A core sector of the security sector has no objective (comprehensive strategies only).',
    check({ model, report }) {
        const where = atStrategyTitle(model);
        if (!where || model.strategy?.scope?.partial) return;
        const covered = new Set(model.objectives.map(o => o.sector));
        const kinds = new Set(model.allActors.map(a => a.kind));
        const required = [...CORE, ...CONDITIONAL.filter(c => c.kinds.some(k => kinds.has(k))).map(c => c.sector)];
        for (const sector of required) {
            if (covered.has(sector)) continue;
            report({
                ...where,
                key: sector,
                message: `No objective addresses the ${sector} sector. SSR is holistic: reforming one part of the security sector while another is left untouched shifts the problem instead of solving it. Add an objective with 'sector ${sector}', or declare 'scope partial: …' if this is a partial programme.`,
            });
        }
    },
};
