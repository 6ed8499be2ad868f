import * as ast from '../../generated/ast.js';
import type { LangiumDocument } from 'langium';
import type { Rule } from '../rule.js';

/**
 * The actors this file refers to, by any reference (lead, partners, targets, from, by…). References
 * made inside imported libraries do not count: a library holds only actors, and an actor that only
 * a library mentions is unused here. Linear in the number of references.
 */
function referencedActors(document: LangiumDocument): Set<ast.Actor> {
    const used = new Set<ast.Actor>();
    for (const reference of document.references) {
        const target = 'ref' in reference ? reference.ref : undefined;
        if (ast.isActor(target)) used.add(target);
    }
    return used;
}

export const coverageUnusedActor: Rule = {
    id: 'coverage/unused-actor',
    severity: 'hint',
    description: 'Nothing refers to an actor declared in the file.',
    check({ document, model, report }) {
        const used = referencedActors(document);
        for (const actor of model.actors) {
            if (!actor.name || used.has(actor)) continue;
            report({
                node: actor, property: ast.Actor.name,
                message: `Nothing refers to actor '${actor.name}': no objective leads or partners with it, no activity targets it and no funding line comes from it. Give it a role in the plan, or remove it if it is a leftover.`,
            });
        }
    },
};
