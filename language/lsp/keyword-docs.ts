/**
 * What the keywords whose meaning is not obvious from their name mean for the rules: shown on
 * hover over the keyword and as the documentation of its completion item.
 */
import { GrammarAST, type CstNode } from 'langium';

const KEYWORD_DOCS: Readonly<Record<string, string>> = {
    implements: '**implements** — the adopted national security policy or strategy this plan carries out.\n\n'
        + 'With it, `sequencing/policy-before-capability` does not ask the plan to schedule a policy of its own before forces are trained, equipped or recruited. '
        + 'Without it, a `policy` or `legislation` activity of a `national-security-policy` objective must end before the first such activity starts.',
    rolling: '**rolling** — the activity is done intake by intake across its whole span (recruits are vetted, then trained, in successive cohorts).\n\n'
        + 'For sequencing, a rolling activity has done its work for anything that starts once it has started: a rolling vetting that has started by the month a training starts '
        + 'counts as vetting for it (`sequencing/vetting-before-capability`), and something `after` a rolling activity may start in the month it starts.',
    by: '**by** — who carries the activity out (a contractor, a donor\'s agency, a peace operation), when not the objective\'s lead(s).\n\n'
        + 'An activity carried out by a `contractor` needs an `oversight` or `monitoring` activity by a national actor that targets the contractor (`ownership/contractor-oversight`).',
    lead: '**lead** — the actor accountable for the objective; several for a joint lead (`lead UNMIL, LNP`), and every rule that asks who leads considers each of them.\n\n'
        + 'An objective whose leads are all external is reported (`ownership/external-lead`); an activity without `targets` targets every lead.',
    revenue: '**revenue** — domestic government revenue: one year with `growing <rate> per year`, or a series of years (`revenue 80M in 2005, 207M in 2008, 364M in 2012`).\n\n'
        + 'Between two given years revenue grows at the constant yearly rate that joins them; outside the series it follows `growing`, or stays at the nearest given value. Each year is rounded to the cent.',
};

/**
 * The documentation of a grammar keyword, when it starts its field: `by` in `disaggregated by`
 * and `revenue` in `ceiling 10% of revenue` are the same words in another sense.
 */
export function keywordDoc(keyword: GrammarAST.Keyword): string | undefined {
    const container: unknown = keyword.$container; // the generated type omits groups, which is where keywords mostly are
    if (GrammarAST.isGroup(container) && container.elements.indexOf(keyword) > 0) return undefined;
    return Object.hasOwn(KEYWORD_DOCS, keyword.value) ? KEYWORD_DOCS[keyword.value] : undefined;
}

/** The documentation of the keyword a leaf of the document is, if it has one. */
export const keywordDocAt = (leaf: CstNode): string | undefined =>
    GrammarAST.isKeyword(leaf.grammarSource) ? keywordDoc(leaf.grammarSource) : undefined;
