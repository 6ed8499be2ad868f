/**
 * The taxonomies of the SSR strategy language (LANGUAGE.md section 6 and the small lists of section 4).
 *
 * Terms are data, not keywords: the checker validates them, completion offers them and hover shows
 * their definitions. Definitions are one line each, written in plain words and drawn from the public
 * SSR guidance the language is based on (State/DoD/USAID 2009 SSR paper, CIGI SSR overview paper,
 * the 2013 US policy on security sector assistance, the USAID security sector governance fact sheet
 * and the DCAF SSR Backgrounder).
 */

export type TaxonomyName = 'context' | 'approach' | 'jurisdiction' | 'stage' | 'actorKind' | 'sector' | 'dimension'
    | 'level' | 'activityType' | 'theme' | 'benchmarkType' | 'source' | 'instrument';

export const ACTOR_CATEGORIES = ['provider', 'justice', 'management', 'oversight', 'civil-society', 'non-state', 'external'] as const;

/** The category of an actor kind (LANGUAGE.md 6.2): what the rules reason about. */
export type ActorCategory = typeof ACTOR_CATEGORIES[number];

export interface TermInfo {
    /** The term as written, e.g. `post-conflict`. */
    readonly id: string;
    /** One line, plain words. */
    readonly definition: string;
    /** actorKind only: the category the kind belongs to. */
    readonly category?: ActorCategory;
    /** activityType only: true for capability activities (training, equipment, infrastructure, recruitment). */
    readonly capability?: boolean;
    /** instrument only: true for external instruments, false for national-budget. */
    readonly external?: boolean;
    /** benchmark source only: true when it measures what people perceive (monitoring/no-perception). */
    readonly perception?: boolean;
    /** Where a term added by configuration was defined (a config file's URI); undefined for built-in terms. */
    readonly definedIn?: string;
}

interface Taxonomy {
    readonly name: TaxonomyName;
    /** How the taxonomy is named in messages, e.g. 'actor kind'. */
    readonly label: string;
    readonly terms: readonly TermInfo[];
}

// ---------------------------------------------------------------------------------------------
// 6.1 context
// ---------------------------------------------------------------------------------------------

const CONTEXT: readonly TermInfo[] = [
    { id: 'post-conflict', definition: 'A country emerging from armed conflict, where reform is usually anchored in a peace agreement and runs alongside DDR and reconstruction.' },
    { id: 'post-authoritarian', definition: 'A country leaving authoritarian rule, whose security sector tends to be militarized and needs civilian, democratic control.' },
    { id: 'fragile', definition: 'A state with weak institutions and little capacity to provide security and justice, where reforms must be carefully sequenced.' },
    { id: 'transition', definition: 'A country in political transition, for example towards democracy, where reform helps consolidate the new political order.' },
    { id: 'developing', definition: 'A stable developing country where security reform supports national development plans and public financial management reform.' },
    { id: 'consolidated', definition: 'A country with established democratic institutions that keeps adjusting how its security sector is governed as needs change.' },
];

// ---------------------------------------------------------------------------------------------
// section 4: approach, jurisdiction, stage
// ---------------------------------------------------------------------------------------------

const APPROACH: readonly TermInfo[] = [
    { id: 'blueprint', definition: 'A comprehensive strategy set from the outset, with prioritized and sequenced objectives, time-bound benchmarks and a division of labour.' },
    { id: 'evolutionary', definition: 'An iterative, incremental approach: modest objectives agreed with local actors first, with the strategy developed gradually over time.' },
];

const JURISDICTION: readonly TermInfo[] = [
    { id: 'national', definition: 'Works across the whole country, under the central government.' },
    { id: 'subnational', definition: 'Works at a provincial, district, municipal or other local level of government.' },
    { id: 'regional', definition: 'Works across neighbouring countries, such as a regional organization or a cross-border cooperation mechanism.' },
    { id: 'international', definition: 'Works at international level, such as a foreign government, a donor agency or an international organization.' },
];

