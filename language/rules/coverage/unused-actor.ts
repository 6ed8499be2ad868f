import type { AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import type { StrategyModel } from '../../model/strategy-model.js';
import type { Rule } from '../rule.js';

const referenced = new WeakMap<StrategyModel, Set<AstNode>>();

/** Everything the document's references point at, collected once per check. */
export function referencedNodes(model: StrategyModel): Set<AstNode> {
    let set = referenced.get(model);
    if (!set) {
        set = new Set();
        for (const reference of model.document.references) {
            const target = 'ref' in reference ? reference.ref : undefined;
            if (target) set.add(target);
        }
        referenced.set(model, set);
    }
    return set;
}

export const coverageUnusedActor: Rule = {
    id: 'coverage/unused-actor',
    severity: 'hint',
    description: 'Nothing refers to an actor.',
    check({ model, report }) {
        const used = referencedNodes(model);
        for (const actor of model.actors) {
            if (used.has(actor) || !actor.name) continue;
            report({ node: actor, property: ast.Actor.name, message: `Nothing refers to actor '${actor.name}': no objective, activity or funding line names it.` });
        }
    },
};
