import * as ast from '../../generated/ast.js';
import type { StrategyModel } from '../../model/strategy-model.js';
import type { Rule } from '../rule.js';

const cache = new WeakMap<StrategyModel, Set<ast.Actor>>();

/**
 * The actors this file's objectives (lead, partners), activities (targets) and funding lines
 * (from) refer to, collected once per check. References made inside imported libraries do not
 * count: a library holds only actors, and an actor that only a library mentions is unused here.
 */
export function referencedActors(model: StrategyModel): Set<ast.Actor> {
    let used = cache.get(model);
    if (!used) {
        used = new Set();
        const add = (reference: { ref?: ast.Actor } | undefined) => { if (reference?.ref) used!.add(reference.ref); };
        for (const objective of model.objectives) {
            add(objective.lead);
            objective.partners.forEach(add);
        }
        for (const activity of model.activities) activity.targets.forEach(add);
        for (const funding of model.fundings) add(funding.source);
        cache.set(model, used);
    }
    return used;
}

export const coverageUnusedActor: Rule = {
    id: 'coverage/unused-actor',
    severity: 'hint',
    description: 'Nothing refers to an actor declared in the file.',
    check({ model, report }) {
        const used = referencedActors(model);
        for (const actor of model.actors) {
            if (!actor.name || used.has(actor)) continue;
            report({
                node: actor, property: ast.Actor.name,
                message: `Nothing refers to actor '${actor.name}': no objective leads or partners with it, no activity targets it and no funding line comes from it. Give it a role in the plan, or remove it if it is a leftover.`,
            });
        }
    },
};
