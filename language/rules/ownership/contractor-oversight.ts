import * as ast from '../../generated/ast.js';
import { activityTargets, implementersOf, leadsOf, objectiveOf, type TimeModel } from '../../model/time-model.js';
import type { StrategyModel } from '../../model/strategy-model.js';
import type { Vocabulary } from '../../base/taxonomy.js';
import { formatMonth, type Month } from '../../base/values.js';
import { capitalize } from '../../base/format.js';
import { describe, nameOf } from '../../base/declarations.js';
import type { FixData, Rule } from '../rule.js';
import { isNationalActor, isOfCategory } from '../common.js';

const WATCHING = new Set(['oversight', 'monitoring']);

/** Not external: its category is known and is not `external` (RULES.md: "a national actor … is not external"). */
const isNotExternal = (vocabulary: Vocabulary, actor: ast.Actor): boolean => {
    const category = vocabulary.category(actor.kind);
    return category !== undefined && category !== 'external';
};

/**
 * RULES.md: an activity carried out `by` an actor of kind `contractor`, and no `oversight` or
 * `monitoring` activity targeting that contractor and carried out by a national actor (its `by`,
 * or else one of its objective's leads, is not external) starts before the activity ends. Once
 * per activity, at `by`. A donor's own audit of its contractor does not count.
 *
 * The watching activities are indexed once by the contractor they target (their earliest start):
 * linear in activities and targets. An undated watching activity, or an undated contracted one,
 * cannot be placed in time and is given the benefit of the doubt.
 */
export const ownershipContractorOversight: Rule = {
    id: 'ownership/contractor-oversight',
    severity: 'warning',
    description: 'A contractor carries out an activity that no national oversight or monitoring activity watches.',
    check({ model, time, vocabulary, report }) {
        const watched = new Map<ast.Actor, { start: Month; undated: boolean }>();
        for (const activity of model.activities) {
            if (!activity.type || !WATCHING.has(activity.type)) continue;
            if (!implementersOf(activity).some(a => isNotExternal(vocabulary, a))) continue; // a donor's own audit does not count
            const span = time.activity(activity);
            for (const target of new Set(activityTargets(activity))) {
                const entry = watched.get(target) ?? { start: Infinity, undated: false };
                if (span) entry.start = Math.min(entry.start, span.start); else entry.undated = true;
                watched.set(target, entry);
            }
        }
        // What the quick fix needs from the whole strategy, gathered once, when first needed.
        let fixContext: FixContext | undefined;
        const context = () => fixContext ??= fixContextOf(model, vocabulary);
        for (const activity of model.activities) {
            const contractor = activity.by?.ref;
            if (!contractor || contractor.kind !== 'contractor') continue;
            const span = time.activity(activity);
            const entry = watched.get(contractor);
            if (entry && (entry.undated || !span || entry.start <= span.end)) continue;
            const late = entry && Number.isFinite(entry.start) ? `; the first one starts only ${formatMonth(entry.start)}` : '';
            report({
                node: activity, property: ast.Activity.by,
                message: `${capitalize(describe(activity))} is carried out by contractor ${nameOf(contractor)}, and no oversight or monitoring activity carried out by a national actor targets ${nameOf(contractor)} before it ends${span ? ` (${formatMonth(span.end)})` : ''}${late}. Nobody answerable to the state watches the contract: the guidance warns of a conspicuous lack of oversight and accountability for private sector actors, and a donor's own audit of its contractor does not count. Add an oversight activity targeting ${nameOf(contractor)}, carried out by a national body, that starts before the contract ends.`,
                fix: oversightFix(context(), time, vocabulary, activity, contractor),
            });
        }
    },
};

/** The strategy's activity names and its first national oversight body, management body and national actor. */
interface FixContext { activityNames: ReadonlySet<string | undefined>; overseer?: ast.Actor; management?: ast.Actor; national?: ast.Actor }

function fixContextOf(model: StrategyModel, vocabulary: Vocabulary): FixContext {
    const context: FixContext = { activityNames: new Set(model.activities.map(a => a.name)) };
    for (const actor of model.allActors) {
        if (!actor.name || !isNationalActor(vocabulary, actor)) continue;
        context.national ??= actor;
        if (isOfCategory(vocabulary, actor, 'oversight')) context.overseer ??= actor;
        if (isOfCategory(vocabulary, actor, 'management')) context.management ??= actor;
    }
    return context;
}

/**
 * Quick fix: an `oversight` activity targeting the contractor, inserted after the contracted
 * activity and over its span, carried out by a national oversight body (or, when there is none,
 * by the objective's national lead, else a national management body). None when nothing national
 * could carry it out.
 */
function oversightFix(context: FixContext, time: TimeModel, vocabulary: Vocabulary, activity: ast.Activity, contractor: ast.Actor): FixData | undefined {
    const cst = activity.$cstNode;
    if (!cst || !contractor.name) return undefined;
    const nationalLead = leadsOf(objectiveOf(activity)).some(l => isNotExternal(vocabulary, l));
    const by = context.overseer ?? (nationalLead ? undefined : context.management ?? context.national);
    if (!by && !nationalLead) return undefined;
    let name = `${contractor.name}Oversight`;
    for (let i = 2; context.activityNames.has(name); i++) name = `${contractor.name}Oversight${i}`;
    const indent = ' '.repeat(cst.range.start.character);
    const span = time.activity(activity);
    const lines = [
        `activity ${name} "Oversight of the ${contractor.name} contract" {`,
        '    type oversight',
        `    targets ${contractor.name}`,
        ...(by ? [`    by ${by.name}`] : []),
        ...(span ? [`    from ${formatMonth(span.start)} to ${formatMonth(span.end)}`] : []),
        '}',
    ];
    return {
        edits: [{
            title: `Add an oversight activity targeting ${contractor.name}${by ? `, by ${by.name}` : ''}`,
            range: { start: cst.range.end, end: cst.range.end },
            newText: lines.map(l => `\n${indent}${l}`).join('').replace(/^/, '\n'),
            preferred: true,
        }],
    };
}
