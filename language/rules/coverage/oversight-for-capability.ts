import * as ast from '../../generated/ast.js';
import { activityTargets, overlapsOrPrecedes } from '../../model/time-model.js';
import type { Span } from '../../base/values.js';
import type { Rule } from '../rule.js';
import type { Vocabulary } from '../../base/taxonomy.js';
import { isOfCategory, isProvider } from '../common.js';

/** An objective in sector `oversight`, or led by an actor of the oversight category. */
const isOversightObjective = (vocabulary: Vocabulary, objective: ast.Objective): boolean =>
    objective.sector === 'oversight' || isOfCategory(vocabulary, objective.lead?.ref, 'oversight');

/** Capability activities (training, equipment, infrastructure, recruitment) aimed at a provider: `targets`, or else the objective's lead. */
const buildsProviderCapability = (vocabulary: Vocabulary, objective: ast.Objective): boolean =>
    objective.activities.some(a => vocabulary.isCapability(a.type) && activityTargets(a).some(t => isProvider(vocabulary, t)));

export const coverageOversightForCapability: Rule = {
    id: 'coverage/oversight-for-capability',
    severity: 'warning',
    description: 'Capability is built for a security provider, and no oversight objective overlaps or precedes it.',
    check({ model, time, vocabulary, report }) {
        const oversight = model.objectives.filter(o => isOversightObjective(vocabulary, o)).map(o => time.objective(o));
        // An undated objective (no phase, no dated activity) cannot be placed in time: it is given the benefit of the doubt.
        const covers = (oversightSpan: Span | undefined, span: Span | undefined) =>
            oversightSpan === undefined || span === undefined || overlapsOrPrecedes(oversightSpan, span);
        for (const objective of model.objectives) {
            if (!buildsProviderCapability(vocabulary, objective)) continue;
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
