import * as ast from '../../generated/ast.js';
import { activityTargets, overlapsOrPrecedes } from '../../model/time-model.js';
import type { Span } from '../../base/values.js';
import type { Rule } from '../rule.js';
import { categoryOf, isCapability, isProvider } from '../common.js';

/** An objective in sector `oversight`, or led by an actor of the oversight category. */
const isOversightObjective = (objective: ast.Objective): boolean =>
    objective.sector === 'oversight' || categoryOf(objective.lead?.ref) === 'oversight';

/** Capability activities (training, equipment, infrastructure, recruitment) aimed at a provider: `targets`, or else the objective's lead. */
const buildsProviderCapability = (objective: ast.Objective): boolean =>
    objective.activities.some(a => isCapability(a) && activityTargets(a).some(isProvider));

export const coverageOversightForCapability: Rule = {
    id: 'coverage/oversight-for-capability',
    severity: 'warning',
    description: 'Capability is built for a security provider, and no oversight objective overlaps or precedes it.',
    check({ model, time, report }) {
        const oversight = model.objectives.filter(isOversightObjective).map(o => time.objective(o));
        // An undated objective (no phase, no dated activity) cannot be placed in time: it is given the benefit of the doubt.
        const covers = (oversightSpan: Span | undefined, span: Span | undefined) =>
            oversightSpan === undefined || span === undefined || overlapsOrPrecedes(oversightSpan, span);
        for (const objective of model.objectives) {
            if (!buildsProviderCapability(objective)) continue;
            const span = time.objective(objective);
            if (oversight.some(o => covers(o, span))) continue;
            const name = objective.name ?? 'this objective';
            report({
                node: objective, property: ast.Objective.name,
                message: `Objective '${name}' trains, equips or expands a security provider, but no oversight objective (sector oversight, or led by an oversight body) overlaps or precedes it. Operational support must be balanced with institutional reform and democratic oversight, or stronger forces become less accountable. Add or schedule an oversight objective.`,
            });
        }
    },
};