const STAGE: readonly TermInfo[] = [
    { id: 'preparatory', definition: 'The first phase: assessment, consensus building, laying legal, policy and funding foundations, and designing the strategy.' },
    { id: 'implementation', definition: 'The main phase, with the most intensive activity: mobilizing resources, building capacity and carrying out area and sector-wide reforms.' },
    { id: 'consolidation', definition: 'The final, long-term phase that consolidates what the reforms achieved and embeds the changes in institutions and attitudes.' },
];

// ---------------------------------------------------------------------------------------------
// 6.2 actor kinds and their categories
// ---------------------------------------------------------------------------------------------

const ACTOR_KIND: readonly TermInfo[] = [
    // provider: state security and justice providers
    { id: 'armed-forces', category: 'provider', definition: 'The military forces that provide for national defence.' },
    { id: 'police', category: 'provider', definition: 'The civilian police service that keeps public order and enforces the law as part of the justice system.' },
    { id: 'gendarmerie', category: 'provider', definition: 'A police force with military status, such as a paramilitary or specialized police unit.' },
    { id: 'intelligence', category: 'provider', definition: 'The state intelligence and security services.' },
    { id: 'border-guard', category: 'provider', definition: 'The service that guards land borders and controls who crosses them.' },
    { id: 'coast-guard', category: 'provider', definition: 'The service that patrols the coast and territorial waters.' },
    { id: 'customs', category: 'provider', definition: 'The authority that controls goods crossing the border and collects duties.' },
    { id: 'corrections', category: 'provider', definition: 'Prison and corrections services that hold detainees and rehabilitate offenders.' },
    { id: 'presidential-guard', category: 'provider', definition: 'A security unit that protects the head of state.' },
    // justice
    { id: 'judiciary', category: 'justice', definition: 'The courts and judges, who decide cases independently and hold everyone, the state included, to the law.' },
    { id: 'prosecution', category: 'justice', definition: 'The public prosecution service that brings criminal cases before the courts.' },
    { id: 'legal-aid', category: 'justice', definition: 'Services that give legal advice and defence to people who cannot pay for them.' },
    // management: executive management bodies
    { id: 'executive', category: 'management', definition: 'The office of the head of state or government, which directs security policy and leads reform coordination.' },
    { id: 'national-security-council', category: 'management', definition: 'A national security advisory or coordinating body that brings together the parts of government dealing with security.' },
    { id: 'defence-ministry', category: 'management', definition: 'The ministry that manages the armed forces and defence policy.' },
    { id: 'interior-ministry', category: 'management', definition: 'The ministry responsible for the police and internal security.' },
    { id: 'justice-ministry', category: 'management', definition: 'The ministry responsible for justice policy and the administration of justice, often including prisons.' },
    { id: 'finance-ministry', category: 'management', definition: 'The ministry that prepares the budget and manages public money, including spending on security and justice.' },
    { id: 'local-government', category: 'management', definition: 'Provincial and municipal authorities, such as governors and councils, that manage security locally.' },
    // oversight
    { id: 'legislature', category: 'oversight', definition: 'Parliament and its committees, which pass security laws, approve budgets and oversee the sector.' },
    { id: 'ombudsman', category: 'oversight', definition: 'An independent office that takes complaints from the public about abuse or poor administration.' },
    { id: 'audit-institution', category: 'oversight', definition: 'The national audit body that checks how public money in the sector is spent.' },
    { id: 'human-rights-commission', category: 'oversight', definition: 'An independent national body that monitors and reports on respect for human rights.' },
    { id: 'inspector-general', category: 'oversight', definition: 'An inspector general office that investigates misconduct and checks standards inside security institutions.' },
    { id: 'complaints-body', category: 'oversight', definition: 'An official commission that receives and investigates public complaints about security or justice personnel.' },
    // civil society
    { id: 'civil-society', category: 'civil-society', definition: 'Non-governmental and community organizations that voice public security needs and monitor how the sector performs.' },
    { id: 'media', category: 'civil-society', definition: 'Press and broadcasters that inform the public about the security sector and expose abuses.' },
    { id: 'academia', category: 'civil-society', definition: 'Universities, think tanks and researchers that analyse security policy and practice.' },
    { id: 'womens-organization', category: 'civil-society', definition: 'Women\'s groups and advocacy organizations that bring women\'s security needs into policy and oversight.' },
    // non-state providers
    { id: 'customary-justice', category: 'non-state', definition: 'Traditional or informal justice systems, such as councils of elders, that settle disputes outside the state courts.' },
    { id: 'community-security', category: 'non-state', definition: 'Community watch groups and local security committees that provide security outside the state.' },
    { id: 'private-security', category: 'non-state', definition: 'Commercial security companies that provide guarding and other security services for pay.' },
    { id: 'militia', category: 'non-state', definition: 'An armed group outside state control, whose legal status and legitimacy vary widely.' },
    // external
    { id: 'donor', category: 'external', definition: 'A foreign government or its aid agency that funds or advises the reform.' },
    { id: 'international-organization', category: 'external', definition: 'A multilateral or regional body, such as the UN, EU or African Union, that sets standards and supports reform.' },
    { id: 'peace-operation', category: 'external', definition: 'An internationally mandated peace support mission that provides security and may support police, courts and prisons.' },
    { id: 'contractor', category: 'external', definition: 'A private firm hired by donors to deliver technical assistance, training or equipment.' },
];

