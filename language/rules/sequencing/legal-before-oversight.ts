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
        const laws = model.activities.filter(a => a.type === 'legislation').map(a => time.activity(a)).filter((s): s is Span => s !== undefined);
        for (const activity of model.activities) {
            if (activity.type !== 'oversight') continue;
            const span = time.activity(activity);
            if (laws.some(l => span === undefined || overlapsOrPrecedes(l, span))) continue;
            report({
                node: activity, property: ast.Activity.name,
                message: `Oversight ${describe(activity)} has no legislation activity overlapping or preceding it. Oversight bodies need a legal mandate first; consider a legislation activity that prepares the legal foundation.`,
            });
        }
    },
};
