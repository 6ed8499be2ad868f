/**
 * fiscal/instrument-restriction: an engine over restriction records (RULES.md), the built-in US
 * ones and those of `.ssrrc.json` `"restrictions"`, in `config.restrictions`. Once per (funding
 * line, supported objective) pair, at the highest severity among the restrictions it meets,
 * listing each with its reason; the finding carries the records (id, source) for hover and SARIF.
 * Each objective's activities and targets are indexed once, however many lines support it.
 */
import * as ast from '../../generated/ast.js';
import { describe } from '../../base/declarations.js';
import type { Severity } from '../../base/severity.js';
import type { Vocabulary } from '../../base/taxonomy.js';
import type { Restriction, RestrictionCondition } from '../../config/restrictions.js';
import { severityIn } from '../../config/restrictions.js';
import { activityTargets } from '../../model/time-model.js';
import type { FindingReason, Rule } from '../rule.js';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** What the conditions of a restriction read of an objective: its sector and, per activity, its type and the kinds and categories it targets. */
interface ObjectiveFacts {
    readonly sector?: string;
    readonly activities: readonly { readonly type?: string; readonly kinds: ReadonlySet<string>; readonly categories: ReadonlySet<string> }[];
}

function factsOf(objective: ast.Objective, vocabulary: Vocabulary): ObjectiveFacts {
    return {
        sector: objective.sector,
        activities: objective.activities.map(activity => {
            const targets = activityTargets(activity);
            const kinds = new Set(targets.map(t => t.kind).filter((k): k is string => k !== undefined));
            const categories = new Set([...kinds].map(k => vocabulary.category(k)).filter((c): c is NonNullable<typeof c> => c !== undefined));
            return { type: activity.type, kinds, categories };
        }),
    };
}

const oneOf = (values: readonly string[] | undefined, value: string | undefined) => values === undefined || (value !== undefined && values.includes(value));
const anyOf = (values: readonly string[] | undefined, set: ReadonlySet<string>) => values === undefined || values.some(v => set.has(v));

/** Whether an alternative of `when` holds for an objective: every field it gives matches. */
function matches(condition: RestrictionCondition, facts: ObjectiveFacts): boolean {
    if (!oneOf(condition.sector, facts.sector)) return false;
    const activity = condition.activity;
    if (!activity) return true;
    return facts.activities.some(a => oneOf(activity.type, a.type) && anyOf(activity.targetKind, a.kinds) && anyOf(activity.targetCategory, a.categories));
}

export const fiscalInstrumentRestriction: Rule = {
    id: 'fiscal/instrument-restriction',
    severity: 'error',
    description: 'A funding instrument supports an objective that one of its restrictions applies to (the built-in US legal authorities, or a restriction of the configuration).',
    check({ model, vocabulary, config, report }) {
        // Linear for a given configuration: each objective's activities are read once per restriction
        // (the answer is kept per objective and restriction), each (line, objective) pair costs R lookups.
        const byInstrument = new Map<string, Restriction[]>();
        for (const restriction of config.restrictions) {
            for (const instrument of restriction.instruments) {
                const list = byInstrument.get(instrument);
                if (list) list.push(restriction); else byInstrument.set(instrument, [restriction]);
            }
        }
        const context = model.strategy?.context;
        const facts = new Map<ast.Objective, ObjectiveFacts>();
        const answers = new Map<ast.Objective, Map<Restriction, boolean>>();
        for (const funding of model.fundings) {
            const restrictions = funding.instrument ? byInstrument.get(funding.instrument) : undefined;
            if (!restrictions) continue;
            const judged = new Set<ast.Objective>();
            for (const reference of funding.supports) {
                const objective = reference.ref;
                if (!objective || judged.has(objective)) continue;
                judged.add(objective);
                let known = facts.get(objective);
                if (!known) facts.set(objective, known = factsOf(objective, vocabulary));
                const objectiveFacts = known;
                let answered = answers.get(objective);
                if (!answered) answers.set(objective, answered = new Map<Restriction, boolean>());
                const applies = (r: Restriction) => {
                    let answer = answered.get(r);
                    if (answer === undefined) answered.set(r, answer = r.when.some(condition => matches(condition, objectiveFacts)));
                    return answer;
                };
                const met: FindingReason[] = restrictions
                    .filter(applies)
                    .map(r => ({ id: r.id, message: r.message, severity: severityIn(r, context), ...(r.source ? { source: r.source } : {}), ...(r.definedIn ? { definedIn: r.definedIn } : {}) }));
                if (met.length === 0) continue;
                const top = met.reduce((a, b) => RANK[b.severity] > RANK[a.severity] ? b : a).severity;
                const reasons = met.map(r => `${r.message} (${r.id})`).join('; ');
                report({
                    node: funding, property: ast.Funding.instrument, severity: top,
                    key: objective.name,
                    related: met,
                    message: `${capitalized(describe(funding))} (${funding.instrument}) supports ${describe(objective)}, which meets ${met.length === 1 ? 'a restriction' : `${met.length} restrictions`} on that instrument: ${reasons}. Use an instrument whose legal authority covers this purpose.`,
                });
            }
        }
    },
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