// ---------------------------------------------------------------------------------------------
// 6.3 sectors
// ---------------------------------------------------------------------------------------------

const SECTOR: readonly TermInfo[] = [
    { id: 'defence', definition: 'The armed forces, the defence ministry and defence policy.' },
    { id: 'policing', definition: 'Police services and their management, including community policing and crime prevention.' },
    { id: 'justice', definition: 'Courts, prosecution, legal aid and the wider rule of law, which police work depends on.' },
    { id: 'corrections', definition: 'Prisons, pre-trial detention and the treatment and rehabilitation of offenders.' },
    { id: 'intelligence', definition: 'Intelligence services, their legal basis and their oversight.' },
    { id: 'border-management', definition: 'Border, coast and customs control, which often calls for regional cooperation.' },
    { id: 'oversight', definition: 'Parliamentary, independent and judicial oversight of the security sector.' },
    { id: 'civil-society', definition: 'The role of civil society and the media in debating, monitoring and informing security policy.' },
    { id: 'public-finance', definition: 'Budgeting and financial management for security and justice, so the sector is affordable and accountable.' },
    { id: 'ddr', definition: 'Disarmament, demobilization and reintegration of former combatants, closely linked to security reform.' },
    { id: 'national-security-policy', definition: 'National security policy and strategy, and the bodies that make and coordinate it.' },
    { id: 'transitional-justice', definition: 'Dealing with past abuses, for example through truth-seeking, prosecutions, reparations and vetting.' },
    { id: 'non-state-security', definition: 'Customary, community and commercial security and justice providers, and how they relate to the state.' },
];

// ---------------------------------------------------------------------------------------------
// 6.4 activity types
// ---------------------------------------------------------------------------------------------

