import * as ast from '../../generated/ast.js';
import { activityTargets, objectiveOf, readyMonth } from '../../model/time-model.js';
import { formatMonth } from '../../base/values.js';
import { capitalize } from '../../base/format.js';
import { describe } from '../../base/declarations.js';
import type { Rule } from '../rule.js';
import { isProvider } from '../common.js';

/**
 * RULES.md: an objective with capability activities other than `infrastructure` targeting a
 * provider, in a strategy that names no adopted policy (`implements`), where no `policy` or
 * `legislation` activity of a `national-security-policy` objective ends before the earliest of
 * those activities starts (or there is none). Once per objective, at its name.
 *
 * The policy activity done first is found once; then each objective's activities are read once:
 * linear in activities and targets. An undated policy activity, or capability activities without
 * dates, cannot be placed in time and are given the benefit of the doubt once a policy activity
 * exists.
 */
export const sequencingPolicyBeforeCapability: Rule = {
    id: 'sequencing/policy-before-capability',
    severity: 'warning',
    description: 'Forces are trained, equipped or recruited before a national security policy says what they are for.',
    check({ model, time, vocabulary, report }) {
        if (model.strategy?.implements?.trim()) return; // the plan carries out a policy already adopted
        let policy: ast.Activity | undefined, policyReady = Infinity, anyPolicy = false, undatedPolicy = false;
        for (const activity of model.activities) {
            if ((activity.type !== 'policy' && activity.type !== 'legislation') || objectiveOf(activity)?.sector !== 'national-security-policy') continue;
            anyPolicy = true;
            const span = time.activity(activity);
            if (!span) { undatedPolicy = true; continue; }
            const ready = readyMonth(activity, span);
            if (ready < policyReady) { policyReady = ready; policy = activity; }
        }
        if (undatedPolicy) return;
        for (const objective of model.objectives) {
            let earliest: ast.Activity | undefined, earliestStart = Infinity, any = false;
            for (const activity of objective.activities) {
                if (!vocabulary.isCapability(activity.type) || activity.type === 'infrastructure') continue;
                if (!activityTargets(activity).some(t => isProvider(vocabulary, t))) continue;
                any = true;
                const span = time.activity(activity);
                if (span && span.start < earliestStart) { earliestStart = span.start; earliest = activity; }
            }
            if (!any || (anyPolicy && (!earliest || policyReady <= earliestStart))) continue;
            const what = earliest ? `${describe(earliest)} starts ${formatMonth(earliestStart)}` : 'its capability activities are scheduled';
            const because = policy
                ? `before ${describe(policy)} of the national security policy ${policy.rolling ? 'has started' : `is done (${formatMonth(policyReady - 1)})`}`
                : 'and no policy or legislation activity of a national-security-policy objective is scheduled';
            report({
                node: objective, property: ast.Objective.name,
                message: `${capitalize(describe(objective))} trains, equips or recruits a security provider (${what}) ${because}, and the strategy names no adopted policy it implements. Forces built before the state has said what they are for are built for no agreed purpose: the guidance advises that the government draft and publicly release a national security strategy. Schedule the policy's drafting and adoption so that it ends before ${earliest ? formatMonth(earliestStart) : 'capability is built'}, or write 'implements "<the adopted policy>"' in the strategy header.`,
            });
        }
    },
};
