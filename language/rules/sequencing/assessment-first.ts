import * as ast from '../../generated/ast.js';
import { formatMonth, type Month } from '../../base/values.js';
import { activityTargets, objectiveOf, readyMonth } from '../../model/time-model.js';
import { capitalize } from '../../base/format.js';
import { describe } from '../../base/declarations.js';
import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

/** The assessment that is done first among those of one key (sector, actor, or sector-wide). */
interface Earliest { activity?: ast.Activity; ready: Month; undated: boolean }

/**
 * RULES.md: no assessment at all (once, at the title); or a capability activity that starts
 * before the earliest-ending assessment covering it ends, or that no assessment covers. An
 * assessment covers an activity of the same sector, one that targets an actor it targets, and,
 * when it belongs to a national-security-policy objective, every activity (sector-wide).
 * The assessments are indexed once by sector and by target, so each capability activity looks up
 * its sector, its targets and the sector-wide entry: linear in activities and targets.
 */
export const sequencingAssessmentFirst: Rule = {
    id: 'sequencing/assessment-first',
    severity: 'warning',
    description: 'The strategy has no assessment, or capability is built before an assessment covering it is done.',
    check({ model, time, vocabulary, report }) {
        const bySector = new Map<string, Earliest>(), byActor = new Map<ast.Actor, Earliest>();
        const sectorWide: Earliest = { ready: Infinity, undated: false };
        let any = false;
        const note = (entry: Earliest, activity: ast.Activity) => {
            const span = time.activity(activity);
            if (!span) { entry.undated = true; return; }
            const ready = readyMonth(activity, span);
            if (ready < entry.ready) { entry.ready = ready; entry.activity = activity; }
        };
        const entryOf = <K>(map: Map<K, Earliest>, key: K) => {
            let entry = map.get(key);
            if (!entry) map.set(key, entry = { ready: Infinity, undated: false });
            return entry;
        };
        for (const activity of model.activities) {
            if (activity.type !== 'assessment') continue;
            any = true;
            const sector = objectiveOf(activity)?.sector;
            if (sector === 'national-security-policy') note(sectorWide, activity);
            if (sector) note(entryOf(bySector, sector), activity);
            for (const actor of new Set(activityTargets(activity))) note(entryOf(byActor, actor), activity);
        }
        if (!any) {
            const where = atStrategyTitle(model);
            if (where) {
                report({ ...where, message: "The strategy schedules no assessment activity. Reform must start from an assessment of the security sector's needs and capacities, or it builds on assumptions. Add an activity with 'type assessment' in the preparatory phase, in a national-security-policy objective to cover the whole sector." });
            }
            return;
        }
        for (const activity of model.activities) {
            if (!vocabulary.isCapability(activity.type)) continue;
            const sector = objectiveOf(activity)?.sector;
            const covering = [
                ...(sectorWide.activity || sectorWide.undated ? [sectorWide] : []),
                sector !== undefined ? bySector.get(sector) : undefined,
                ...activityTargets(activity).map(a => byActor.get(a)),
            ].filter((e): e is Earliest => e !== undefined);
            if (covering.length === 0) {
                report({
                    node: activity, property: ast.Activity.name,
                    message: `No assessment covers capability ${describe(activity)}: none belongs to an objective of its sector${sector ? ` (${sector})` : ''}, targets an actor it works on, or belongs to a national-security-policy objective (a sector-wide assessment). Train and equip only once an assessment has shown what is needed: add an assessment that covers it and ends before it starts.`,
                });
                continue;
            }
            const span = time.activity(activity);
            if (!span || covering.some(e => e.undated)) continue; // an undated assessment or activity cannot be judged in time
            let first: Earliest = covering[0];
            for (const entry of covering) if (entry.ready < first.ready) first = entry;
            if (span.start >= first.ready || !first.activity) continue;
            const done = first.activity.rolling ? `has started (${formatMonth(first.ready)})` : `ends (${formatMonth(first.ready - 1)})`;
            report({
                node: activity, property: ast.Activity.name,
                message: `${capitalize(describe(activity))} builds capability from ${formatMonth(span.start)}, before the assessment that covers it, ${describe(first.activity)}, ${done}. Train and equip only once the assessment has shown what is needed: start it in ${formatMonth(first.ready)} or later.`,
            });
        }
    },
};
