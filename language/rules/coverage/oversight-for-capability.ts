import * as ast from '../../generated/ast.js';
import { activityTargets, leadsOf } from '../../model/time-model.js';
import { formatMonth } from '../../base/values.js';
import { capitalize } from '../../base/format.js';
import { describe } from '../../base/declarations.js';
import type { Rule } from '../rule.js';
import type { Vocabulary } from '../../base/taxonomy.js';
import { isOfCategory, isProvider } from '../common.js';

/** An objective in sector `oversight`, or with an oversight body among its leads. */
const isOversightObjective = (vocabulary: Vocabulary, objective: ast.Objective): boolean =>
    objective.sector === 'oversight' || leadsOf(objective).some(l => isOfCategory(vocabulary, l, 'oversight'));

/**
 * RULES.md: an objective with capability activities targeting a provider, and no oversight
 * objective that has started in or before the month the earliest of them starts. The earliest
 * oversight start is computed once, so the rule is linear in the number of objectives and
 * activities. An undated oversight objective (no phase, no dated activity) cannot be placed in
 * time and is given the benefit of the doubt; so is an objective whose capability activities
 * have no dates, once some oversight objective exists.
 */
export const coverageOversightForCapability: Rule = {
    id: 'coverage/oversight-for-capability',
    severity: 'warning',
    description: 'Capability is built for a security provider before any oversight objective has started.',
    check({ model, time, vocabulary, report }) {
        let anyOversight = false, undatedOversight = false, firstOversight: ast.Objective | undefined, firstStart = Infinity;
        for (const objective of model.objectives) {
            if (!isOversightObjective(vocabulary, objective)) continue;
            anyOversight = true;
            const span = time.objective(objective);
            if (!span) undatedOversight = true;
            else if (span.start < firstStart) { firstStart = span.start; firstOversight = objective; }
        }
        if (undatedOversight) return;
        for (const objective of model.objectives) {
            let earliest: ast.Activity | undefined, earliestStart = Infinity, hasCapability = false;
            for (const activity of objective.activities) {
                if (!vocabulary.isCapability(activity.type) || !activityTargets(activity).some(t => isProvider(vocabulary, t))) continue;
                hasCapability = true;
                const span = time.activity(activity);
                if (span && span.start < earliestStart) { earliestStart = span.start; earliest = activity; }
            }
            if (!hasCapability) continue;
            if (anyOversight && (!earliest || firstStart <= earliestStart)) continue;
            const what = earliest ? `${describe(earliest)} starts ${formatMonth(earliestStart)}` : 'its capability activities are scheduled';
            const oversight = firstOversight
                ? `the first oversight objective, ${describe(firstOversight)}, starts only ${formatMonth(firstStart)}`
                : 'no objective is in sector oversight or led by an oversight body';
            report({
                node: objective, property: ast.Objective.name,
                message: `${capitalize(describe(objective))} trains, equips or expands a security provider (${what}), but ${oversight}. Operational support must be balanced with institutional reform and democratic oversight, or stronger forces become less accountable: an oversight body set up years later does not balance them. Schedule an oversight objective that starts by ${earliest ? formatMonth(earliestStart) : 'the time capability is built'}.`,
            });
        }
    },
};
