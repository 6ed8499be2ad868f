/**
 * The ownership rules (RULES.md "Ownership") at the boundaries the rulebook defines: how many
 * findings, where each points (range markers, test/support/findings.ts), where they stay silent,
 * and their quick fixes, applied and re-checked.
 */
import { strict as assert } from 'node:assert';
import { createServices, idsOf, parser, reset } from './helpers.js';
import { MARKED_HEADER, applyEdits, findingsHelper, quickFixes, type Found } from './support/findings.js';

const services = createServices();
const parse = parser(services);
const { check, expectFindings, expectNoFindings } = findingsHelper(services);

const titles = (f: Found | undefined) => (f?.fix?.edits ?? []).map(e => e.title);

/** The strategy (title marked 'title'), the actors, and `objective O` with `body`; mark the lead in the body where a finding is expected. */
const plan = (actors: string[], body: string) => `${MARKED_HEADER}${actors.map(a => `${a}\n`).join('')}\nobjective O "O" {\n${body}}\n`;

const DONOR = 'actor Donor "Donor" { kind donor }';
const POLICE = 'actor NNP "Police" { kind police }';
const MOI = 'actor MOI "Interior" { kind interior-ministry }';
const MOJ = 'actor MOJ "Justice" { kind justice-ministry }';
const NSC = 'actor NSC "Security council" { kind national-security-council }';
const EXEC = 'actor PM "Prime minister\'s office" { kind executive }';
const UN = 'actor UN "UN mission" { kind peace-operation }';

