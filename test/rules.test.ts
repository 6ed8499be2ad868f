/**
 * The rulebook at the boundaries RULES.md defines: each rule fires where and as often as
 * specified, and stays silent otherwise. Findings are located by range markers and told apart by
 * their key (test/support/findings.ts). (Every rule's documented example and fix are also run by
 * docs.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { createServices, reset } from './helpers.js';
import { MARKED_HEADER, findingsHelper, type Found } from './support/findings.js';
import { EMPTY_CONFIG } from '../language/config/config.js';
import type { LangiumDocument } from 'langium';

const services = createServices();
const { check, expectFindings, expectNoFindings } = findingsHelper(services);

const ACTORS = `actor ‹NNP› "Police" { kind police }
actor ‹MOJ› "Justice" { kind justice-ministry }
actor ‹MOF› "Finance" { kind finance-ministry }
actor ‹Donor› "Donor" { kind donor }
actor ‹Parl› "Parliament" { kind legislature }
`;
/** The strategy title is marked 'title', each actor's name by itself. */
const BASE = MARKED_HEADER + ACTORS;
const POST_CONFLICT = '    currency USD\n    context post-conflict\n';

describe('rulebook', () => {
    afterEach(() => reset(services));

    describe('sequencing/vetting-before-capability', () => {
        const RULE = 'sequencing/vetting-before-capability';
        const plan = (vettingEnd: string) => `${BASE}
objective P "P" {
    sector policing
    lead NNP
    activity Vet "Vet" {
        type vetting
        from 2026-01 to ${vettingEnd}
    }
    activity ‹Train› "Train" {
        type training
        from 2027-03 to 2027-12
    }
}
`;
        it('does not count a vetting that ends the month the training starts', async () => {
            await expectFindings(plan('2027-03'), RULE, ['Train']);
        });
        it('counts a vetting that ends the month before', async () => {
            await expectNoFindings(plan('2027-02'), RULE);
        });
        it('requires the vetting to target the same actor', async () => {
            const text = plan('2026-06').replace('        type vetting\n', '        type vetting\n        targets MOJ\n');
            await expectFindings(text, RULE, ['Train']);
        });
    });

    describe('sequencing/cycle and sequencing/order', () => {
        it('reports a cycle once, at the last after reference in document order, and not as order', async () => {
            const text = `${BASE}
objective A "A" {
    sector justice
    lead MOJ
    after C
}
objective B "B" {
    sector justice
    lead MOJ
    after A
}
objective C "C" {
    sector justice
    lead MOJ
    after ‹C-after:B›
}
`;
            const [cycle] = await expectFindings(text, 'sequencing/cycle', ['C-after']); // C's 'after B', the last in document order
            assert.ok(cycle.message.includes('A after C after B after A'), `the message lists the cycle: ${cycle.message}`);
            await expectNoFindings(text, 'sequencing/order');
        });
        it('reports an after relation whose target has not ended, and a non-overlapping alongside pair', async () => {
            const text = `${BASE}
objective A "A" {
    sector justice
    lead MOJ
    activity X "X" {
        type policy
        from 2026 to 2027
    }
}
objective B "B" {
    sector justice
    lead MOJ
    after ‹after:A›
    alongside ‹alongside:A›
    activity Y "Y" {
        type policy
        from 2027-12 to 2029
    }
}
`;
            // after A (ends 2027-12, B starts 2027-12); alongside overlaps
            await expectFindings(text, 'sequencing/order', ['after']);
            // after holds now; alongside does not overlap
            await expectFindings(text.replace('from 2027-12 to 2029', 'from 2028-01 to 2029'), 'sequencing/order', ['alongside']);
        });
    });

    describe('sequencing/police-justice', () => {
        const RULE = 'sequencing/police-justice';
        it('names what is missing', async () => {
            const text = `${BASE}
objective ‹P› "P" {
    sector policing
    lead NNP
    activity T "T" {
        type training
        from 2027 to 2028
    }
}
objective J "J" {
    sector justice
    lead MOJ
    activity C "C" {
        type institutional-reform
        from 2029 to 2030
    }
}
`;
            const edits = (f: Found) => (f.fix?.edits ?? []).map(e => e.title);
            // justice starts after the police objective ends; there is no corrections objective
            const [late] = await expectFindings(text, RULE, ['P']);
            assert.deepEqual(edits(late), ['Add justice and corrections objectives alongside P']);
            assert.ok(late.message.includes("the first justice objective, objective 'J', starts only 2029-01") && late.message.includes('there is no corrections objective'), late.message);
            // overlapping is not enough: the courts must have started when the training starts
            const [overlapping] = await expectFindings(text.replace('from 2029 to 2030', 'from 2027-02 to 2030'), RULE, ['P']);
            assert.deepEqual(edits(overlapping), ['Add justice and corrections objectives alongside P']);
            const [inTime] = await expectFindings(text.replace('from 2029 to 2030', 'from 2027-01 to 2030'), RULE, ['P']);
            assert.deepEqual(edits(inTime), ['Add a corrections objective alongside P']);
            assert.ok(inTime.message.includes('no corrections objective') && !inTime.message.includes('justice objective'), inTime.message);
        });
    });

    describe('sequencing/assessment-first', () => {
        const RULE = 'sequencing/assessment-first';
        it('reports only the missing assessment, once, when there is none', async () => {
            await expectFindings(`${BASE}\nobjective P "P" {\n    sector policing\n    lead NNP\n    activity T "T" {\n        type training\n        from 2026 to 2027\n    }\n}\n`, RULE, ['title']);
        });
        it('reports capability activities that start before the earliest-ending assessment ends', async () => {
            const text = `${BASE}\nobjective P "P" {\n    sector policing\n    lead NNP\n    activity A "A" {\n        type assessment\n        from 2026-01 to 2026-06\n    }\n    activity ‹T› "T" {\n        type training\n        from 2026-06 to 2027-12\n    }\n    activity E "E" {\n        type equipment\n        from 2026-07 to 2027-12\n    }\n}\n`;
            await expectFindings(text, RULE, ['T']); // the training overlaps the assessment; the equipment starts after it
        });
    });

    describe('sequencing/legal-before-oversight', () => {
        const RULE = 'sequencing/legal-before-oversight';
        /** An oversight activity from 2028-01 to 2028-12 and a legislation activity over `law`. */
        const plan = (law: string) => `${BASE}\nobjective O "O" {\n    sector oversight\n    lead Parl\n    activity ‹Watch› "Watch" {\n        type oversight\n        from 2028-01 to 2028-12\n    }\n${law ? `    activity Law "Law" {\n        type legislation\n        ${law}\n    }\n` : ''}}\n`;

        it('informs about an oversight activity with no legislation at all, at its name', async () => {
            await expectFindings(plan(''), RULE, [{ at: 'Watch', severity: 'info' }]);
        });
        it('counts legislation that precedes it or overlaps it, up to its last month', async () => {
            for (const law of ['from 2026 to 2026', 'from 2027-06 to 2028-03', 'from 2028-12 to 2029-06']) {
                await expectNoFindings(plan(law), RULE);
                await reset(services);
            }
        });
        it('does not count legislation that starts after it ends', async () => {
            await expectFindings(plan('from 2029-01 to 2029-06'), RULE, ['Watch']);
        });
    });

    describe('sequencing/phase-order and ddr-link', () => {
        it('reports a later stage starting before the earliest phase of an earlier stage, and an activity outside its phase', async () => {
            const text = `${BASE}\nphase ‹Main› "Main" {\n    stage implementation\n    from 2026 to 2028\n}\nphase Prep "Prep" {\n    stage preparatory\n    from 2026-06 to 2026-12\n}\nobjective J "J" {\n    sector justice\n    lead MOJ\n    activity ‹X› "X" {\n        type policy\n        in Prep\n        from 2027 to 2027\n    }\n}\n`;
            await expectFindings(text, 'sequencing/phase-order', ['Main', 'X']);
        });
        it('warns per unlinked DDR objective and informs once when a post-conflict strategy has none', async () => {
            const RULE = 'sequencing/ddr-link';
            const ddr = `${BASE}\nobjective ‹D› "D" {\n    sector ddr\n    lead MOJ\n}\n`;
            await expectFindings(ddr, RULE, [{ at: 'D', severity: 'warning' }]);
            await expectNoFindings(ddr + 'objective F "F" {\n    sector defence\n    lead MOJ\n    alongside D\n}\n', RULE);
            await expectFindings(BASE.replace('    currency USD\n', POST_CONFLICT), RULE, [{ at: 'title', severity: 'info' }]);
        });
    });

    describe('coverage', () => {
        const atTitle = (keys: string[]) => keys.map(key => ({ at: 'title', key }));
        it('reports each missing core sector and dimension at the strategy title, unless the scope is partial', async () => {
            const text = `${BASE}\nobjective P "P" {\n    sector policing\n    dimension institutional\n    lead NNP\n}\n`;
            await expectFindings(text, 'coverage/subsectors', atTitle(['defence', 'justice', 'corrections', 'oversight', 'civil-society', 'public-finance']));
            await expectFindings(text, 'coverage/dimensions', atTitle(['political', 'economic', 'societal']));
            const partial = text.replace('    currency USD\n', '    currency USD\n    scope partial: policing "Police programme"\n');
            await expectNoFindings(partial, 'coverage/subsectors');
            await expectNoFindings(partial, 'coverage/dimensions');
            await expectFindings(partial, 'coverage/gender', ['title']); // other rules still apply to partial programmes
        });
        it('makes intelligence a core sector when an intelligence actor is declared', async () => {
            const text = `${BASE}actor NIS "Intelligence" { kind intelligence }\n`;
            await expectFindings(text, 'coverage/subsectors', atTitle(['defence', 'policing', 'justice', 'corrections', 'oversight', 'civil-society', 'public-finance', 'intelligence']));
        });
        it('hints at an actor nothing refers to, editor only', async () => {
            await expectFindings(BASE, 'coverage/unused-actor', ['NNP', 'MOJ', 'MOF', 'Donor', 'Parl'], { severity: 'hint' });
        });
        it('asks for oversight before or alongside capability for a provider', async () => {
            const RULE = 'coverage/oversight-for-capability';
            const text = `${BASE}\nobjective ‹P› "P" {\n    sector policing\n    lead NNP\n    activity T "T" {\n        type training\n        from 2027 to 2028\n    }\n}\n`;
            await expectFindings(text, RULE, ['P']);
            const later = `${text}objective O "O" {\n    sector justice\n    lead Parl\n    activity L "L" {\n        type legislation\n        from 2029 to 2030\n    }\n}\n`;
            await expectFindings(later, RULE, ['P']); // oversight that starts after does not count
            await expectNoFindings(later.replace('from 2029 to 2030', 'from 2026 to 2026'), RULE); // led by an oversight actor, preceding
        });
    });

    describe('fiscal model and rules', () => {
        const funded = (extra = '') => `${BASE}
objective ‹A› "A" {
    sector policing
    lead NNP
    cost capital 3M from 2027 to 2027
}
objective ‹B› "B" {
    sector justice
    lead MOJ
    cost capital 1M from 2027 to 2028
}
funding Shared "Shared line" {
    from MOF
    instrument national-budget
    amount 2M from 2027 to 2028
    supports A, B
}
${extra}`;
        function model(document: LangiumDocument) {
            return services.model.FiscalModel.get(document, EMPTY_CONFIG);
        }

        it('spreads a single-year range and shares a line in proportion to cost', async () => {
            const { document } = await check(funded());
            const fiscal = model(document);
            const y2027 = fiscal.years.find(y => y.year === 2027)!;
            assert.equal(y2027.capital, 3_500_000, 'A 3M in its single year + B 0.5M');
            assert.equal(y2027.domestic, 1_000_000);
            const [a, b] = [...fiscal.objectives.values()];
            const cents = (x: number) => Math.round(x * 100);
            assert.equal(cents(a.years.get(2027)!.funded), cents(1_000_000 * 3 / 3.5));
            assert.equal(cents(b.years.get(2027)!.funded), cents(1_000_000 * 0.5 / 3.5));
            assert.equal(cents(a.years.get(2027)!.funded + b.years.get(2027)!.funded), cents(1_000_000), 'the shares add up exactly');
            assert.equal(b.years.get(2028)!.funded, 1_000_000, 'in 2028 only B costs anything: the whole line goes to it');
        });

        it('lists each year and amount of a gap in the currency', async () => {
            const found = await expectFindings(funded(), 'fiscal/gap', ['A', 'B']);
            const a = found.find(f => f.at === 'A')!;
            assert.ok(a.message.includes('2027 USD 2,142,857'), a.message);
        });

        it('does not report the cents left over when amounts are spread over years (a gap that rounds to 0)', async () => {
            // 3M over three years is 1,000,000 a year; two lines of 2M and 1M over the same years
            // split 666,666.67 + 666,666.67 + 666,666.66 and 333,333.34 + 333,333.33 + 333,333.33.
            const text = `${BASE}objective ‹J› "J" {\n    sector justice\n    lead MOJ\n    cost capital 3M from 2027 to 2029\n}\n`
                + 'funding F1 "F1" {\n    from MOF\n    instrument national-budget\n    amount 2M from 2027 to 2029\n    supports J\n}\n'
                + 'funding F2 "F2" {\n    from MOF\n    instrument national-budget\n    amount 1M from 2027 to 2029\n    supports J\n}\n';
            const { document } = await check(text);
            const j = [...model(document).objectives.values()][0];
            assert.equal(Math.round(j.years.get(2029)!.gap * 100), 1, 'a cent is left over in the last year');
            await expectNoFindings(text, 'fiscal/gap');
            await expectFindings(text.replace('amount 1M', 'amount 0.9M'), 'fiscal/gap', ['J']);
        });

        it('warns about an objective with costs and no funding line, and not about a funded one', async () => {
            const text = `${BASE}\nobjective ‹A› "A" {\n    sector policing\n    lead NNP\n    cost capital 3M from 2027 to 2029\n}\n`;
            await expectFindings(text, 'fiscal/unfunded', ['A']);
            await expectNoFindings(funded(), 'fiscal/unfunded');
        });

        it('counts national-budget funding from an external actor as domestic', async () => {
            const { document } = await check(funded().replace('    from MOF\n', '    from Donor\n'));
            assert.equal(model(document).totals.external, 0);
        });

        it('grows revenue by the rate each year and computes the ceiling', async () => {
            const { document } = await check(funded('fiscal {\n    revenue 100M in 2026 growing 10% per year\n    ceiling 10% of revenue\n}\n'));
            const fiscal = model(document);
            assert.equal(fiscal.years.find(y => y.year === 2028)!.affordable, 12_100_000);
        });

        it('grades instrument restrictions once per line and objective, at the highest severity', async () => {
            const RULE = 'fiscal/instrument-restriction';
            const text = `${BASE}actor AF "Army" { kind armed-forces }
objective D "D" {
    sector defence
    lead AF
    activity T "T" {
        type training
        targets AF, NNP
    }
}
objective P "P" {
    sector policing
    lead NNP
    activity T2 "T2" {
        type training
        targets NNP
    }
}
funding ESF "ESF" {
    from Donor
    instrument ‹ESF:economic-support›
    amount 1M from 2027 to 2027
    supports D, P
}
funding FMF "FMF" {
    from Donor
    instrument ‹FMF:foreign-military-financing›
    amount 1M from 2027 to 2027
    supports P
}
`;
            await expectFindings(text, RULE, [
                { at: 'ESF', key: 'D', severity: 'error' },
                { at: 'ESF', key: 'P', severity: 'warning' },
                { at: 'FMF', key: 'P', severity: 'warning' },
            ]);
            await expectFindings(text.replace('    currency USD\n', POST_CONFLICT), RULE, [
                { at: 'ESF', key: 'D', severity: 'error' },
                { at: 'ESF', key: 'P', severity: 'info' },
                { at: 'FMF', key: 'P', severity: 'warning' },
            ]);
        });

        it('warns when external funding grows during consolidation and when the final external share is too high', async () => {
            const RULE = 'fiscal/donor-taper';
            const text = `${BASE}phase Cons "Consolidation" {\n    stage consolidation\n    from 2029 to 2030\n}
objective A "A" {
    sector policing
    lead NNP
    cost recurrent 4M per year from 2026
}
funding Aid1 "Aid" {
    from Donor
    instrument bilateral-grant
    amount 1M per year from 2026 to 2029
    supports A
}
funding Aid2 "Aid" {
    from Donor
    instrument bilateral-grant
    amount 2M per year from 2030 to 2030
    supports A
}
funding Budget "Budget" {
    from MOF
    instrument national-budget
    amount 1M per year from 2026 to 2030
    supports A
}
`;
            // growth 2029 → 2030 in consolidation, and 67% external in 2030
            await expectFindings(text, RULE, [{ at: 'title', key: '2030' }, { at: 'title', key: 'max-external-share' }]);
            const { document } = await check(text);
            const years = new Map(model(document).years.map(y => [y.year, y]));
            assert.deepEqual([years.get(2029)!.external, years.get(2030)!.external, years.get(2030)!.domestic], [1_000_000, 2_000_000, 1_000_000]);
            const withMax = text + 'fiscal {\n    revenue 100M in 2026 growing 0% per year\n    ceiling 10% of revenue\n    max-external-share 70%\n}\n';
            await expectFindings(withMax, RULE, [{ at: 'title', key: '2030' }]); // the strategy's own maximum applies
        });

        it('checks affordability at the ceiling and recurrent costs after exit', async () => {
            const text = `${BASE}objective A "A" {\n    sector policing\n    lead NNP\n    cost recurrent 20M per year from 2026\n}\nfunding B "B" {\n    from MOF\n    instrument national-budget\n    amount 5M per year from 2026 to 2030\n    supports A\n}\nfiscal {\n    revenue 100M in 2026 growing 0% per year\n    ceiling ‹ceiling:4%› of revenue\n}\n`;
            const [afford] = await expectFindings(text, 'fiscal/affordability', ['ceiling']);
            assert.ok(afford.message.includes('2026 (USD 5,000,000 against USD 4,000,000)'), afford.message);
            const [exit] = await expectFindings(text, 'fiscal/recurrent-after-exit', ['title']);
            assert.ok(exit.message.includes('shortfall of USD 15,000,000'), exit.message);
        });

        it('asks for recurrent costs of what is built and for a fiscal frame', async () => {
            const text = `${BASE}objective ‹A› "A" {\n    sector policing\n    lead NNP\n    activity E "E" {\n        type equipment\n    }\n    cost capital 1M from 2027 to 2027\n}\n`;
            await expectFindings(text, 'fiscal/missing-recurrent', ['A']);
            await expectFindings(text, 'fiscal/no-frame', ['title']);
            await expectNoFindings(text.replace('    cost capital', '    cost recurrent 100K per year from 2028\n    cost capital'), 'fiscal/missing-recurrent');
        });
    });

    describe('monitoring and ownership', () => {
        const objective = `${BASE}\nobjective ‹P› "P" {\n    sector policing\n    lead NNP\n    activity R "R" {\n        type institutional-reform\n        from 2026 to 2028\n    }\n}\n`;
        it('reports benchmarks that are incomplete, flat, input-only or out of period', async () => {
            const text = `${objective}benchmark B "B" {\n    measures P\n    type output\n    baseline 10% in 2025\n    target ‹target:10% by 2031›\n}\nbenchmark ‹C› "C" {\n    measures P\n    type input\n}\n`;
            await expectFindings(text, 'monitoring/flat-target', ['target']);
            await expectFindings(text, 'monitoring/target-outside-period', ['target']);
            await expectFindings(text, 'monitoring/incomplete', ['C']);
            await expectFindings(text, 'monitoring/input-only', ['P']);
            await expectNoFindings(text, 'monitoring/no-benchmark');
            await expectFindings(objective, 'monitoring/no-benchmark', ['P']);
            await expectNoFindings(objective, 'monitoring/input-only'); // no benchmark: only no-benchmark
        });
        it('reports a baseline taken after the objective starts, at the baseline', async () => {
            const text = `${objective}benchmark B "B" {\n    measures P\n    type outcome\n    baseline ‹baseline:10% in 2027›\n    target 20% by 2030\n}\n`;
            await expectFindings(text, 'sequencing/baseline-before-start', ['baseline']);
            await expectNoFindings(text.replace('in 2027', 'in 2026'), 'sequencing/baseline-before-start');
        });
        it('reports an external lead at the lead, and coordination once at the title', async () => {
            const text = `${BASE}\nobjective P "P" {\n    sector policing\n    lead ‹lead:Donor›\n}\n`;
            await expectFindings(text, 'ownership/external-lead', ['lead']);
            await expectFindings(text, 'ownership/coordination', ['title']);
        });
    });

    describe('configuration and suppression', () => {
        /** An objective both ownership/external-lead (at its lead) and monitoring/no-benchmark (at its name) report. */
        const DONOR_LED = 'objective ‹P› "P" {\n    sector policing\n    lead ‹lead:Donor›\n}\n';

        it('suppresses a finding inside the declaration after the comment, with a reason', async () => {
            await expectFindings(`${BASE}\n${DONOR_LED}`, 'ownership/external-lead', ['lead']);
            await expectFindings(`${BASE}\n${DONOR_LED}`, 'monitoring/no-benchmark', ['P']);
            const text = `${BASE}\n// ssr-ignore-next-line ownership/external-lead, monitoring/no-benchmark -- donor-led pilot, measured by the donor\n${DONOR_LED}`;
            await expectNoFindings(text, 'ownership/external-lead');
            await expectNoFindings(text, 'monitoring/no-benchmark');
            await expectNoFindings(text, 'suppression/unused');
        });
        it('of two directives that cover a finding, the outer one hides it and the inner one is unused; each covers only its lines', async () => {
            const objective = (n: number, inner: boolean) => `// ssr-ignore-next-line ownership/external-lead -- pilot ${n}\nobjective P${n} "P" {\n    sector policing\n${inner ? '    ‹comment:// ssr-ignore-next-line ownership/external-lead -- again›\n' : ''}    lead Donor\n}\n`;
            const text = `${BASE}\n${objective(1, true)}${objective(2, false)}objective P3 "P" {\n    sector policing\n    lead ‹lead:Donor›\n}\n`;
            await expectFindings(text, 'ownership/external-lead', ['lead'], { allow: ['suppression/unused'] });
            await expectFindings(text, 'suppression/unused', ['comment']);
        });
        it('skips comment lines and a doc comment between the directive and the declaration it covers', async () => {
            const text = `${BASE}\n// ssr-ignore-next-line ownership/external-lead -- donor-led pilot\n\n/* a block comment */\n/** The pilot. */\n${DONOR_LED}`;
            await expectNoFindings(text, 'ownership/external-lead');
            await expectNoFindings(text, 'suppression/unused');
        });
        it('does not read a directive inside a text in quotes', async () => {
            const text = `${BASE}\nactor Z "// ssr-ignore-next-line ownership/external-lead -- not a comment" { kind police }\n${DONOR_LED}`;
            await expectFindings(text, 'ownership/external-lead', ['lead']);
            await expectNoFindings(text, 'suppression/unused');
        });
        it('finds a directive in text the parser skipped while recovering', async () => {
            const text = `${BASE}\nobjective {{ oops\n‹comment:// ssr-ignore-next-line ownership/externl-lead -- x›\n}}\n`;
            await expectFindings(text, 'suppression/unused', ['comment'], { allow: ['syntax/error', 'structure/missing-field'] });
        });
        it('reports a suppression without a reason and suppresses nothing', async () => {
            const text = `${BASE}\n‹comment:// ssr-ignore-next-line ownership/external-lead›\n${DONOR_LED}`;
            await expectFindings(text, 'ownership/external-lead', ['lead'], { allow: ['suppression/unused'] });
            await expectFindings(text, 'suppression/unused', ['comment']);
        });
        it('reports an unknown rule id in a suppression with a did-you-mean', async () => {
            const [finding] = await expectFindings(`${BASE}‹comment:// ssr-ignore-next-line ownership/externl-lead -- x›\nactor Z "Z" { kind police }\n`, 'suppression/unused', ['comment']);
            assert.ok(finding.message.includes("Did you mean 'ownership/external-lead'"), finding.message);
        });
        it('applies severities from the editor settings, and off', async () => {
            await expectFindings(BASE, 'ownership/coordination', [{ at: 'title', severity: 'warning' }]);
            await expectFindings(BASE, 'coverage/gender', ['title']);
            services.config.ConfigProvider.setEditorOverrides({ 'ownership/coordination': 'error', 'coverage/gender': 'off' });
            try {
                await expectFindings(BASE, 'ownership/coordination', [{ at: 'title', severity: 'error' }]);
                assert.deepEqual((await check(BASE)).of('coverage/gender'), [], 'off: not reported at all');
            } finally {
                services.config.ConfigProvider.setEditorOverrides({});
            }
        });
    });
});
