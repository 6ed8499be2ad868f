/**
 * The rulebook at the boundaries RULES.md defines: each rule fires where and as often as
 * specified, and stays silent otherwise. (Every rule's documented example and fix are also run by
 * docs.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { HEADER, createServices, findingsOf, parser, reset } from './helpers.js';
import { EMPTY_CONFIG } from '../language/config/config.js';
import type { LangiumDocument } from 'langium';

const services = createServices();
const parse = parser(services);

async function check(text: string) {
    const document = await parse(text);
    return { document, findings: findingsOf(document) };
}
async function of(text: string, ruleId: string) {
    return (await check(text)).findings.filter(f => f.ruleId === ruleId).map(f => ({ line: f.range.start.line + 1, severity: f.severity, message: f.message }));
}

const ACTORS = `actor NNP "Police" { kind police }
actor MOJ "Justice" { kind justice-ministry }
actor MOF "Finance" { kind finance-ministry }
actor Donor "Donor" { kind donor }
actor Parl "Parliament" { kind legislature }
`;
const BASE = HEADER + ACTORS; // strategy title on line 1, actors on lines 6-10

describe('rulebook', () => {
    afterEach(() => reset(services));

    describe('sequencing/vetting-before-capability', () => {
        const plan = (vettingEnd: string) => `${BASE}
objective P "P" {
    sector policing
    lead NNP
    activity Vet "Vet" {
        type vetting
        from 2026-01 to ${vettingEnd}
    }
    activity Train "Train" {
        type training
        from 2027-03 to 2027-12
    }
}
`;
        it('does not count a vetting that ends the month the training starts', async () => {
            const found = await of(plan('2027-03'), 'sequencing/vetting-before-capability');
            assert.equal(found.length, 1);
            assert.equal(found[0].line, 19, 'at the training activity');
        });
        it('counts a vetting that ends the month before', async () => {
            assert.deepEqual(await of(plan('2027-02'), 'sequencing/vetting-before-capability'), []);
        });
        it('requires the vetting to target the same actor', async () => {
            const text = plan('2026-06').replace('        type vetting\n', '        type vetting\n        targets MOJ\n');
            assert.equal((await of(text, 'sequencing/vetting-before-capability')).length, 1);
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
    after B
}
`;
            const cycles = await of(text, 'sequencing/cycle');
            assert.equal(cycles.length, 1);
            assert.equal(cycles[0].line, 25, "at C's 'after B', the last in document order");
            assert.match(cycles[0].message, /A after C after B after A/);
            assert.deepEqual(await of(text, 'sequencing/order'), []);
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
    after A
    alongside A
    activity Y "Y" {
        type policy
        from 2027-12 to 2029
    }
}
`;
            const order = await of(text, 'sequencing/order');
            assert.equal(order.length, 1, 'after A (ends 2027-12, B starts 2027-12); alongside overlaps');
            assert.equal(order[0].line, 23);
            const apart = text.replace('from 2027-12 to 2029', 'from 2028-01 to 2029');
            const apartOrder = await of(apart, 'sequencing/order');
            assert.equal(apartOrder.length, 1, 'after holds now; alongside does not overlap');
            assert.match(apartOrder[0].message, /alongside/);
        });
    });

    describe('sequencing/police-justice', () => {
        it('names what is missing', async () => {
            const text = `${BASE}
objective P "P" {
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
            const found = await of(text, 'sequencing/police-justice');
            assert.equal(found.length, 1);
            assert.match(found[0].message, /no justice and no corrections objective/, 'justice starts after the police objective ends');
            const overlapping = await of(text.replace('from 2029 to 2030', 'from 2028 to 2030'), 'sequencing/police-justice');
            assert.match(overlapping[0].message, /no corrections objective/);
            assert.doesNotMatch(overlapping[0].message, /no justice/);
        });
    });

    describe('sequencing/assessment-first', () => {
        it('reports only the missing assessment, once, when there is none', async () => {
            const found = await of(`${BASE}\nobjective P "P" {\n    sector policing\n    lead NNP\n    activity T "T" {\n        type training\n        from 2026 to 2027\n    }\n}\n`, 'sequencing/assessment-first');
            assert.deepEqual(found.map(f => f.line), [1]);
        });
        it('reports capability activities that start before the earliest-ending assessment ends', async () => {
            const text = `${BASE}\nobjective P "P" {\n    sector policing\n    lead NNP\n    activity A "A" {\n        type assessment\n        from 2026-01 to 2026-06\n    }\n    activity T "T" {\n        type training\n        from 2026-06 to 2027-12\n    }\n    activity E "E" {\n        type equipment\n        from 2026-07 to 2027-12\n    }\n}\n`;
            assert.deepEqual((await of(text, 'sequencing/assessment-first')).map(f => f.line), [19], 'the training overlaps the assessment; the equipment starts after it');
        });
    });

    describe('sequencing/phase-order and ddr-link', () => {
        it('reports a later stage starting before the earliest phase of an earlier stage, and an activity outside its phase', async () => {
            const text = `${BASE}\nphase Main "Main" {\n    stage implementation\n    from 2026 to 2028\n}\nphase Prep "Prep" {\n    stage preparatory\n    from 2026-06 to 2026-12\n}\nobjective J "J" {\n    sector justice\n    lead MOJ\n    activity X "X" {\n        type policy\n        in Prep\n        from 2027 to 2027\n    }\n}\n`;
            assert.deepEqual((await of(text, 'sequencing/phase-order')).map(f => f.line), [12, 23]);
        });
        it('warns per unlinked DDR objective and informs once when a post-conflict strategy has none', async () => {
            const ddr = `${BASE}\nobjective D "D" {\n    sector ddr\n    lead MOJ\n}\n`;
            assert.deepEqual((await of(ddr, 'sequencing/ddr-link')).map(f => [f.line, f.severity]), [[12, 'warning']]);
            const linked = ddr + 'objective F "F" {\n    sector defence\n    lead MOJ\n    alongside D\n}\n';
            assert.deepEqual(await of(linked, 'sequencing/ddr-link'), []);
            const postConflict = BASE.replace('    currency USD\n', '    currency USD\n    context post-conflict\n');
            assert.deepEqual((await of(postConflict, 'sequencing/ddr-link')).map(f => [f.line, f.severity]), [[1, 'info']]);
        });
    });

    describe('coverage', () => {
        it('reports each missing core sector and dimension at the strategy title, unless the scope is partial', async () => {
            const text = `${BASE}\nobjective P "P" {\n    sector policing\n    dimension institutional\n    lead NNP\n}\n`;
            const sectors = await of(text, 'coverage/subsectors');
            assert.equal(sectors.length, 6);
            assert.ok(sectors.every(f => f.line === 1));
            assert.equal((await of(text, 'coverage/dimensions')).length, 3);
            const partial = text.replace('    currency USD\n', '    currency USD\n    scope partial: policing "Police programme"\n');
            assert.deepEqual(await of(partial, 'coverage/subsectors'), []);
            assert.deepEqual(await of(partial, 'coverage/dimensions'), []);
            assert.equal((await of(partial, 'coverage/gender')).length, 1, 'other rules still apply to partial programmes');
        });
        it('makes intelligence a core sector when an intelligence actor is declared', async () => {
            const text = `${BASE}actor NIS "Intelligence" { kind intelligence }\n`;
            assert.ok((await of(text, 'coverage/subsectors')).some(f => /intelligence sector/.test(f.message)));
        });
        it('hints at an actor nothing refers to, editor only', async () => {
            const found = await of(BASE, 'coverage/unused-actor');
            assert.equal(found.length, 5);
            assert.ok(found.every(f => f.severity === 'hint'));
        });
        it('asks for oversight before or alongside capability for a provider', async () => {
            const text = `${BASE}\nobjective P "P" {\n    sector policing\n    lead NNP\n    activity T "T" {\n        type training\n        from 2027 to 2028\n    }\n}\n`;
            assert.deepEqual((await of(text, 'coverage/oversight-for-capability')).map(f => f.line), [12]);
            const later = `${text}objective O "O" {\n    sector justice\n    lead Parl\n    activity L "L" {\n        type legislation\n        from 2029 to 2030\n    }\n}\n`;
            assert.equal((await of(later, 'coverage/oversight-for-capability')).length, 1, 'oversight that starts after does not count');
            const before = later.replace('from 2029 to 2030', 'from 2026 to 2026');
            assert.deepEqual(await of(before, 'coverage/oversight-for-capability'), [], 'led by an oversight actor, preceding');
        });
    });

    describe('fiscal model and rules', () => {
        const funded = (extra = '') => `${BASE}
objective A "A" {
    sector policing
    lead NNP
    cost capital 3M from 2027 to 2027
}
objective B "B" {
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
            const found = await of(funded(), 'fiscal/gap');
            assert.equal(found.length, 2);
            assert.match(found[0].message, /2027 USD 2,142,857/);
        });

        it('warns about an objective with costs and no funding line, and not about a funded one', async () => {
            const text = `${BASE}\nobjective A "A" {\n    sector policing\n    lead NNP\n    cost capital 3M from 2027 to 2029\n}\n`;
            assert.deepEqual((await of(text, 'fiscal/unfunded')).map(f => f.line), [12]);
            assert.deepEqual(await of(funded(), 'fiscal/unfunded'), []);
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
    instrument economic-support
    amount 1M from 2027 to 2027
    supports D, P
}
funding FMF "FMF" {
    from Donor
    instrument foreign-military-financing
    amount 1M from 2027 to 2027
    supports P
}
`;
            const found = await of(text, 'fiscal/instrument-restriction');
            assert.deepEqual(found.map(f => [f.line, f.severity]), [[30, 'error'], [30, 'warning'], [36, 'warning']]);
            const postConflict = text.replace('    currency USD\n', '    currency USD\n    context post-conflict\n');
            assert.deepEqual((await of(postConflict, 'fiscal/instrument-restriction')).map(f => f.severity), ['error', 'info', 'warning']);
        });

        it('warns when external funding grows during consolidation and when the final external share is too high', async () => {
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
            const found = await of(text, 'fiscal/donor-taper');
            assert.equal(found.length, 2, 'growth 2029 → 2030 in consolidation, and 67% external in 2030');
            assert.match(found[0].message, /2029 to USD 2,000,000 in 2030/);
            assert.match(found[1].message, /66\.7% of funding is external/);
            const withMax = text + 'fiscal {\n    revenue 100M in 2026\n    ceiling 10% of revenue\n    max-external-share 70%\n}\n';
            assert.equal((await of(withMax, 'fiscal/donor-taper')).length, 1, "the strategy's own maximum applies");
        });

        it('checks affordability at the ceiling and recurrent costs after exit', async () => {
            const text = `${BASE}objective A "A" {\n    sector policing\n    lead NNP\n    cost recurrent 20M per year from 2026\n}\nfunding B "B" {\n    from MOF\n    instrument national-budget\n    amount 5M per year from 2026 to 2030\n    supports A\n}\nfiscal {\n    revenue 100M in 2026\n    ceiling 4% of revenue\n}\n`;
            const afford = await of(text, 'fiscal/affordability');
            assert.deepEqual(afford.map(f => f.line), [24]);
            assert.match(afford[0].message, /2026 \(USD 5,000,000 against USD 4,000,000\)/);
            const exit = await of(text, 'fiscal/recurrent-after-exit');
            assert.match(exit[0].message, /shortfall of USD 15,000,000/);
        });

        it('asks for recurrent costs of what is built and for a fiscal frame', async () => {
            const text = `${BASE}objective A "A" {\n    sector policing\n    lead NNP\n    activity E "E" {\n        type equipment\n    }\n    cost capital 1M from 2027 to 2027\n}\n`;
            assert.deepEqual((await of(text, 'fiscal/missing-recurrent')).map(f => f.line), [11]);
            assert.deepEqual((await of(text, 'fiscal/no-frame')).map(f => f.line), [1]);
            assert.deepEqual(await of(text.replace('    cost capital', '    cost recurrent 100K per year from 2028\n    cost capital'), 'fiscal/missing-recurrent'), []);
        });
    });

    describe('monitoring and ownership', () => {
        const objective = `${BASE}\nobjective P "P" {\n    sector policing\n    lead NNP\n    activity R "R" {\n        type institutional-reform\n        from 2026 to 2028\n    }\n}\n`;
        it('reports benchmarks that are incomplete, flat, input-only or out of period', async () => {
            const text = `${objective}benchmark B "B" {\n    measures P\n    type output\n    baseline 10% in 2025\n    target 10% by 2031\n}\nbenchmark C "C" {\n    measures P\n    type input\n}\n`;
            assert.deepEqual((await of(text, 'monitoring/flat-target')).map(f => f.line), [24]);
            assert.deepEqual((await of(text, 'monitoring/target-outside-period')).map(f => f.line), [24]);
            assert.deepEqual((await of(text, 'monitoring/incomplete')).map(f => f.line), [26]);
            assert.deepEqual((await of(text, 'monitoring/input-only')).map(f => f.line), [12]);
            assert.deepEqual(await of(text, 'monitoring/no-benchmark'), []);
            assert.deepEqual((await of(objective, 'monitoring/no-benchmark')).map(f => f.line), [12]);
            assert.deepEqual(await of(objective, 'monitoring/input-only'), [], 'no benchmark: only no-benchmark');
        });
        it('reports a baseline taken after the objective starts, at the baseline', async () => {
            const text = `${objective}benchmark B "B" {\n    measures P\n    type outcome\n    baseline 10% in 2027\n    target 20% by 2030\n}\n`;
            assert.deepEqual((await of(text, 'sequencing/baseline-before-start')).map(f => f.line), [23]);
            assert.deepEqual(await of(text.replace('in 2027', 'in 2026'), 'sequencing/baseline-before-start'), []);
        });
        it('reports an external lead at the lead, and coordination once at the title', async () => {
            const text = `${BASE}\nobjective P "P" {\n    sector policing\n    lead Donor\n}\n`;
            assert.deepEqual((await of(text, 'ownership/external-lead')).map(f => f.line), [14]);
            assert.deepEqual((await of(text, 'ownership/coordination')).map(f => f.line), [1]);
        });
    });

    describe('configuration and suppression', () => {
        it('suppresses a finding inside the declaration after the comment, with a reason', async () => {
            const text = `${BASE}\n// ssr-ignore-next-line ownership/external-lead, monitoring/no-benchmark -- donor-led pilot, measured by the donor\nobjective P "P" {\n    sector policing\n    lead Donor\n}\n`;
            const { findings } = await check(text);
            assert.ok(!findings.some(f => f.ruleId === 'ownership/external-lead' || f.ruleId === 'monitoring/no-benchmark'));
            assert.ok(!findings.some(f => f.ruleId === 'suppression/unused'));
        });
        it('reports a suppression without a reason and suppresses nothing', async () => {
            const text = `${BASE}\n// ssr-ignore-next-line ownership/external-lead\nobjective P "P" {\n    sector policing\n    lead Donor\n}\n`;
            const { findings } = await check(text);
            assert.ok(findings.some(f => f.ruleId === 'ownership/external-lead'));
            assert.deepEqual(findings.filter(f => f.ruleId === 'suppression/unused').map(f => f.range.start.line + 1), [12]);
        });
        it('reports an unknown rule id in a suppression with a did-you-mean', async () => {
            const found = await of(`${BASE}// ssr-ignore-next-line ownership/externl-lead -- x\nactor Z "Z" { kind police }\n`, 'suppression/unused');
            assert.match(found[0].message, /Did you mean 'ownership\/external-lead'/);
        });
        it('applies severities from the editor settings, and off', async () => {
            services.config.ConfigProvider.setEditorOverrides({ 'ownership/coordination': 'error', 'coverage/gender': 'off' });
            try {
                const { findings } = await check(BASE);
                assert.equal(findings.find(f => f.ruleId === 'ownership/coordination')?.severity, 'error');
                assert.ok(!findings.some(f => f.ruleId === 'coverage/gender'));
            } finally {
                services.config.ConfigProvider.setEditorOverrides({});
            }
        });
    });
});
