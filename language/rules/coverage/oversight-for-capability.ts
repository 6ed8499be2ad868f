import * as ast from '../../generated/ast.js';
import { activityTargets, overlapsOrPrecedes, timeModelOf } from '../../model/time-model.js';
import type { Rule } from '../rule.js';
import { categoryOf, isCapability, isProvider } from '../common.js';

export const coverageOversightForCapability: Rule = {
    id: 'coverage/oversight-for-capability',
    severity: 'warning',
    description: 'Capability is built for a provider with no oversight objective overlapping or preceding it.',
    check({ model, report }) {
        const time = timeModelOf(model);
        const oversightSpans = model.objectives
            .filter(o => o.sector === 'oversight' || categoryOf(o.lead?.ref) === 'oversight')
            .map(o => time.objective(o));
        for (const objective of model.objectives) {
            const builds = objective.activities.some(a => isCapability(a) && activityTargets(a).some(isProvider));
            if (!builds) continue;
            const span = time.objective(objective);
            const covered = oversightSpans.some(o => o !== undefined && (span === undefined || overlapsOrPrecedes(o, span)));
            if (covered) continue;
            report({
                node: objective, property: ast.Objective.name,
                message: `Objective '${objective.name}' trains, equips or expands a security provider, but no oversight objective (sector oversight, or led by an oversight body) overlaps or precedes it. Operational support must be balanced with institutional reform and democratic oversight, or stronger forces become less accountable. Add or schedule an oversight objective.`,
            });
        }
    },
};