const ACTIVITY_TYPE: readonly TermInfo[] = [
    { id: 'assessment', definition: 'A study of the context, actors, gaps and needs that guides the strategy and gives baseline data for evaluation.' },
    { id: 'consultation', definition: 'Dialogue with government, non-state actors, civil society and the public to build consensus and ownership.' },
    { id: 'legislation', definition: 'Drafting or amending laws that set the roles, mandates and control of security and justice bodies.' },
    { id: 'policy', definition: 'Developing a policy or strategy, such as a national security policy or a sector strategy.' },
    { id: 'vetting', definition: 'Screening personnel for past human rights abuses or misconduct before they serve or receive assistance.' },
    { id: 'training', capability: true, definition: 'Training personnel to build skills and professional standards.' },
    { id: 'equipment', capability: true, definition: 'Providing vehicles, communications, weapons or other materiel.' },
    { id: 'infrastructure', capability: true, definition: 'Building or repairing stations, courts, prisons, barracks or other facilities.' },
    { id: 'recruitment', capability: true, definition: 'Hiring new personnel, preferably through merit-based recruitment that reflects the population served.' },
    { id: 'institutional-reform', definition: 'Changing the structures, management systems and internal controls of an institution.' },
    { id: 'oversight', definition: 'Strengthening the bodies and processes that hold the security sector to account.' },
    { id: 'budgeting', definition: 'Planning and managing budgets for the sector, including recurrent costs and their long-term affordability.' },
    { id: 'ddr', definition: 'Disarming, demobilizing and reintegrating former combatants.' },
    { id: 'transitional-justice', definition: 'Addressing past abuses through truth-seeking, accountability or reparations.' },
    { id: 'quick-impact', definition: 'A small, fast project, such as repairs or vital equipment, that meets urgent needs and shows early value of reform.' },
    { id: 'public-outreach', definition: 'Informing the public about the reform and its aims, and raising awareness of good security governance.' },
    { id: 'coordination', definition: 'Setting up or running mechanisms, such as working groups or steering committees, that coordinate government and donors.' },
    { id: 'monitoring', definition: 'Monitoring and evaluating progress against benchmarks so the strategy can be adjusted during implementation.' },
];

// ---------------------------------------------------------------------------------------------
// 6.5 themes
// ---------------------------------------------------------------------------------------------

const THEME: readonly TermInfo[] = [
    { id: 'gender', definition: 'Attention to the different security needs of women, men, girls and boys, and to their equal participation in the sector.' },
    { id: 'human-rights', definition: 'Respect for human rights and the rule of law by every security and justice actor.' },
    { id: 'anti-corruption', definition: 'Preventing corruption through transparent budgets, internal controls and accountability.' },
    { id: 'local-ownership', definition: 'Reform led and shaped by national and local actors, including the people whose security is at stake.' },
    { id: 'transparency', definition: 'Open information about security plans, resources and decisions, within the limits of national security.' },
    { id: 'conflict-sensitivity', definition: 'Designing assistance so that it does no harm and does not worsen tensions or conflict.' },
];

// ---------------------------------------------------------------------------------------------
// section 4: benchmark type; 6.6 benchmark sources
// ---------------------------------------------------------------------------------------------

const BENCHMARK_TYPE: readonly TermInfo[] = [
    { id: 'input', definition: 'Resources put in, such as money spent or equipment delivered; on its own it says little about how the sector is governed.' },
    { id: 'output', definition: 'What activities directly produce, such as officers trained, laws passed or courts built.' },
    { id: 'outcome', definition: 'A change in how the sector performs or is governed, such as public trust in the police or cases resolved.' },
    { id: 'impact', definition: 'A long-term change in the security and justice that people experience, to which the strategy contributes.' },
];

const SOURCE: readonly TermInfo[] = [
    { id: 'perception-survey', perception: true, definition: 'A poll of the public on security, the security services and the reform.' },
    { id: 'administrative-data', definition: 'Records kept by institutions, such as crime figures, court case loads, prison population or budgets.' },
    { id: 'audit', definition: 'The findings of a financial or performance audit.' },
    { id: 'expert-assessment', definition: 'A judgement by independent or technical experts, based on document review, interviews or site visits.' },
    { id: 'focus-group', perception: true, definition: 'A guided discussion with a small group of citizens or staff to understand their views and experience.' },
    { id: 'case-management-system', definition: 'Data from an integrated case management system that follows cases through police, prosecution and courts.' },
];

// ---------------------------------------------------------------------------------------------
// 6.7 funding instruments
// ---------------------------------------------------------------------------------------------