describe('ownership rules', () => {
    afterEach(() => reset(services));

    describe('ownership/external-lead', () => {
        const RULE = 'ownership/external-lead';

        for (const kind of ['donor', 'international-organization', 'peace-operation', 'contractor']) {
            it(`reports a lead of kind ${kind}, at the lead reference`, async () => {
                const text = plan([`actor X "External" { kind ${kind} }`, POLICE], '    sector policing\n    lead ‹X›\n    partners NNP\n');
                await expectFindings(text, RULE, [{ at: 'X', severity: 'warning' }]);
            });
        }

        it('is silent for a national lead, with or without external partners', async () => {
            for (const actor of [POLICE, MOI, NSC, 'actor C "Civil society" { kind civil-society }', 'actor L "Local" { kind local-government }']) {
                const name = /actor (\w+)/.exec(actor)![1];
                await expectNoFindings(plan([actor, DONOR], `    sector policing\n    lead ${name}\n    partners Donor\n`), RULE);
                await reset(services);
            }
        });

        it('is silent when the lead does not resolve (reference/unresolved reports it)', async () => {
            await expectNoFindings(plan([DONOR], '    sector policing\n    lead Donr\n'), RULE, { allow: ['reference/unresolved'] });
        });

        it('reports once per objective', async () => {
            const text = plan([DONOR, POLICE], '    sector policing\n    lead ‹O:Donor›\n')
                + 'objective O2 "O2" {\n    sector justice\n    lead ‹O2:Donor›\n}\nobjective O3 "O3" {\n    sector justice\n    lead NNP\n}\n';
            await expectFindings(text, RULE, ['O', 'O2']);
        });

        it('offers each national partner as the lead, in order, and never an external partner', async () => {
            const text = plan([DONOR, UN, POLICE, MOI], '    sector policing\n    lead ‹Donor›\n    partners UN, NNP, MOI\n');
            const [finding] = await expectFindings(text, RULE, ['Donor']);
            assert.deepEqual(titles(finding), ['Make NNP the lead', 'Lead jointly with NNP', 'Make MOI the lead', 'Lead jointly with MOI']);
            assert.deepEqual(finding.fix!.edits!.map(e => e.preferred ?? false), [true, false, false, false]);
            assert.deepEqual(finding.fix!.edits!.map(e => e.newText), ['NNP', ', NNP', 'MOI', ', MOI']);
        });

        it('replaces exactly the lead reference', async () => {
            const { document, text, of } = await check(plan([DONOR, POLICE], '    sector policing\n    lead ‹Donor›\n    partners NNP, Donor\n'));
            const finding = of(RULE).find(f => f.at === 'Donor');
            assert.ok(finding, 'reported at the lead');
            const actions = await quickFixes(services, document, finding.diagnostic);
            const action = actions.find(a => a.title === 'Make NNP the lead');
            assert.ok(action, actions.map(a => a.title).join(' | '));
            const fixed = applyEdits(text, action.edit!.changes![document.textDocument.uri]);
            assert.ok(fixed.includes('\n    lead NNP\n    partners NNP, Donor\n'), fixed);
            await reset(services);
            const after = await parse(fixed);
            assert.ok(!idsOf(after).some(id => id === RULE || id.startsWith('syntax/') || id.startsWith('reference/')));
        });

        it('without national partners, offers one national actor of a suitable category for the sector', async () => {
            const cases: [string, string[], string][] = [
                ['policing', [DONOR, MOJ, POLICE, MOI], 'MOI'],
                ['policing', [DONOR, MOJ, POLICE], 'NNP'],
                ['justice', [DONOR, POLICE, MOJ], 'MOJ'],
                ['oversight', [DONOR, POLICE, 'actor Ombud "Ombudsman" { kind ombudsman }'], 'Ombud'],
                ['national-security-policy', [DONOR, POLICE, EXEC, NSC], 'NSC'],
                ['public-finance', [DONOR, POLICE, EXEC], 'PM'],
                ['defence', [DONOR, 'actor C "Civil society" { kind civil-society }', MOJ], 'MOJ'],
                ['defence', [DONOR, 'actor C "Civil society" { kind civil-society }'], 'C'],
            ];
            for (const [sector, actors, expected] of cases) {
                const [finding] = await expectFindings(plan(actors, `    sector ${sector}\n    lead ‹Donor›\n    partners Donor\n`), RULE, ['Donor']);
                assert.deepEqual(titles(finding), [`Make ${expected} the lead`, `Lead jointly with ${expected}`], `${sector} among ${actors.map(a => /actor (\w+)/.exec(a)![1]).join(', ')}`);
                await reset(services);
            }
        });

        it('offers national actors declared in an imported library', async () => {
            await parse(`library "Actors"\n\n${MOI}\n`, 'file:///ws/lib.ssr');
            const text = plan([`import "lib.ssr"`, DONOR], '    sector policing\n    lead ‹Donor›\n');
            const [finding] = await expectFindings(text, RULE, ['Donor'], { uri: 'file:///ws/plan.ssr' });
            assert.deepEqual(titles(finding), ['Make MOI the lead', 'Lead jointly with MOI']);
        });

        it('offers nothing when nothing national exists', async () => {
            const cases = [
                [DONOR, UN],
                [DONOR, UN, 'actor M "Militia" { kind militia }', 'actor R "Regional police" { kind police\n    jurisdiction international }'],
            ];
            for (const actors of cases) {
                const [finding] = await expectFindings(plan(actors, '    sector policing\n    lead ‹Donor›\n    partners UN\n'), RULE, ['Donor']);
                assert.deepEqual(titles(finding), []);
                assert.ok(finding.message.includes('Declare the national institution'), finding.message);
                await reset(services);
            }
        });

        it('is silent for a joint lead with a national actor, and reports a joint lead of external actors at the first lead', async () => {
            await expectNoFindings(plan([DONOR, UN, POLICE], '    sector policing\n    lead Donor, NNP\n'), RULE);
            await reset(services);
            await expectNoFindings(plan([DONOR, UN, POLICE], '    sector policing\n    lead NNP, Donor, UN\n'), RULE);
            await reset(services);
            const [finding] = await expectFindings(plan([DONOR, UN, POLICE], '    sector policing\n    lead ‹Donor›, UN\n    partners NNP\n'), RULE, ['Donor']);
            assert.match(finding.message, /led by 'Donor' and 'UN', all external actors/);
        });

        it('leaves a joint lead with an unresolved name to reference/unresolved', async () => {
            await expectNoFindings(plan([DONOR], '    sector policing\n    lead Donor, Nobody\n'), RULE, { allow: ['reference/unresolved'] });
        });

        for (const [title, expected] of [['Make NNP the lead', 'lead NNP\n'], ['Lead jointly with NNP', 'lead Donor, UN, NNP\n']] as const) {
            it(`fix '${title}' resolves the finding`, async () => {
                const { document, text, of } = await check(plan([DONOR, UN, POLICE], '    sector policing\n    lead ‹Donor›, UN\n    partners NNP\n'));
                const [finding] = of(RULE);
                const action = (await quickFixes(services, document, finding.diagnostic)).find(a => a.title === title);
                assert.ok(action, title);
                const fixed = applyEdits(text, action.edit!.changes![document.textDocument.uri]);
                assert.ok(fixed.includes(`    ${expected}`), fixed);
                await reset(services);
                assert.deepEqual(idsOf(await parse(fixed)).filter(id => id === RULE || /^(syntax|reference)\//.test(id)), [], fixed);
            });
        }
    });

    describe('ownership/coordination', () => {
        const RULE = 'ownership/coordination';

        it('reports once at the strategy title when no NSC or executive leads or partners an objective', async () => {
            const text = plan([NSC, POLICE, MOI], '    sector policing\n    lead NNP\n    partners MOI\n') + 'objective O2 "O2" {\n    sector justice\n    lead MOI\n}\n';
            await expectFindings(text, RULE, [{ at: 'title', severity: 'warning' }]);
        });

        it('points at the strategy keyword when the strategy has no title', async () => {
            const text = plan([POLICE], '    sector policing\n    lead NNP\n').replace('strategy ‹title:"Test"› {', '‹strategy› {');
            await expectFindings(text, RULE, ['strategy']);
        });

        for (const [actor, role] of [[NSC, 'lead'], [NSC, 'partners'], [EXEC, 'lead'], [EXEC, 'partners']]) {
            it(`is silent when a ${/kind ([\w-]+)/.exec(actor)![1]} actor is the ${role}`, async () => {
                const name = /actor (\w+)/.exec(actor)![1];
                const body = role === 'lead' ? `    sector policing\n    lead ${name}\n` : `    sector policing\n    lead NNP\n    partners MOI, ${name}\n`;
                await expectNoFindings(plan([actor, POLICE, MOI], body), RULE);
            });
        }

        it('does not count other management bodies or activity targets', async () => {
            const text = plan([NSC, POLICE, MOI, MOJ], `    sector policing\n    lead MOI\n    partners MOJ\n    activity C "C" {\n        type coordination\n        targets NSC\n    }\n`);
            await expectFindings(text, RULE, ['title']);
        });
    });
    describe('ownership/sector-lead-donors', () => {
        const RULE = 'ownership/sector-lead-donors';
        const USG = 'actor USG "US Government" { kind donor }';
        const UNDP = 'actor UNDP "UNDP" { kind international-organization }';
        const AFN = 'actor AFN "Army" { kind armed-forces }';
        /** An objective of `sector` led by `lead`, with one activity over `range` (or `type`). */
        const objective = (name: string, sector: string, lead: string, range: string, type = 'institutional-reform') =>
            `objective ${name} "${name}" {\n    sector ${sector}\n    lead ${lead}\n    activity ${name}Work "Work" {\n        type ${type}\n        from ${range}\n    }\n}\n`;
        const text = (objectives: string[], actors: string[] = []) => `${MARKED_HEADER}${[USG, UNDP, AFN, POLICE, MOJ, NSC, ...actors].join('\n')}\n${objectives.join('')}`;
        const army = objective('Army', 'defence', 'USG', '2026-01 to 2028-12');
        const courts = objective('Courts', 'justice', 'UNDP', '2027-03 to 2029-12');

        it('reports once, at the strategy title, listing each sector with its lead donor', async () => {
            const [finding] = await expectFindings(text([army, courts]), RULE, [{ at: 'title', severity: 'warning' }]);
            assert.match(finding.message, /defence led by 'USG' and justice led by 'UNDP'/);
        });

        it('lists only the donors whose objectives overlap another donor\'s in another sector', async () => {
            const prisons = objective('Prisons', 'corrections', 'Donor', '2030-01 to 2030-12');
            const [finding] = await expectFindings(text([army, courts, prisons], [DONOR]), RULE, ['title']);
            assert.ok(!finding.message.includes('corrections'), finding.message);
        });

        it('is silent for one donor in several sectors, two donors in one sector, or objectives that do not overlap', async () => {
            await expectNoFindings(text([army, objective('Courts', 'justice', 'USG', '2027-03 to 2029-12')]), RULE);
            await reset(services);
            await expectNoFindings(text([army, objective('Courts', 'defence', 'UNDP', '2027-03 to 2029-12')]), RULE);
            await reset(services);
            await expectNoFindings(text([army, objective('Courts', 'justice', 'UNDP', '2029-01 to 2029-12')]), RULE);
        });

        it('is silent when a donor leads jointly with a national actor', async () => {
            await expectNoFindings(text([army, objective('Courts', 'justice', 'UNDP, MOJ', '2027-03 to 2029-12')]), RULE);
        });

        it('counts national coordination that started in the month the objectives begin to overlap, not the month after', async () => {
            const coordination = (range: string, lead = 'NSC') => objective('Board', 'national-security-policy', lead, range, 'coordination');
            await expectNoFindings(text([army, courts, coordination('2027-03 to 2030-12')]), RULE);
            await reset(services);
            const [finding] = await expectFindings(text([army, courts, coordination('2027-04 to 2030-12')]), RULE, ['title']);
            assert.match(finding.message, /starts only 2027-04/);
            await reset(services);
            // led by a donor, or by a national actor that is not a management body: no national focal point
            await expectFindings(text([army, courts, coordination('2026-01 to 2030-12', 'USG')]), RULE, ['title']);
            await reset(services);
            await expectFindings(text([army, courts, coordination('2026-01 to 2030-12', 'NNP')]), RULE, ['title']);
        });

        it('counts a coordinating management body declared in an imported library', async () => {
            await parse(`library "Actors"\n\nactor PM "Prime minister's office" { kind executive }\n`, 'file:///ws16o/lib.ssr');
            const board = objective('Board', 'national-security-policy', 'PM', '2026-01 to 2030-12', 'coordination');
            await expectNoFindings(`${text([army, courts, board])}import "lib.ssr"\n`, RULE, { uri: 'file:///ws16o/plan.ssr' });
        });

        it('applies to partial programmes too', async () => {
            await expectFindings(text([army, courts]).replace('    currency USD\n', '    currency USD\n    scope partial: defence, justice "Two sectors"\n'), RULE, ['title']);
        });
    });

    describe('ownership/contractor-oversight', () => {
        const RULE = 'ownership/contractor-oversight';
        const ACME = 'actor Acme "Acme Training Ltd" { kind contractor }';
        const PARL = 'actor Parl "Parliament" { kind legislature }';
        const AFN = 'actor AFN "Army" { kind armed-forces }';
        const contract = (by = 'Acme') => `objective Army "Army" {\n    sector defence\n    lead MOJ\n    activity Train "Train" {\n        type training\n        targets AFN\n        by ‹${by}›\n        from 2027-01 to 2027-12\n    }\n}\n`;
        /** A watching activity in an objective led by `lead`. */
        const watch = (range: string, { lead = 'Parl', type = 'oversight', fields = ['targets Acme'] }: { lead?: string; type?: string; fields?: string[] } = {}) =>
            `objective Watch "Watch" {\n    sector oversight\n    lead ${lead}\n    activity Audit "Audit" {\n        type ${type}\n${fields.map(f => `        ${f}\n`).join('')}        from ${range}\n    }\n}\n`;
        const text = (...parts: string[]) => `${MARKED_HEADER}${[ACME, PARL, AFN, MOJ, DONOR].join('\n')}\n${parts.join('')}`;

        it('reports an activity by a contractor nobody national watches, at by', async () => {
            const [finding] = await expectFindings(text(contract()), RULE, [{ at: 'Acme', severity: 'warning' }]);
            assert.match(finding.message, /^Activity 'Train' is carried out by contractor 'Acme'/);
        });

        it('counts national oversight or monitoring that starts by the month the activity ends, not the month after', async () => {
            await expectNoFindings(text(contract(), watch('2027-12 to 2028-06')), RULE);
            await reset(services);
            await expectNoFindings(text(contract(), watch('2026-01 to 2026-06', { type: 'monitoring' })), RULE);
            await reset(services);
            await expectFindings(text(contract(), watch('2028-01 to 2028-06')), RULE, ['Acme']);
        });

        it("does not count a donor's own audit of its contractor, through its lead or its by", async () => {
            await expectFindings(text(contract(), watch('2027-01 to 2027-06', { lead: 'Donor' })), RULE, ['Acme']);
            await reset(services);
            await expectFindings(text(contract(), watch('2027-01 to 2027-06', { fields: ['targets Acme', 'by Donor'] })), RULE, ['Acme']);
            await reset(services);
            // a national implementer in a donor-led objective counts; a joint lead with a national actor too
            await expectNoFindings(text(contract(), watch('2027-01 to 2027-06', { lead: 'Donor', fields: ['targets Acme', 'by Parl'] })), RULE);
            await reset(services);
            await expectNoFindings(text(contract(), watch('2027-01 to 2027-06', { lead: 'Donor, Parl' })), RULE);
        });

        it('does not count oversight that targets something else', async () => {
            await expectFindings(text(contract(), watch('2027-01 to 2027-06', { fields: ['targets AFN'] })), RULE, ['Acme']);
        });

        it('is silent for an activity by a national actor or a donor agency that is not a contractor', async () => {
            await expectNoFindings(text(contract('Donor')), RULE);
            await reset(services);
            await expectNoFindings(text(contract('Parl')), RULE);
        });

        it('knows a contractor declared in an imported library', async () => {
            await parse(`library "Contractors"\n\nactor Bolt "Bolt Security" { kind contractor }\n`, 'file:///ws16c/lib.ssr');
            await expectFindings(`${text(contract('Bolt'))}import "lib.ssr"\n`, RULE, ['Bolt'], { uri: 'file:///ws16c/plan.ssr' });
        });

        it('fix: inserts an oversight activity by a national body that resolves the finding', async () => {
            const { document, text: source, of } = await check(text(contract()));
            const [finding] = of(RULE);
            const action = (await quickFixes(services, document, finding.diagnostic)).find(a => a.title.startsWith('Add an oversight activity'));
            assert.ok(action, 'offered');
            assert.equal(action.title, 'Add an oversight activity targeting Acme, by Parl');
            const fixed = applyEdits(source, action.edit!.changes![document.textDocument.uri]);
            assert.match(fixed, / {4}activity AcmeOversight "[^"]+" \{\n {8}type oversight\n {8}targets Acme\n {8}by Parl\n {8}from 2027-01 to 2027-12\n {4}\}\n\}/);
            await reset(services);
            assert.deepEqual(idsOf(await parse(fixed)).filter(id => id === RULE || /^(syntax|reference|structure)\//.test(id)), [], fixed);
        });

        it('fix: without an oversight body, the objective\'s national lead carries it out; with nothing national, no fix', async () => {
            const noParl = `${MARKED_HEADER}${[ACME, AFN, MOJ, DONOR].join('\n')}\n${contract()}`;
            const [finding] = await expectFindings(noParl, RULE, ['Acme']);
            assert.deepEqual(finding.fix?.edits?.map(e => e.title), ['Add an oversight activity targeting Acme']);
            await reset(services);
            const onlyDonors = `${MARKED_HEADER}${[ACME, DONOR, 'actor UN "UN" { kind peace-operation }'].join('\n')}\n${contract().replace('lead MOJ', 'lead Donor').replace('        targets AFN\n', '        targets UN\n')}`;
            const [none] = await expectFindings(onlyDonors, RULE, ['Acme']);
            assert.equal(none.fix, undefined);
        });
    });
});
