import * as ast from '../../generated/ast.js';
import { activityTargets } from '../../model/time-model.js';
import { formatMonth } from '../../base/values.js';
import type { Rule } from '../rule.js';
import { isProvider } from '../common.js';

export const sequencingVettingBeforeCapability: Rule = {
    id: 'sequencing/vetting-before-capability',
    severity: 'warning',
    description: 'A capability activity targets a provider that no vetting activity has vetted before it starts.',
    check({ model, time, vocabulary, report }) {
        const vettingEnds = new Map<ast.Actor, number[]>();
        for (const activity of model.activities) {
            if (activity.type !== 'vetting') continue;
            const end = time.activity(activity)?.end;
            if (end === undefined) continue;
            for (const actor of activityTargets(activity)) vettingEnds.set(actor, [...(vettingEnds.get(actor) ?? []), end]);
        }
        for (const activity of model.activities) {
            if (!vocabulary.isCapability(activity.type)) continue;
            const span = time.activity(activity);
            if (!span) continue;
            const unvetted = activityTargets(activity).filter(actor => isProvider(vocabulary, actor) && !(vettingEnds.get(actor) ?? []).some(end => end < span.start));
            if (unvetted.length === 0) continue;
            report({
                node: activity, property: ast.Activity.name,
                message: `Capability activity '${activity.name}' (from ${formatMonth(span.start)}) works on ${unvetted.map(a => `'${a.name}'`).join(', ')}, but no vetting of ${unvetted.length === 1 ? 'that actor' : 'those actors'} ends before it starts. Training or equipping units with unvetted members risks strengthening abusers (and US law bars assistance to units with gross human-rights violations). Add a vetting activity targeting ${unvetted.map(a => a.name).join(', ')} that ends earlier.`,
            });
        }
    },
};
