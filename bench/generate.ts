/**
 * Generated strategies for the benchmark and the soak: a realistic plan of any size, built as a
 * plain model first and then written both as `.ssr` (with its actor libraries) and as YAML of the
 * same structure (the benchmark's peer, validated against bench/strategy.schema.json).
 *
 * A plan is a national part (strategy header, phases, a national security policy objective with
 * the joint assessment, policy and the mid-term review) followed by provincial programmes, one
 * after another until the requested number of lines is reached. Programmes rotate through four
 * shapes so that sectors are mixed: police–justice–corrections–oversight, defence with DDR,
 * border management with public finance, and civil society with oversight. Programmes relate to
 * each other (`alongside` the previous programme of the same shape, `after` the national policy
 * activities), carry doc comments, and every tenth one has an objective whose missing benchmark
 * is suppressed with a reason. The plan is built to be close to clean: the rules still run in
 * full, but the output is not dominated by findings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';

// ---------------------------------------------------------------------------------------------
// The model (shared by the .ssr and YAML renderings)
// ---------------------------------------------------------------------------------------------

export interface ActorModel { name: string; title: string; kind: string; jurisdiction?: string; doc?: string }
export interface PhaseModel { name: string; title: string; stage: string; from: string; to: string }
export interface RangeModel { from: string; to?: string }
export interface ActivityModel {
    name: string; title: string; type: string; in?: string[]; range?: RangeModel;
    targets?: string[]; after?: string[]; alongside?: string[];
}
export interface CostModel { kind: 'capital' | 'recurrent'; amount: string; perYear?: boolean; range?: RangeModel }
export interface SuppressionModel { rules: string[]; reason: string }
export interface ObjectiveModel {
    name: string; title: string; doc?: string; suppress?: SuppressionModel;
    sector: string; dimensions: string[]; levels: string[]; lead: string; partners?: string[]; themes?: string[];
    in?: string[]; after?: string[]; alongside?: string[]; activities: ActivityModel[]; costs?: CostModel[];
}
export interface BenchmarkModel {
    name: string; title: string; measures: string[]; type: string; source: string;
    baseline: { value: string; year: number }; target?: { value: string; year: number }; disaggregatedBy?: string[];
}
export interface FundingModel {
    name: string; title: string; from: string; instrument: string;
    amount: string; perYear?: boolean; range?: RangeModel; supports: string[];
}
export interface FiscalModel { revenue: string; revenueYear: number; growth: string; ceiling: string; maxExternalShare?: string }
/** A group of declarations written together (the national part, or one provincial programme). */
export interface SectionModel {
    heading: string;
    actors: ActorModel[]; objectives: ObjectiveModel[]; benchmarks: BenchmarkModel[]; funding: FundingModel[];
}
export interface StrategyModel {
    title: string; doc?: string; country: string; period: RangeModel; currency: string; context: string; approach: string;
    imports: string[]; phases: PhaseModel[]; sections: SectionModel[]; fiscal: FiscalModel;
}
export interface LibraryModel { path: string; title: string; doc?: string; actors: ActorModel[] }

// ---------------------------------------------------------------------------------------------
// Libraries: national actors, donors, civil society
// ---------------------------------------------------------------------------------------------

const NATIONAL: ActorModel[] = [
    { name: 'NSC', title: 'National Security Council', kind: 'national-security-council', doc: 'Chaired by the President; the focal point of the reform.' },
    { name: 'MOD', title: 'Ministry of Defence', kind: 'defence-ministry' },
    { name: 'MOI', title: 'Ministry of the Interior', kind: 'interior-ministry' },
    { name: 'MOJ', title: 'Ministry of Justice', kind: 'justice-ministry' },
    { name: 'MOF', title: 'Ministry of Finance', kind: 'finance-ministry' },
    { name: 'Parl', title: 'Parliamentary Committee on Defence and Security', kind: 'legislature' },
    { name: 'Ombud', title: 'Office of the Ombudsman', kind: 'ombudsman' },
    { name: 'Audit', title: 'Supreme Audit Institution', kind: 'audit-institution' },
    { name: 'NCDDR', title: 'National Commission for DDR', kind: 'executive' },
];
const DONORS: ActorModel[] = [
    { name: 'MDTF', title: 'SSR Multi-Donor Trust Fund', kind: 'international-organization', jurisdiction: 'international', doc: 'Administered by the UN on behalf of the partners.' },
    { name: 'EUD', title: 'European Union Delegation', kind: 'donor', jurisdiction: 'international' },
    { name: 'UKFCDO', title: 'UK Foreign, Commonwealth and Development Office', kind: 'donor', jurisdiction: 'international' },
];
const CIVIL_SOCIETY: ActorModel[] = [
    { name: 'CSF', title: 'Civil Society Security Forum', kind: 'civil-society', doc: 'A coalition of 40 organisations across the provinces.' },
    { name: 'WomenNet', title: 'Women in Security Network', kind: 'womens-organization' },
    { name: 'PressCouncil', title: 'Independent Press Council', kind: 'media' },
    { name: 'UniInstitute', title: 'University Institute for Security Studies', kind: 'academia' },
];

