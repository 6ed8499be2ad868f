import * as ast from '../../generated/ast.js';
import { formatMonth } from '../../base/values.js';
import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

export const sequencingAssessmentFirst: Rule = {
    id: 'sequencing/assessment-first',
    severity: 'warning',
    description: 'The strategy has no assessment, or capability is built before the first assessment ends.',
    check({ model, time, vocabulary, report }) {
        const assessments = model.activities.filter(a => a.type === 'assessment');
        if (assessments.length === 0) {
            const where = atStrategyTitle(model);
            if (where) {
                report({ ...where, message: "The strategy schedules no assessment activity. Reform must start from an assessment of the security sector's needs and capacities, or it builds on assumptions. Add an activity with 'type assessment' in the preparatory phase." });
            }
            return;
        }
        const ends = assessments.map(a => time.activity(a)?.end).filter((e): e is number => e !== undefined);
        if (ends.length === 0) return;
        const earliestEnd = Math.min(...ends);
        for (const activity of model.activities) {
            if (!vocabulary.isCapability(activity.type)) continue;
            const span = time.activity(activity);
            if (!span || span.start > earliestEnd) continue;
            report({
                node: activity, property: ast.Activity.name,
                message: `Capability activity '${activity.name}' starts ${formatMonth(span.start)}, before the first assessment ends (${formatMonth(earliestEnd)}). Train and equip only once the assessment has shown what is needed: start it after ${formatMonth(earliestEnd)}.`,
            });
        }
    },
};