const INSTRUMENT: readonly TermInfo[] = [
    { id: 'economic-support', external: true, definition: 'Economic Support Fund: US economic assistance for political and economic goals; it may not be used for military purposes.' },
    { id: 'development-assistance', external: true, definition: 'Development aid, such as USAID Development Assistance, for governance and civilian capacity; it may not be used for military purposes.' },
    { id: 'incle', external: true, definition: 'International Narcotics Control and Law Enforcement: US State Department funding for police, justice and corrections assistance.' },
    { id: 'foreign-military-financing', external: true, definition: 'Foreign Military Financing: US grants or loans for partners to buy defence equipment, services and training.' },
    { id: 'imet', external: true, definition: 'International Military Education and Training: US education and training for foreign military and related civilian personnel.' },
    { id: 'peacekeeping-operations', external: true, definition: 'Peacekeeping Operations: US funding for peace operations, peacekeeping capacity and security reform in conflict-affected countries.' },
    { id: 'dod-security-cooperation', external: true, definition: 'US Department of Defense security cooperation authorities for training and equipping partner forces, each with its own legal limits.' },
    { id: 'trust-fund', external: true, definition: 'A pooled multi-donor fund that channels donor money, often through government institutions, under shared rules.' },
    { id: 'multilateral', external: true, definition: 'Funding through a multilateral body such as the UN, the EU or a development bank.' },
    { id: 'bilateral-grant', external: true, definition: 'A grant from one donor government to the partner government or a programme.' },
    { id: 'loan', external: true, definition: 'Borrowed money, for example from a development bank or a foreign government, that must be repaid.' },
    { id: 'budget-support', external: true, definition: 'A donor\'s transfer into the partner\'s treasury, spent through its own budget and its own public-finance rules.' },
    { id: 'national-budget', external: false, definition: 'The partner government\'s own budget: the domestic source that must take over recurrent costs as donor support recedes.' },
];

// ---------------------------------------------------------------------------------------------
// the registry
// ---------------------------------------------------------------------------------------------

function taxonomy(name: TaxonomyName, label: string, terms: readonly TermInfo[]): Taxonomy {
    return Object.freeze({ name, label, terms: Object.freeze(terms.map(term => Object.freeze({ ...term }))) });
}

const TAXONOMIES: Readonly<Record<TaxonomyName, Taxonomy>> = Object.freeze({
    context: taxonomy('context', 'context', CONTEXT),
    approach: taxonomy('approach', 'approach', APPROACH),
    jurisdiction: taxonomy('jurisdiction', 'jurisdiction', JURISDICTION),
    stage: taxonomy('stage', 'stage', STAGE),
    actorKind: taxonomy('actorKind', 'actor kind', ACTOR_KIND),
    sector: taxonomy('sector', 'sector', SECTOR),
    dimension: taxonomy('dimension', 'dimension', [
        { id: 'political', definition: 'Building the mechanisms for democratic civilian control and management of the security sector.' },
        { id: 'institutional', definition: 'Reform and capacity building inside security institutions: professionalism, effectiveness, sound structures, less corruption.' },
        { id: 'economic', definition: 'How the sector uses resources: sound public financial management and the long-term sustainability of reforms.' },
        { id: 'societal', definition: 'The role of civil society, the media and independent researchers in monitoring the sector and keeping it transparent and accountable.' },
    ]),
    level: taxonomy('level', 'level', [
        { id: 'strategic', definition: 'Making legal, political and policy frameworks reflect good governance of the security sector.' },
        { id: 'organizational', definition: 'Making security institutions more effective and accountable through their structures, management, internal controls and recruitment.' },
        { id: 'operational', definition: 'Making institutions deliver security to the public effectively and accountably, with proper training, equipment, conduct and support.' },
    ]),
    activityType: taxonomy('activityType', 'activity type', ACTIVITY_TYPE),
    theme: taxonomy('theme', 'theme', THEME),
    benchmarkType: taxonomy('benchmarkType', 'benchmark type', BENCHMARK_TYPE),
    source: taxonomy('source', 'benchmark source', SOURCE),
    instrument: taxonomy('instrument', 'funding instrument', INSTRUMENT),
});

