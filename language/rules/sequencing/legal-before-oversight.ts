import { describe } from '../../base/declarations.js';
import * as ast from '../../generated/ast.js';
import { overlapsOrPrecedes } from '../../model/time-model.js';
import type { Span } from '../../base/values.js';
import type { Rule } from '../rule.js';

export const sequencingLegalBeforeOversight: Rule = {
    id: 'sequencing/legal-before-oversight',
    severity: 'info',
    description: 'An oversight activity has no legislation activity overlapping or preceding it.',
    check({ model, time, report }) {
        // A law overlaps or precedes an activity when it starts no later than the activity ends:
        // only the earliest-starting law matters, so the rule is linear in the number of activities.
        let earliest: Span | undefined;
        for (const activity of model.activities) {
            const span = activity.type === 'legislation' ? time.activity(activity) : undefined;
            if (span && (!earliest || span.start < earliest.start)) earliest = span;
        }
        for (const activity of model.activities) {
            if (activity.type !== 'oversight') continue;
            const span = time.activity(activity);
            if (earliest && (span === undefined || overlapsOrPrecedes(earliest, span))) continue;
            report({
                node: activity, property: ast.Activity.name,
                message: `Oversight ${describe(activity)} has no legislation activity overlapping or preceding it. Oversight bodies need a legal mandate first; consider a legislation activity that prepares the legal foundation.`,
            });
        }
    },
};
