import { GrammarUtils } from 'langium';
import * as ast from '../../generated/ast.js';
import type { ActorCategory, Vocabulary } from '../../base/taxonomy.js';
import { leadsOf } from '../../model/time-model.js';
import { capitalize, listInWords } from '../../base/format.js';
import { describe, nameOf } from '../../base/declarations.js';
import type { FixData, Rule } from '../rule.js';
import { isExternalActor, isNationalActor } from '../common.js';

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

/**
 * RULES.md: every lead of an objective is external (a joint lead with a national actor is not
 * reported); once per objective, at its first lead. Quick fixes, one pair per national
 * candidate (each partner that is not external, in the order written, or else the strategy's most
 * suitable national actor): make it the lead, or lead jointly with it. Linear in objectives,
 * leads and partners; the strategy's national actors are gathered once, when first needed, and
 * the most suitable one chosen once per sector.
 */
export const ownershipExternalLead: Rule = {
    id: 'ownership/external-lead',
    severity: 'warning',
    description: 'Every lead of an objective is an external actor (donor, international organisation, peace operation, contractor).',
    check({ model, vocabulary, report }) {
        let national: ast.Actor[] | undefined;
        const nationalActors = () => national ??= model.allActors.filter(a => a.name && isNationalActor(vocabulary, a));
        // The best national lead depends only on the sector: chosen once per sector, not per objective.
        const bestBySector = new Map<string | undefined, ast.Actor | undefined>();
        const bestFor = (sector: string | undefined) => {
            if (!bestBySector.has(sector)) bestBySector.set(sector, suitableNationalLead(vocabulary, nationalActors(), sector));
            return bestBySector.get(sector);
        };
        for (const objective of model.objectives) {
            if (objective.leads.length === 0) continue;
            const leads = leadsOf(objective);
            // An unresolved lead is reported as such; whether it is national cannot be known.
            if (leads.length < objective.leads.length || !leads.every(l => isExternalActor(vocabulary, l))) continue;
            const partners = [...new Set(objective.partners.map(p => p.ref))]
                .filter((a): a is ast.Actor => a !== undefined && !leads.includes(a) && !!a.name && !isExternalActor(vocabulary, a));
            const fallback = partners.length === 0 ? bestFor(objective.sector) : undefined;
            const candidates = partners.length > 0 ? partners : fallback ? [fallback] : [];
            const fix = leadFixes(objective, candidates);
            const leadNames = listInWords(leads.map(nameOf));
            const who = leads.length === 1 ? `${leadNames}, an external actor` : `${leadNames}, all external actors`;
            const suggestion = candidates.length > 0
                ? `Make a national actor such as '${candidates[0].name}' the lead (the external ${leads.length === 1 ? 'actor' : 'actors'} can partner), or lead jointly with one.`
                : `Declare the national institution that owns this reform and make it the lead, or a joint lead.`;
            report({
                node: objective, property: ast.Objective.leads, index: 0,
                message: `${capitalize(describe(objective))} is led by ${who}. Reform that is not owned by national actors does not outlast the donor: the guidance asks that the host nation lead and external actors support. ${suggestion}`,
                fix,
            });
        }
    },
};

/**
 * Per candidate, two edits of the `lead` clause: replace its names with the candidate (when the
 * leads are written in one clause), and append the candidate as a joint lead.
 */
function leadFixes(objective: ast.Objective, candidates: readonly ast.Actor[]): FixData | undefined {
    const nodes = GrammarUtils.findNodesForProperty(objective.$cstNode, ast.Objective.leads);
    if (nodes.length === 0 || candidates.length === 0) return undefined;
    const first = nodes[0], last = nodes[nodes.length - 1];
    const text = objective.$cstNode?.root.fullText ?? '';
    const oneClause = /^[\w\s,]*$/.test(text.slice(first.offset, last.end));
    const edits: NonNullable<FixData['edits']> = [];
    candidates.forEach((candidate, i) => {
        if (oneClause) edits.push({ title: `Make ${candidate.name} the lead`, range: { start: first.range.start, end: last.range.end }, newText: candidate.name ?? '', preferred: i === 0 });
        edits.push({ title: `Lead jointly with ${candidate.name}`, range: { start: last.range.end, end: last.range.end }, newText: `, ${candidate.name}` });
    });
    return { edits };
}
