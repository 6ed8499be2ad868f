import { GrammarUtils } from 'langium';
import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';
import { categoryOf, isExternalActor } from '../common.js';

const NATIONAL_LEAD_CATEGORIES = ['management', 'provider', 'justice', 'oversight'];

export const ownershipExternalLead: Rule = {
    id: 'ownership/external-lead',
    severity: 'warning',
    description: "An objective's lead is an external actor (donor, international organisation, peace operation, contractor).",
    check({ model, report }) {
        for (const objective of model.objectives) {
            const lead = objective.lead?.ref;
            if (!lead || !isExternalActor(lead)) continue;
            const partners = objective.partners.map(p => p.ref).filter((a): a is ast.Actor => a !== undefined && !isExternalActor(a));
            const candidates = partners.length > 0 ? partners
                : model.allActors.filter(a => NATIONAL_LEAD_CATEGORIES.includes(categoryOf(a) ?? '')).slice(0, 3);
            const leadNode = GrammarUtils.findNodeForProperty(objective.$cstNode, ast.Objective.lead);
            report({
                node: objective, property: ast.Objective.lead,
                message: `Objective '${objective.name}' is led by '${lead.name}', an external actor. Reform that is not owned by national actors does not outlast the donor: the guidance asks that the host nation lead and external actors support. Make a national actor the lead and '${lead.name}' a partner.`,
                fix: leadNode ? {
                    edits: candidates.filter(c => c.name).map((candidate, i) => ({
                        title: `Make ${candidate.name} the lead`,
                        range: leadNode.range,
                        newText: candidate.name!,
                        preferred: i === 0,
                    })),
                } : undefined,
            });
        }
    },
};