/**
 * The terms valid in a strategy: the built-in lists of LANGUAGE.md section 6 and the terms its
 * configuration adds (section 6.8). Everything that reads terms (validation, completion, hover,
 * the rules, the fiscal model, the summary) asks a vocabulary, so added terms behave exactly like
 * built-in ones. `BUILTIN_VOCABULARY` is the one without configuration.
 */
export class Vocabulary {
    private readonly lists = new Map<TaxonomyName, readonly TermInfo[]>();
    private readonly index = new Map<TaxonomyName, ReadonlyMap<string, TermInfo>>();

    /** `added`: terms per list, appended after the built-in ones (a built-in term cannot be redefined). */
    constructor(added: Partial<Record<TaxonomyName, readonly TermInfo[]>> = {}) {
        for (const name of Object.keys(TAXONOMIES) as TaxonomyName[]) {
            const builtIn = TAXONOMIES[name].terms;
            const known = new Set(builtIn.map(t => t.id));
            const terms = [...builtIn, ...(added[name] ?? []).filter(t => !known.has(t.id))];
            this.lists.set(name, terms);
            this.index.set(name, new Map(terms.map(t => [t.id, t])));
        }
    }

    /** A list's terms: the built-in ones in the specification's order, then the added ones. */
    terms(list: TaxonomyName): readonly TermInfo[] {
        return this.lists.get(list) ?? [];
    }

    find(list: TaxonomyName, id: string | undefined): TermInfo | undefined {
        return id === undefined ? undefined : this.index.get(list)?.get(id);
    }

    ids(list: TaxonomyName): string[] {
        return this.terms(list).map(t => t.id);
    }

    /** How a list is named in messages: `actor kind`. */
    label(list: TaxonomyName): string {
        return TAXONOMIES[list].label;
    }

    /** The category of an actor kind; undefined for a missing or unknown kind. */
    category(kind: string | undefined): ActorCategory | undefined {
        return this.find('actorKind', kind)?.category;
    }

    /** Whether an activity type builds capability (training, equipment, infrastructure, recruitment, or an added one flagged so). */
    isCapability(type: string | undefined): boolean {
        return this.find('activityType', type)?.capability === true;
    }

    /** Whether an instrument is a domestic source: its funding is domestic whatever its actor. */
    isDomesticInstrument(instrument: string | undefined): boolean {
        return this.find('instrument', instrument)?.external === false;
    }

    /** Whether a benchmark source measures perceptions. */
    isPerceptionSource(source: string | undefined): boolean {
        return this.find('source', source)?.perception === true;
    }
}

export const BUILTIN_VOCABULARY = new Vocabulary();

// ---------------------------------------------------------------------------------------------
// coverage: the core sectors and the four dimensions (RULES.md coverage/subsectors, dimensions)
// ---------------------------------------------------------------------------------------------

/** The sectors every comprehensive strategy must address. */
const CORE_SECTORS: readonly string[] = ['defence', 'policing', 'justice', 'corrections', 'oversight', 'civil-society', 'public-finance'];

/** Sectors that become core when an actor of one of these kinds is declared. */
const CONDITIONAL_SECTORS: readonly { readonly sector: string; readonly kinds: readonly string[] }[] = [
    { sector: 'intelligence', kinds: ['intelligence'] },
    { sector: 'border-management', kinds: ['border-guard', 'coast-guard', 'customs'] },
];

/** The core sectors of a strategy whose actors have these kinds: the fixed ones, then the conditional ones. */
export function requiredSectors(actorKinds: Iterable<string | undefined>): string[] {
    const kinds = new Set(actorKinds);
    return [...CORE_SECTORS, ...CONDITIONAL_SECTORS.filter(c => c.kinds.some(k => kinds.has(k))).map(c => c.sector)];
}

/** The four dimensions of SSR, each of which should receive commensurate attention. */
export const DIMENSIONS: readonly string[] = BUILTIN_VOCABULARY.ids('dimension');