/** The actor libraries: one library holding every shared actor, or three (national, donors, civil society). */
export function generateLibraries(split: 1 | 3): LibraryModel[] {
    if (split === 1) {
        return [{ path: 'lib/actors.ssr', title: 'Benchland shared actors', doc: 'The national actors, donors and civil society shared by every Benchland plan.', actors: [...NATIONAL, ...DONORS, ...CIVIL_SOCIETY] }];
    }
    return [
        { path: 'lib/national.ssr', title: 'Benchland national institutions', doc: 'Ministries, councils and oversight bodies.', actors: NATIONAL },
        { path: 'lib/donors.ssr', title: 'Benchland development partners', actors: DONORS },
        { path: 'lib/civil-society.ssr', title: 'Benchland civil society', actors: CIVIL_SOCIETY },
    ];
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

export interface StrategyOptions {
    /** The plan grows programme by programme until its .ssr text has at least this many lines. */
    targetLines: number;
    /** Import paths (relative to the strategy) of the libraries the plan uses. */
    imports: string[];
    /** Country name, also used in titles (several plans in one workspace). */
    country?: string;
}

const PROVINCES = ['North', 'South', 'East', 'West', 'Coast', 'Hills', 'Lakes', 'Delta', 'Plains', 'Valley', 'Forest', 'Border'];
const province = (k: number) => `${PROVINCES[k % PROVINCES.length]}${Math.floor(k / PROVINCES.length) + 1}`;

/** The national part: header, phases, the policy objective that every programme follows. */
function nationalPart(country: string, imports: string[]): StrategyModel {
    return {
        title: `${country} Security Sector Reform Strategy`,
        doc: `Agreed at the ${country} National Security Dialogue. Replaces the interim\nsecurity arrangements of the peace agreement.`,
        country, period: { from: '2026', to: '2035' }, currency: 'USD', context: 'post-conflict', approach: 'evolutionary',
        imports,
        phases: [
            { name: 'Prep', title: 'Assessment and consensus building', stage: 'preparatory', from: '2026-01', to: '2026-12' },
            { name: 'Main', title: 'Main implementation', stage: 'implementation', from: '2027-01', to: '2032-12' },
            { name: 'Consolidation', title: 'Consolidation and hand-over', stage: 'consolidation', from: '2033-01', to: '2035-12' },
        ],
        sections: [{
            heading: 'National policy, assessment and review',
            actors: [],
            objectives: [{
            name: 'NationalPolicy', title: 'An inclusive national security policy',
            doc: 'The policy every provincial programme implements.',
            sector: 'national-security-policy', dimensions: ['political'], levels: ['strategic'], lead: 'NSC', partners: ['CSF', 'Parl'],
            themes: ['gender', 'local-ownership'], in: ['Prep', 'Main'],
            activities: [
                { name: 'JointAssessment', title: 'Joint security sector assessment', type: 'assessment', range: { from: '2026-01', to: '2026-06' } },
                { name: 'Consultations', title: 'Provincial consultations on security needs', type: 'consultation', range: { from: '2026-04', to: '2026-12' } },
                { name: 'PolicyDraft', title: 'Drafting and adoption of the national security policy', type: 'policy', range: { from: '2026-07', to: '2026-12' }, after: ['JointAssessment'] },
                { name: 'CoordinationBoard', title: 'National coordination board of the reform', type: 'coordination', in: ['Main'] },
                { name: 'MidTermReview', title: 'Independent mid-term review of the strategy', type: 'monitoring', range: { from: '2029-01', to: '2029-06' } },
            ],
            }],
            benchmarks: [{
            name: 'InclusivePolicy', title: 'Council decisions taken after civil society consultation', measures: ['NationalPolicy'],
            type: 'outcome', source: 'focus-group', baseline: { value: '0%', year: 2026 }, target: { value: '75%', year: 2030 }, disaggregatedBy: ['sex', 'region'],
            }],
            funding: [],
        }],
        fiscal: { revenue: '0', revenueYear: 2026, growth: '3%', ceiling: '10%', maxExternalShare: '50%' },
    };
}

/** Adds programme `k` (one of four shapes) to the plan. */
function addProgramme(plan: StrategyModel, k: number): void {
    const p = province(k);
    const shape = k % 4;
    const previous = k >= 4 ? province(k - 4) : undefined;
    const suppressed = k % 10 === 9;
    const section: SectionModel = { heading: `${p} provincial programme`, actors: [], objectives: [], benchmarks: [], funding: [] };
    plan.sections.push(section);
    const { actors, objectives, benchmarks, funding } = section;
    // A few imperfections, as in real drafts: a benchmark without a target yet, a funding line
    // that falls short of the costs it supports.
    const untargeted = k % 7 === 3;
    const shortfall = k % 11 === 4;
    const bench = (name: string, title: string, measures: string[], source: string, baseline: string, target: string, disaggregatedBy?: string[]) =>
        benchmarks.push({ name, title, measures, type: 'outcome', source, baseline: { value: baseline, year: 2026 }, target: untargeted ? undefined : { value: target, year: 2032 }, disaggregatedBy });

    if (shape === 0) {
        actors.push(
            { name: `${p}Police`, title: `${p} Provincial Police`, kind: 'police', jurisdiction: 'subnational', doc: `The police of ${p} province, about 2,000 officers.` },
            { name: `${p}Courts`, title: `${p} Provincial Courts`, kind: 'judiciary', jurisdiction: 'subnational' },
            { name: `${p}Prisons`, title: `${p} Prison Service`, kind: 'corrections', jurisdiction: 'subnational' },
            { name: `${p}Assembly`, title: `${p} Provincial Assembly Security Committee`, kind: 'legislature', jurisdiction: 'subnational' },
        );
        objectives.push({
            name: `${p}PoliceReform`, title: `Accountable, community-oriented police in ${p}`,
            doc: `Vetting first, then training and equipment, in step with the courts and prisons of ${p}.`,
            sector: 'policing', dimensions: ['institutional'], levels: ['organizational', 'operational'], lead: `${p}Police`, partners: ['MOI', 'CSF'],
            themes: ['gender', 'human-rights'], in: ['Main'],
            after: ['NationalPolicy.PolicyDraft'],
            alongside: [`${p}JusticeReform`, `${p}CorrectionsReform`, ...(previous ? [`${previous}PoliceReform`] : [])],
            activities: [
                { name: `${p}PoliceVetting`, title: 'Vetting of serving officers', type: 'vetting', range: { from: '2027-01', to: '2027-06' } },
                { name: `${p}PoliceTraining`, title: 'Community policing training', type: 'training', range: { from: '2027-07', to: '2029-12' }, after: [`${p}PoliceVetting`] },
                { name: `${p}PoliceEquipment`, title: 'Radios and patrol vehicles', type: 'equipment', range: { from: '2028-01', to: '2029-06' }, targets: [`${p}Police`] },
            ],
            costs: [
                { kind: 'capital', amount: '6M', range: { from: '2027', to: '2029' } },
                { kind: 'recurrent', amount: '1M', perYear: true, range: { from: '2030' } },
            ],
        }, {
            name: `${p}JusticeReform`, title: `Timely, fair criminal justice in ${p}`,
            sector: 'justice', dimensions: ['institutional'], levels: ['organizational'], lead: 'MOJ', partners: [`${p}Courts`], in: ['Main'],
            activities: [
                { name: `${p}CaseManagement`, title: 'Case management system for courts and prosecutors', type: 'institutional-reform', targets: [`${p}Courts`] },
            ],
            costs: [
                { kind: 'capital', amount: '3M', range: { from: '2027', to: '2029' } },
                { kind: 'recurrent', amount: '500K', perYear: true, range: { from: '2030' } },
            ],
        }, {
            name: `${p}CorrectionsReform`, title: `Humane, secure prisons in ${p}`,
            sector: 'corrections', dimensions: ['institutional'], levels: ['operational'], lead: `${p}Prisons`, in: ['Main'],
            activities: [{ name: `${p}PrisonStandards`, title: 'Minimum standards and inspection regime', type: 'institutional-reform' }],
        }, {
            name: `${p}Oversight`, title: `Democratic oversight of security in ${p}`,
            sector: 'oversight', dimensions: ['political'], levels: ['strategic'], lead: `${p}Assembly`, partners: ['Ombud', 'CSF'], in: ['Main'],
            activities: [
                { name: `${p}OversightLaw`, title: 'Provincial oversight act', type: 'legislation', range: { from: '2027-01', to: '2027-12' } },
                { name: `${p}CommitteeSetup`, title: 'Standing committee and complaints desk', type: 'oversight', range: { from: '2028-01', to: '2028-12' }, after: [`${p}OversightLaw`] },
            ],
        });
        bench(`${p}PublicSafety`, `Citizens of ${p} who feel safe walking alone at night`, [`${p}PoliceReform`, `${p}JusticeReform`, `${p}CorrectionsReform`], 'perception-survey', '38%', '60%', ['sex', 'region']);
        bench(`${p}ComplaintsResolved`, 'Complaints against the police resolved within 90 days', [`${p}Oversight`], 'administrative-data', '12%', '70%');
        funding.push(
            { name: `${p}TrustFund`, title: `Trust fund window for ${p} police and justice`, from: 'MDTF', instrument: 'trust-fund', amount: shortfall ? '2.5M' : '3M', perYear: true, range: { from: '2027', to: '2029' }, supports: [`${p}PoliceReform`, `${p}JusticeReform`] },
            { name: `${p}Budget`, title: `Provincial budget: ${p} police and justice running costs`, from: 'MOF', instrument: 'national-budget', amount: '1.5M', perYear: true, range: { from: '2030', to: '2035' }, supports: [`${p}PoliceReform`, `${p}JusticeReform`] },
        );
    } else if (shape === 1) {
        actors.push({ name: `${p}Brigade`, title: `${p} Infantry Brigade`, kind: 'armed-forces', doc: `Garrisoned in ${p} since the ceasefire.` });
        objectives.push({
            name: `${p}DefenceReform`, title: `A right-sized brigade under civilian control in ${p}`,
            sector: 'defence', dimensions: ['institutional', 'political'], levels: ['strategic', 'organizational'], lead: 'MOD', partners: [`${p}Brigade`], in: ['Main'],
            alongside: [`${p}DDR`, ...(previous ? [`${previous}DefenceReform`] : [])],
            activities: [
                { name: `${p}ForceVetting`, title: 'Vetting of serving personnel', type: 'vetting', targets: [`${p}Brigade`], range: { from: '2027-01', to: '2027-06' } },
                { name: `${p}ForceTraining`, title: 'Professional military education', type: 'training', targets: [`${p}Brigade`], range: { from: '2027-07', to: '2029-12' }, after: [`${p}ForceVetting`] },
            ],
            costs: [
                { kind: 'capital', amount: '2M', range: { from: '2027', to: '2028' } },
                { kind: 'recurrent', amount: '250K', perYear: true, range: { from: '2029' } },
            ],
        }, {
            name: `${p}DDR`, title: `Reintegration of former combatants in ${p}`,
            sector: 'ddr', dimensions: ['societal'], levels: ['operational'], lead: 'NCDDR', in: ['Main'],
            activities: [{ name: `${p}Demobilisation`, title: 'Demobilisation and reintegration support', type: 'ddr', range: { from: '2027-03', to: '2028-12' } }],
        });
        bench(`${p}CivilianControl`, `Brigade budget lines in ${p} approved by parliament`, [`${p}DefenceReform`], 'audit', '0%', '100%');
        bench(`${p}Reintegrated`, 'Former combatants in livelihoods two years after demobilisation', [`${p}DDR`], 'administrative-data', '0', '800');
        funding.push({ name: `${p}DefenceBudget`, title: `Defence budget for ${p}`, from: 'MOF', instrument: 'national-budget', amount: '1M', perYear: true, range: { from: '2027', to: '2028' }, supports: [`${p}DefenceReform`] },
            { name: `${p}DefenceRunning`, title: `Running costs of the ${p} brigade`, from: 'MOF', instrument: 'national-budget', amount: '250K', perYear: true, range: { from: '2029', to: '2035' }, supports: [`${p}DefenceReform`] });
    } else if (shape === 2) {
        actors.push({ name: `${p}Customs`, title: `${p} Customs Office`, kind: 'customs', jurisdiction: 'subnational' },
            { name: `${p}Border`, title: `${p} Border Guard`, kind: 'border-guard' });
        objectives.push({
            name: `${p}BorderManagement`, title: `Integrated border management in ${p}`,
            sector: 'border-management', dimensions: ['institutional'], levels: ['operational'], lead: `${p}Border`, partners: [`${p}Customs`, 'MOI'], in: ['Main'],
            after: ['NationalPolicy.PolicyDraft'],
            alongside: previous ? [`${previous}BorderManagement`] : undefined,
            activities: [
                { name: `${p}BorderVetting`, title: 'Vetting of border officers', type: 'vetting', targets: [`${p}Border`, `${p}Customs`], range: { from: '2027-01', to: '2027-09' } },
                { name: `${p}BorderPosts`, title: 'Rehabilitation of border posts', type: 'infrastructure', range: { from: '2028-01', to: '2030-12' } },
            ],
            costs: [
                { kind: 'capital', amount: '4M', range: { from: '2028', to: '2030' } },
                { kind: 'recurrent', amount: '400K', perYear: true, range: { from: '2031' } },
            ],
        }, {
            name: `${p}PublicFinance`, title: `Transparent security budgets in ${p}`,
            sector: 'public-finance', dimensions: ['economic'], levels: ['strategic'], lead: 'MOF', partners: ['Audit'], themes: ['transparency'], in: ['Main', 'Consolidation'],
            activities: [{ name: `${p}ExpenditureReview`, title: 'Security sector public expenditure review', type: 'budgeting', range: { from: '2027-01', to: '2027-12' } }],
        });
        bench(`${p}BorderTrust`, `Traders in ${p} who report no bribe at the border`, [`${p}BorderManagement`], 'perception-survey', '20%', '65%', ['sex']);
        bench(`${p}BudgetCredibility`, 'Security budget executed within 10% of the approved budget', [`${p}PublicFinance`], 'audit', '55%', '90%');
        funding.push({ name: `${p}BorderGrant`, title: `EU border grant for ${p}`, from: 'EUD', instrument: 'bilateral-grant', amount: '4M', range: { from: '2028', to: '2030' }, supports: [`${p}BorderManagement`] },
            { name: `${p}BorderRunning`, title: `Running costs of the ${p} border posts`, from: 'MOF', instrument: 'national-budget', amount: '400K', perYear: true, range: { from: '2031', to: '2035' }, supports: [`${p}BorderManagement`] });
    } else {
        actors.push({ name: `${p}Monitors`, title: `${p} Community Security Monitors`, kind: 'civil-society', jurisdiction: 'subnational' });
        objectives.push({
            name: `${p}CivilSociety`, title: `Citizens of ${p} monitor security provision`,
            sector: 'civil-society', dimensions: ['societal'], levels: ['operational'], lead: `${p}Monitors`, partners: ['WomenNet', 'PressCouncil'], themes: ['gender'],
            in: ['Main', 'Consolidation'],
            alongside: previous ? [`${previous}CivilSociety`] : undefined,
            activities: [{ name: `${p}Scorecards`, title: 'Community security scorecards', type: 'public-outreach' }],
        });
        bench(`${p}Scorecard`, `Districts of ${p} with a published scorecard`, [`${p}CivilSociety`], 'focus-group', '0%', '80%', ['sex']);
    }
    if (suppressed) {
        objectives.push({
            name: `${p}Coordination`, title: `Provincial coordination of the reform in ${p}`,
            suppress: { rules: ['monitoring/no-benchmark'], reason: 'measured through the national mid-term review' },
            sector: 'national-security-policy', dimensions: ['political'], levels: ['strategic'], lead: 'NSC', partners: ['CSF'], in: ['Main'],
            after: ['NationalPolicy.PolicyDraft'],
            activities: [{ name: `${p}CoordinationBoard`, title: `${p} provincial coordination board`, type: 'coordination', in: ['Main'] }],
        });
    }
}

/** A plan of about `targetLines` lines (never fewer). */
export function generateStrategyModel(options: StrategyOptions): StrategyModel {
    const plan = nationalPart(options.country ?? 'Benchland', options.imports);
    // Steps towards the target: a programme is well under 200 lines, so a step never overshoots by
    // more than one programme.
    let k = 0;
    let lines = countLines(renderStrategy(plan));
    while (lines < options.targetLines) {
        const step = Math.max(1, Math.floor((options.targetLines - lines) / 200));
        for (let i = 0; i < step; i++) addProgramme(plan, k++);
        lines = countLines(renderStrategy(plan));
    }
    // Revenue grows with the plan so that affordability stays realistic at any size.
    plan.fiscal.revenue = `${Math.max(1, Math.ceil(k / 4)) * 100}M`;
    return plan;
}

const countLines = (text: string) => text.split('\n').length - 1;

// ---------------------------------------------------------------------------------------------
// .ssr rendering
// ---------------------------------------------------------------------------------------------

const q = (s: string) => JSON.stringify(s);
const range = (r: RangeModel) => `from ${r.from}${r.to ? ` to ${r.to}` : ''}`;
const docComment = (doc: string | undefined, indent = '') =>
    doc ? `${indent}/**\n${doc.split('\n').map(l => `${indent} * ${l}`).join('\n')}\n${indent} */\n` : '';

function renderActor(a: ActorModel): string {
    const fields = [`kind ${a.kind}`, ...(a.jurisdiction ? [`jurisdiction ${a.jurisdiction}`] : [])];
    return `${docComment(a.doc)}actor ${a.name} ${q(a.title)} { ${fields.join(' ')} }`;
}

function renderObjective(o: ObjectiveModel): string {
    const out: string[] = [];
    if (o.suppress) out.push(`// ssr-ignore-next-line ${o.suppress.rules.join(', ')} -- ${o.suppress.reason}`);
    const lines = [
        `sector ${o.sector}`, `dimension ${o.dimensions.join(', ')}`, `level ${o.levels.join(', ')}`, `lead ${o.lead}`,
        ...(o.partners?.length ? [`partners ${o.partners.join(', ')}`] : []),
        ...(o.themes?.length ? [`themes ${o.themes.join(', ')}`] : []),
        ...(o.in?.length ? [`in ${o.in.join(', ')}`] : []),
        ...(o.after?.length ? [`after ${o.after.join(', ')}`] : []),
        ...(o.alongside?.length ? [`alongside ${o.alongside.join(', ')}`] : []),
    ].map(l => `    ${l}`);
    for (const a of o.activities) {
        lines.push('', `    activity ${a.name} ${q(a.title)} {`, `        type ${a.type}`);
        if (a.in?.length) lines.push(`        in ${a.in.join(', ')}`);
        if (a.range) lines.push(`        ${range(a.range)}`);
        if (a.targets?.length) lines.push(`        targets ${a.targets.join(', ')}`);
        if (a.after?.length) lines.push(`        after ${a.after.join(', ')}`);
        if (a.alongside?.length) lines.push(`        alongside ${a.alongside.join(', ')}`);
        lines.push('    }');
    }
    if (o.costs?.length) {
        lines.push('');
        for (const c of o.costs) lines.push(`    cost ${c.kind} ${c.amount}${c.perYear ? ' per year' : ''}${c.range ? ` ${range(c.range)}` : ''}`);
    }
    out.push(`${docComment(o.doc)}objective ${o.name} ${q(o.title)} {\n${lines.join('\n')}\n}`);
    return out.join('\n');
}

function renderBenchmark(b: BenchmarkModel): string {
    const lines = [`measures ${b.measures.join(', ')}`, `type ${b.type}`, `source ${b.source}`,
        `baseline ${b.baseline.value} in ${b.baseline.year}`, ...(b.target ? [`target ${b.target.value} by ${b.target.year}`] : []),
        ...(b.disaggregatedBy?.length ? [`disaggregated by ${b.disaggregatedBy.join(', ')}`] : [])];
    return `benchmark ${b.name} ${q(b.title)} {\n${lines.map(l => `    ${l}`).join('\n')}\n}`;
}

function renderFunding(f: FundingModel): string {
    const lines = [`from ${f.from}`, `instrument ${f.instrument}`, `amount ${f.amount}${f.perYear ? ' per year' : ''}${f.range ? ` ${range(f.range)}` : ''}`, `supports ${f.supports.join(', ')}`];
    return `funding ${f.name} ${q(f.title)} {\n${lines.map(l => `    ${l}`).join('\n')}\n}`;
}

export function renderStrategy(s: StrategyModel): string {
    const parts: string[] = [];
    parts.push(`// Generated by bench/generate.ts: a national part and provincial programmes.\n\n${docComment(s.doc)}strategy ${q(s.title)} {\n    country ${q(s.country)}\n    period ${range(s.period)}\n    currency ${s.currency}\n    context ${s.context}\n    approach ${s.approach}\n}`);
    parts.push(s.imports.map(i => `import ${q(i)}`).join('\n'));
    parts.push(s.phases.map(p => `phase ${p.name} ${q(p.title)} {\n    stage ${p.stage}\n    from ${p.from} to ${p.to}\n}`).join('\n'));
    for (const section of s.sections) {
        const heading = `// ${'-'.repeat(94)}\n// ${section.heading}\n// ${'-'.repeat(94)}`;
        parts.push(section.actors.length > 0 ? `${heading}\n\n${section.actors.map(renderActor).join('\n')}` : heading);
        for (const o of section.objectives) parts.push(renderObjective(o));
        for (const b of section.benchmarks) parts.push(renderBenchmark(b));
        for (const f of section.funding) parts.push(renderFunding(f));
    }
    const fiscal = [`revenue ${s.fiscal.revenue} in ${s.fiscal.revenueYear} growing ${s.fiscal.growth} per year`, `ceiling ${s.fiscal.ceiling} of revenue`,
        ...(s.fiscal.maxExternalShare ? [`max-external-share ${s.fiscal.maxExternalShare}`] : [])];
    parts.push(`fiscal {\n${fiscal.map(l => `    ${l}`).join('\n')}\n}`);
    return parts.join('\n\n') + '\n';
}

export function renderLibrary(l: LibraryModel): string {
    return `${docComment(l.doc)}library ${q(l.title)}\n\n${l.actors.map(renderActor).join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// YAML rendering (the peer): the same plan as plain data
// ---------------------------------------------------------------------------------------------

/** The plan as the data a YAML-based tool would read (see bench/strategy.schema.json). */
export function strategyData(s: StrategyModel): unknown {
    const dropUndefined = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    return dropUndefined({
        strategy: { title: s.title, description: s.doc, country: s.country, period: s.period, currency: s.currency, context: s.context, approach: s.approach },
        imports: s.imports.map(i => i.replace(/\.ssr$/, '.yaml')),
        actors: s.sections.flatMap(x => x.actors).map(a => ({ name: a.name, title: a.title, kind: a.kind, jurisdiction: a.jurisdiction, description: a.doc })),
        phases: s.phases,
        objectives: s.sections.flatMap(x => x.objectives).map(o => ({
            name: o.name, title: o.title, description: o.doc, suppress: o.suppress,
            sector: o.sector, dimensions: o.dimensions, levels: o.levels, lead: o.lead, partners: o.partners, themes: o.themes,
            in: o.in, after: o.after, alongside: o.alongside,
            activities: o.activities, costs: o.costs,
        })),
        benchmarks: s.sections.flatMap(x => x.benchmarks),
        funding: s.sections.flatMap(x => x.funding),
        fiscal: s.fiscal,
    });
}

export function renderStrategyYaml(s: StrategyModel): string {
    return yaml.dump(strategyData(s), { lineWidth: 120 });
}

// ---------------------------------------------------------------------------------------------
// Writing to disk
// ---------------------------------------------------------------------------------------------

export interface WrittenStrategy {
    /** Absolute path of the strategy file. */
    file: string;
    text: string;
    lines: number;
    model: StrategyModel;
    libraries: string[];
}

/** Writes the libraries (if not there yet) and a strategy that imports them into `folder`. */
export function writeStrategy(folder: string, name: string, options: Omit<StrategyOptions, 'imports'> & { split?: 1 | 3 }): WrittenStrategy {
    const libraries = generateLibraries(options.split ?? 1);
    const written: string[] = [];
    for (const library of libraries) {
        const file = path.join(folder, library.path);
        if (!fs.existsSync(file)) {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, renderLibrary(library));
        }
        written.push(file);
    }
    const model = generateStrategyModel({ ...options, imports: libraries.map(l => l.path) });
    const text = renderStrategy(model);
    const file = path.join(folder, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return { file, text, lines: countLines(text), model, libraries: written };
}
