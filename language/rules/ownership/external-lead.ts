import { GrammarUtils } from 'langium';
import * as ast from '../../generated/ast.js';
import type { ActorCategory } from '../../base/taxonomy.js';
import type { FixData, Rule } from '../rule.js';
import type { Vocabulary } from '../../base/taxonomy.js';
import { isExternalActor } from '../common.js';

/**
 * Who can lead an objective of each sector when no national partner is named: the actor kinds
 * (or, for oversight and civil society, the category) that own that part of the sector.
 */
const SECTOR_LEADS: Record<string, { kinds?: string[]; category?: ActorCategory }> = {
    'defence': { kinds: ['defence-ministry', 'armed-forces'] },
    'policing': { kinds: ['interior-ministry', 'police', 'gendarmerie'] },
    'justice': { kinds: ['justice-ministry', 'judiciary', 'prosecution', 'legal-aid'] },
    'corrections': { kinds: ['justice-ministry', 'corrections'] },
    'intelligence': { kinds: ['national-security-council', 'executive', 'intelligence'] },
    'border-management': { kinds: ['interior-ministry', 'border-guard', 'coast-guard', 'customs'] },
    'oversight': { category: 'oversight' },
    'civil-society': { category: 'civil-society' },
    'public-finance': { kinds: ['finance-ministry'] },
    'ddr': { kinds: ['executive', 'national-security-council', 'defence-ministry'] },
    'national-security-policy': { kinds: ['national-security-council', 'executive'] },
    'transitional-justice': { kinds: ['justice-ministry', 'judiciary', 'prosecution', 'human-rights-commission'] },
    'non-state-security': { kinds: ['interior-ministry', 'local-government'] },
};
/** Executive management bodies can lead any objective; the coordinating ones first. */
const MANAGEMENT_ORDER = ['national-security-council', 'executive'];
/** Categories of state and civil actors that may lead a reform objective (not external, not non-state providers). */
const LEADING_CATEGORIES: ReadonlySet<string> = new Set(['management', 'provider', 'justice', 'oversight', 'civil-society']);

/** A national actor: its category is known and not external, and it does not work at regional or international level. */
const isNationalActor = (vocabulary: Vocabulary, actor: ast.Actor): boolean => {
    const category = vocabulary.category(actor.kind);
    return category !== undefined && category !== 'external' && actor.jurisdiction !== 'international' && actor.jurisdiction !== 'regional';
};

/**
 * The best national actor of a suitable category to lead an objective of `sector`: the sector's
 * own kinds (in their order), then a management body, then any other state or civil actor.
 */
function suitableNationalLead(vocabulary: Vocabulary, national: readonly ast.Actor[], sector: string | undefined): ast.Actor | undefined {
    const own = sector ? SECTOR_LEADS[sector] : undefined;
    const rank = (actor: ast.Actor): number => {
        const kind = actor.kind ?? '', category = vocabulary.category(actor.kind) ?? '';
        if (own?.kinds?.includes(kind)) return own.kinds.indexOf(kind);
        if (own?.category === category) return 0;
        if (category === 'management') return 100 + (MANAGEMENT_ORDER.includes(kind) ? MANAGEMENT_ORDER.indexOf(kind) : MANAGEMENT_ORDER.length);
        if (LEADING_CATEGORIES.has(category)) return 200;
        return Infinity;
    };
    let best: ast.Actor | undefined, bestRank = Infinity;
    for (const actor of national) {
        const r = rank(actor);
        if (r < bestRank) { best = actor; bestRank = r; }
    }
    return best;
}

export const ownershipExternalLead: Rule = {
    id: 'ownership/external-lead',
    severity: 'warning',
    description: "An objective's lead is an external actor (donor, international organisation, peace operation, contractor).",
    check({ model, vocabulary, report }) {
        let national: ast.Actor[] | undefined; // the strategy's national actors, gathered once when first needed
        const nationalActors = () => national ??= model.allActors.filter(a => a.name && isNationalActor(vocabulary, a));
        for (const objective of model.objectives) {
            const lead = objective.lead?.ref;
            if (!lead || !isExternalActor(vocabulary, lead)) continue;
            // Quick fix: each partner that is not external, one edit each; if there is none, the most
            // suitable national actor of the strategy; if nothing national exists, nothing.
            const partners = [...new Set(objective.partners.map(p => p.ref))]
                .filter((a): a is ast.Actor => a !== undefined && a !== lead && !!a.name && !isExternalActor(vocabulary, a));
            const fallback = partners.length === 0 ? suitableNationalLead(vocabulary, nationalActors(), objective.sector) : undefined;
            const candidates = partners.length > 0 ? partners : fallback ? [fallback] : [];
            const leadNode = GrammarUtils.findNodeForProperty(objective.$cstNode, ast.Objective.lead);
            const fix: FixData | undefined = leadNode && candidates.length > 0 ? {
                edits: candidates.map((candidate, i) => ({
                    title: `Make ${candidate.name} the lead`,
                    range: leadNode.range,
                    newText: candidate.name,
                    preferred: i === 0,
                })),
            } : undefined;
            const suggestion = candidates.length > 0
                ? `Make a national actor the lead and '${lead.name}' a partner.`
                : `Declare the national institution that owns this reform, make it the lead and '${lead.name}' a partner.`;
            report({
                node: objective, property: ast.Objective.lead,
                message: `Objective '${objective.name}' is led by '${lead.name}', an external actor. Reform that is not owned by national actors does not outlast the donor: the guidance asks that the host nation lead and external actors support. ${suggestion}`,
                fix,
            });
        }
    },
};
