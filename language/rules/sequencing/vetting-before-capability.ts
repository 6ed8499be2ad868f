import * as ast from '../../generated/ast.js';
import { activityTargets, readyMonth } from '../../model/time-model.js';
import { formatMonth, type Month } from '../../base/values.js';
import { capitalize, listInWords } from '../../base/format.js';
import { describe, nameOf } from '../../base/declarations.js';
import type { Rule } from '../rule.js';
import { isProvider } from '../common.js';

/** What the vettings of one actor allow: the first month capability may start, and the first month a vetting starts. */
interface Vetted { ready: Month; firstStart: Month; undated: boolean }

/**
 * RULES.md: a capability activity other than `infrastructure` (buildings are not assistance to
 * people) that targets a provider for which no vetting targeting it is done when it starts: one
 * that ends before it starts, or a `rolling` one that started in or before that month. For a
 * `recruitment` activity, a vetting of the actor that starts before the recruitment ends
 * suffices (screening recruits is part of recruiting). The vettings are indexed once per actor:
 * linear in activities and targets. An undated vetting cannot be placed in time and is given the
 * benefit of the doubt; an undated capability activity is not judged.
 */
export const sequencingVettingBeforeCapability: Rule = {
    id: 'sequencing/vetting-before-capability',
    severity: 'warning',
    description: 'Training, equipment or recruitment for a provider that no vetting has screened before it starts.',
    check({ model, time, vocabulary, report }) {
        const vetted = new Map<ast.Actor, Vetted>();
        for (const activity of model.activities) {
            if (activity.type !== 'vetting') continue;
            const span = time.activity(activity);
            for (const actor of new Set(activityTargets(activity))) {
                let entry = vetted.get(actor);
                if (!entry) vetted.set(actor, entry = { ready: Infinity, firstStart: Infinity, undated: false });
                if (!span) { entry.undated = true; continue; }
                entry.ready = Math.min(entry.ready, readyMonth(activity, span));
                entry.firstStart = Math.min(entry.firstStart, span.start);
            }
        }
        for (const activity of model.activities) {
            if (!vocabulary.isCapability(activity.type) || activity.type === 'infrastructure') continue;
            const span = time.activity(activity);
            if (!span) continue;
            const recruitment = activity.type === 'recruitment';
            const unvetted = [...new Set(activityTargets(activity))].filter(actor => {
                if (!isProvider(vocabulary, actor)) return false;
                const entry = vetted.get(actor);
                if (!entry) return true;
                return !(entry.undated || entry.ready <= span.start || (recruitment && entry.firstStart <= span.end));
            });
            if (unvetted.length === 0) continue;
            const names = listInWords(unvetted.map(nameOf));
            const requirement = recruitment
                ? `no vetting of ${unvetted.length === 1 ? 'that actor' : 'those actors'} starts before the recruitment ends (${formatMonth(span.end)})`
                : `no vetting of ${unvetted.length === 1 ? 'that actor' : 'those actors'} ends before it starts, and no rolling (intake-by-intake) vetting has started by then`;
            report({
                node: activity, property: ast.Activity.name,
                message: `${capitalize(describe(activity))} (from ${formatMonth(span.start)}) works on ${names}, but ${requirement}. Training, equipping or recruiting people who were never screened risks strengthening abusers (and US law bars assistance to units with gross human-rights violations). Add a vetting activity targeting ${names} that ends before it starts, or a rolling one that starts with it.`,
            });
        }
    },
};
