/**
 * A strategy that uses what LANGUAGE.md section 4 gained for issue 16 — `implements`, a joint
 * lead, `by`, `rolling` and a revenue series — through every feature of the language: the
 * rules it satisfies, formatting, rename and references through `by` and every lead, hover,
 * completion, outline, semantic tokens, code lens, the plan summary (revenue per year to the
 * cent; cost = funded + gap − surplus for every objective), the diff, and the fiscal model's
 * revenue (section 5).
 */
import { strict as assert } from 'node:assert';
import type { LangiumDocument } from 'langium';
import { expectCompletion, highlightHelper } from 'langium/test';
import type { Hover, Location } from 'vscode-languageserver';
import * as ast from '../language/generated/ast.js';
import { revenueCents } from '../language/model/fiscal-model.js';
import { buildSummary, renderMarkdown, renderHtml } from '../language/summary/index.js';
import { diffPlans } from '../language/diff/plan-diff.js';
import { HEADER, createServices, idsOf, parser, reset } from './helpers.js';
import { MARKED_HEADER, applyEdits, findingsHelper, formattedText, quickFixes } from './support/findings.js';

const services = createServices();
const parse = parser(services);
const { expectFindings } = findingsHelper(services);

/** Laid out as the formatter lays it out. */
const PLAN = `strategy "Riverland Police Rebuilding Plan" {
    country "Riverland"
    period from 2026 to 2029
    currency USD
    context post-conflict
    implements "Riverland National Security Policy (2025)"
}

actor UNMR "UN Mission in Riverland" { kind peace-operation }
actor RNP "Riverland National Police" { kind police }
actor MOI "Ministry of the Interior" { kind interior-ministry }
actor MOF "Ministry of Finance" { kind finance-ministry }
actor Acme "Acme Training Ltd" { kind contractor }
actor Audit "National Audit Office" { kind audit-institution }

objective Police "A vetted, trained police" {
    sector policing
    dimension institutional
    lead UNMR, RNP
    partners MOI

    activity Vetting "Vetting of every recruit" {
        type vetting
        rolling
        from 2026-03 to 2028-12
    }
    activity Training "Basic training, intake by intake" {
        type training
        by Acme
        from 2026-03 to 2028-12
    }

    cost capital 9M from 2026 to 2028
    cost recurrent 2.5M per year from 2029
}

objective Patrols "Community patrols" {
    sector policing
    dimension societal
    lead MOI

    activity Beats "Neighbourhood beats" {
        type public-outreach
        targets RNP
        by RNP
        from 2027-01 to 2029-12
    }

    cost recurrent 500K per year from 2027
}

objective ContractOversight "Oversight of contracted training" {
    sector oversight
    dimension political
    lead Audit

    activity ContractAudit "Audit of the training contract" {
        type oversight
        targets Acme
        from 2026-03 to 2028-12
    }
}

funding Mission "UN mission support" {
    from UNMR
    instrument peacekeeping-operations
    amount 12M from 2026 to 2028
    supports Police
}

funding Budget "National budget" {
    from MOF
    instrument national-budget
    amount 1M per year from 2027 to 2029
    supports Police, Patrols
}

fiscal {
    revenue 80M in 2026, 95M in 2029
    ceiling 10% of revenue
}
`;

/** Revenue per year, computed independently (Python's decimal module): 80M × (95/80)^(k/3), to the cent. */
const REVENUE = [80_000_000, 84_716_471.69, 89_711_007.18, 95_000_000];

const offsetOf = (text: string, needle: string, delta = 0) => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, `'${needle}' in the text`);
    return i + delta;
};

async function hover(document: LangiumDocument, offset: number): Promise<string> {
    const result: Hover | undefined = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offset) });
    const contents = result?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

async function format(text: string): Promise<string> {
    const formatted = await formattedText(services, await parse(text));
    await reset(services);
    return formatted;
}

const LANGUAGE_RULE = /^(syntax|reference|structure|taxonomy|suppression)\//;

describe('a plan with implements, a joint lead, by, rolling and a revenue series', () => {
    afterEach(() => reset(services));

    it('parses without a language finding, and satisfies the rules these words speak to', async () => {
        const ids = idsOf(await parse(PLAN));
        assert.deepEqual(ids.filter(id => LANGUAGE_RULE.test(id)), []);
        for (const rule of ['sequencing/policy-before-capability', 'sequencing/vetting-before-capability', 'ownership/contractor-oversight', 'ownership/external-lead', 'ownership/sector-lead-donors']) {
            assert.ok(!ids.includes(rule), `${rule} in ${ids.join(', ')}`);
        }
    });

    describe('formatting', () => {
        it('leaves the laid-out plan as it is', async () => {
            assert.equal(await format(PLAN), PLAN);
        });

        it('lays out the new fields from a plan written on few lines, idempotently', async () => {
            const messy = PLAN.replace(/\n\n/g, '\n').replace(/\n +/g, ' ').replace(/ \}/g, '}');
            const once = await format(messy);
            assert.equal(once.replace(/\s+/g, ''), PLAN.replace(/\s+/g, ''), 'only whitespace changed');
            assert.equal(await format(once), once, 'idempotent');
            for (const line of ['\n    implements "Riverland National Security Policy (2025)"\n', '\n    lead UNMR, RNP\n', '\n        rolling\n', '\n        by Acme\n', '\n    revenue 80M in 2026, 95M in 2029\n']) {
                assert.ok(once.includes(line), `${JSON.stringify(line)} in\n${once}`);
            }
        });
    });

    describe('references and rename', () => {
        it('finds an actor where it is a joint lead, a target and an implementer', async () => {
            const document = await parse(PLAN);
            const locations: Location[] = await services.lsp.ReferencesProvider!.findReferences(document, { textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offsetOf(PLAN, 'actor RNP', 6)), context: { includeDeclaration: true } });
            const texts = locations.map(l => document.textDocument.getText(l.range));
            assert.deepEqual(texts, ['RNP', 'RNP', 'RNP', 'RNP']);
            const lines = locations.map(l => PLAN.split('\n')[l.range.start.line].trim());
            assert.deepEqual(lines, ['actor RNP "Riverland National Police" { kind police }', 'lead UNMR, RNP', 'targets RNP', 'by RNP']);
        });

        for (const [from, at] of [['the implementer', 'by RNP'], ['the joint lead', 'lead UNMR, RNP']] as const) {
            it(`renames an actor everywhere, starting from ${from}`, async () => {
                const document = await parse(PLAN);
                const offset = offsetOf(PLAN, at, at.length - 1);
                const edit = await services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offset), newName: 'LNP' });
                const renamed = applyEdits(PLAN, edit!.changes![document.textDocument.uri]);
                assert.ok(!/\bRNP\b/.test(renamed), renamed);
                for (const line of ['actor LNP "Riverland National Police"', 'lead UNMR, LNP\n', 'targets LNP\n', 'by LNP\n']) assert.ok(renamed.includes(line), line);
                await reset(services);
                assert.deepEqual(idsOf(await parse(renamed)).filter(id => LANGUAGE_RULE.test(id)), []);
            });
        }
    });

    describe('hover and completion', () => {
        it('explains rolling, implements, by, a joint lead and a revenue series in terms of the rules', async () => {
            const document = await parse(PLAN);
            assert.match(await hover(document, offsetOf(PLAN, 'rolling', 2)), /intake by intake[\s\S]*vetting-before-capability/);
            assert.match(await hover(document, offsetOf(PLAN, 'implements', 2)), /adopted national security policy[\s\S]*policy-before-capability/);
            assert.match(await hover(document, offsetOf(PLAN, 'by Acme', 1)), /carries the activity out[\s\S]*contractor-oversight/);
            assert.match(await hover(document, offsetOf(PLAN, 'lead UNMR', 1)), /joint lead/);
            assert.match(await hover(document, offsetOf(PLAN, 'revenue 80M', 1)), /geometric|constant yearly rate/);
            assert.doesNotMatch(await hover(document, offsetOf(PLAN, 'of revenue', 4)), /constant yearly rate/, 'the revenue of the ceiling is another word');
        });

        it('shows an activity\'s implementer and rolling, and an objective\'s joint lead, in the hover of the declaration', async () => {
            const document = await parse(PLAN);
            assert.match(await hover(document, offsetOf(PLAN, 'activity Training', 10)), /carried out by: Acme/);
            assert.match(await hover(document, offsetOf(PLAN, 'activity Vetting', 10)), /rolling: done intake by intake/);
            assert.match(await hover(document, offsetOf(PLAN, 'activity Vetting', 10)), /targets: the objective's leads \(UNMR, RNP\)/);
            assert.match(await hover(document, offsetOf(PLAN, 'objective Police', 11)), /joint lead: UNMR, RNP/);
        });

        it('offers rolling and by inside an activity, with what they mean', async () => {
            const text = PLAN.replace('        rolling\n', '        <|>\n');
            await expectCompletion(services)({
                text, index: 0, disposeAfterCheck: true,
                assert: completions => {
                    const rolling = completions.items.find(i => i.label === 'rolling');
                    const by = completions.items.find(i => i.label === 'by');
                    assert.ok(rolling && by, completions.items.map(i => i.label).join(', '));
                    assert.match((rolling.documentation as { value: string }).value, /intake by intake/);
                    assert.match((by.documentation as { value: string }).value, /carries the activity out/);
                },
            });
        });

        it('offers actors after by', async () => {
            const text = PLAN.replace('        by Acme\n', '        by <|>\n');
            await expectCompletion(services)({
                text, index: 0, disposeAfterCheck: true,
                assert: completions => {
                    const labels = completions.items.map(i => i.label);
                    assert.ok(labels.includes('Acme') && labels.includes('RNP'), labels.join(', '));
                    assert.ok(!labels.includes('Police'), 'only actors');
                },
            });
        });
    });

    it('outlines an activity with its implementer and rolling, and the strategy with the policy it implements', async () => {
        const document = await parse(PLAN);
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.textDocument.uri } });
        assert.match(symbols[0].detail ?? '', /implements Riverland National Security Policy \(2025\)/);
        const police = symbols.find(s => s.name === 'Police')!;
        assert.deepEqual(police.children?.map(c => c.detail), ['Vetting of every recruit · rolling', 'Basic training, intake by intake · by Acme']);
    });

    it('highlights the actors named by every lead and by by', async () => {
        const tokens = await highlightHelper(services)(PLAN);
        const texts = tokens.tokens.map(t => `${PLAN.slice(t.offset, t.offset + t.text.length)}:${t.tokenType}`);
        assert.equal(texts.filter(t => t === 'RNP:class').length, 4, 'declaration, joint lead, target, implementer');
        assert.equal(texts.filter(t => t === 'Acme:class').length, 3, 'declaration, by, target');
        assert.equal(texts.filter(t => t === 'UNMR:class').length, 3, 'declaration, joint lead, funding source');
    });

    it('shows an objective\'s surplus and the final year\'s revenue in the code lenses', async () => {
        const document = await parse(PLAN);
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.textDocument.uri } });
        const titles = lenses?.map(l => l.command?.title) ?? [];
        assert.match(titles[0] ?? '', /^Cost USD 11,500,000 · funded USD 14,547,619 · gap USD 1,666,667 · surplus USD 4,714,286$/);
        assert.equal(titles[titles.length - 1], '2029: recurrent USD 3,000,000 · domestic USD 1,000,000 · revenue USD 95,000,000 · ceiling USD 9,500,000');
    });

    describe('plan summary', () => {
        it('shows the revenue of every year from the series, to the cent, in the fiscal projection and the JSON', async () => {
            const document = await parse(PLAN);
            const summary = buildSummary(services, document, 'plan.ssr');
            assert.deepEqual(summary.years.map(y => y.revenue), REVENUE);
            assert.deepEqual(summary.years.map(y => y.affordable), [8_000_000, 8_471_647.17, 8_971_100.72, 9_500_000]);
            const markdown = renderMarkdown(summary);
            for (const [i, year] of [2026, 2027, 2028, 2029].entries()) {
                const cents = REVENUE[i].toLocaleString('en-US', { minimumFractionDigits: 2 });
                assert.match(markdown, new RegExp(`\\| ${year} \\|.*\\| ${cents.replace(/[.]/g, '\\.')} \\|`), `${year}: ${cents}`);
            }
            assert.ok(renderHtml(summary).includes('<td class="num">84,716,471.69</td>'));
        });

        it('shows cost = funded + gap − surplus for every objective, and the figures add up', async () => {
            const document = await parse(PLAN);
            const summary = buildSummary(services, document, 'plan.ssr');
            const markdown = renderMarkdown(summary);
            const cents = (text: string) => Math.round(Number(text.replace(/,/g, '')) * 100);
            for (const o of summary.objectives) {
                assert.ok(Math.abs(o.cost - (o.funded + o.gap - o.surplus)) < 0.005, `${o.name}: ${o.cost} = ${o.funded} + ${o.gap} − ${o.surplus}`);
                const line = new RegExp(`### ${o.name} [\\s\\S]*?- Cost USD ([\\d,.]+) = funded USD ([\\d,.]+) \\+ gap USD ([\\d,.]+) − surplus USD ([\\d,.]+)\\n`).exec(markdown);
                assert.ok(line, `the balance of ${o.name} in\n${markdown}`);
                const [cost, funded, gap, surplus] = line.slice(1).map(cents);
                assert.equal(cost, funded + gap - surplus, `${o.name} as printed: ${line[0]}`);
            }
            const police = summary.objectives.find(o => o.name === 'Police')!;
            assert.ok(police.surplus > 0 && police.gap > 0, 'a surplus in some years and a gap in others');
        });

        it('lists joint leads, implementers and rolling activities, in Markdown and JSON', async () => {
            const document = await parse(PLAN);
            const summary = buildSummary(services, document, 'plan.ssr');
            const police = summary.objectives.find(o => o.name === 'Police')!;
            assert.deepEqual(police.leads, ['UNMR', 'RNP']);
            assert.deepEqual(police.activities.map(a => [a.name, a.by, a.rolling]), [['Vetting', undefined, true], ['Training', 'Acme', false]]);
            assert.equal(summary.strategy.implements, 'Riverland National Security Policy (2025)');
            const markdown = renderMarkdown(summary);
            assert.match(markdown, /- Joint lead: UNMR, RNP; partners: MOI\n/);
            assert.match(markdown, /1\. Vetting — Vetting of every recruit \(vetting, 2026-03 to 2028-12, rolling\)/);
            assert.match(markdown, /2\. Training — Basic training, intake by intake \(training, 2026-03 to 2028-12, by Acme\)/);
            assert.match(markdown, /\| Implements \| Riverland National Security Policy \(2025\) \|/);
        });
    });

    it('names a lead or an implementer that changes in the diff', async () => {
        const base = await parse(PLAN, 'file:///diff16/base.ssr');
        const head = await parse(PLAN.replace('lead UNMR, RNP', 'lead RNP').replace('        by Acme\n', '        by Audit\n'), 'file:///diff16/head.ssr');
        const diff = diffPlans(services, base, head);
        assert.deepEqual(diff.changed, [
            { kind: 'objective', name: 'Police', fields: [{ field: 'lead', before: 'UNMR, RNP', after: 'RNP' }] },
            { kind: 'activity', name: 'Police.Training', fields: [{ field: 'by', before: 'Acme', after: 'Audit' }] },
        ]);
    });
});

describe('revenue (LANGUAGE.md section 5)', () => {
    afterEach(() => reset(services));

    const fiscalOf = async (fiscal: string, period = 'from 2024 to 2031'): Promise<ast.Fiscal> => {
        const document = await parse(`${HEADER.replace('from 2026 to 2030', period)}fiscal {\n${fiscal}\n    ceiling 10% of revenue\n}\n`);
        return document.parseResult.value.elements.find(ast.isFiscal)!;
    };
    const units = (cents: Map<number, number>) => [...cents].map(([year, c]) => [year, c / 100]);

    it('grows a single year by the rate, and shrinks it before that year', async () => {
        const fiscal = await fiscalOf('    revenue 100M in 2026 growing 10% per year');
        assert.deepEqual(units(revenueCents(fiscal, [2025, 2026, 2027, 2028])), [[2025, 90_909_090.91], [2026, 100_000_000], [2027, 110_000_000], [2028, 121_000_000]]);
    });

    it('interpolates a series geometrically, keeps given years, and stays at the nearest value outside it without growing', async () => {
        const fiscal = await fiscalOf('    revenue 80M in 2026, 95M in 2029');
        assert.deepEqual(units(revenueCents(fiscal, [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031])),
            [[2024, 80_000_000], [2025, 80_000_000], [2026, 80_000_000], [2027, 84_716_471.69], [2028, 89_711_007.18], [2029, 95_000_000], [2030, 95_000_000], [2031, 95_000_000]]);
    });

    it('follows the growth rate outside a series, from the nearest given year', async () => {
        const fiscal = await fiscalOf('    revenue 80M in 2027, 95M in 2028, 99.75M in 2029 growing 5% per year');
        assert.deepEqual(units(revenueCents(fiscal, [2026, 2027, 2028, 2029, 2030])), [[2026, 76_190_476.19], [2027, 80_000_000], [2028, 95_000_000], [2029, 99_750_000], [2030, 104_737_500]]);
    });

    it('the affordability rule judges against the interpolated revenue', async () => {
        // 10% of 84,716,471.69 in 2027 is 8,471,647.17: a domestic 8.48M exceeds it, 8.47M does not.
        const plan = (amount: string) => `${MARKED_HEADER.replace('from 2026 to 2030', 'from 2026 to 2029')}actor MOF "Finance" { kind finance-ministry }
objective O "O" {
    sector public-finance
    lead MOF
    cost capital ${amount} from 2027 to 2027
}
funding B "Budget" {
    from MOF
    instrument national-budget
    amount ${amount} from 2027 to 2027
    supports O
}
fiscal {
    revenue 80M in 2026, 95M in 2029
    ceiling ‹ceiling:10%› of revenue
}
`;
        await expectFindings(plan('8.48M'), 'fiscal/affordability', ['ceiling']);
        await reset(services);
        await expectFindings(plan('8.47M'), 'fiscal/affordability', []);
    });

    it('asks for growing with a single year (structure/missing-field), and its fix resolves it', async () => {
        const text = `${MARKED_HEADER}‹fiscal› {\n    revenue 80M in 2026\n    ceiling 10% of revenue\n}\n`;
        const [finding] = await expectFindings(text, 'structure/missing-field', [{ at: 'fiscal', key: 'growing', severity: 'error' }]);
        const checked = await findingsHelper(services).check(text);
        const action = (await quickFixes(services, checked.document, checked.of('structure/missing-field')[0].diagnostic)).find(a => a.title === "Add 'growing 3% per year'");
        assert.ok(action, finding.message);
        const fixed = applyEdits(checked.text, action.edit!.changes![checked.document.textDocument.uri]);
        assert.match(fixed, /revenue 80M in 2026 growing 3% per year\n/);
        await reset(services);
        assert.deepEqual(idsOf(await parse(fixed)).filter(id => LANGUAGE_RULE.test(id)), []);
    });

    it('does not ask for growing with a series, and reports a series whose years do not increase (structure/bad-range)', async () => {
        await expectFindings(`${MARKED_HEADER}fiscal {\n    revenue 80M in 2026, 90M in 2028\n    ceiling 10% of revenue\n}\n`, 'structure/missing-field', []);
        await reset(services);
        await expectFindings(`${MARKED_HEADER}fiscal {\n    revenue 80M in 2028, 90M in ‹2026›, 95M in 2029\n    ceiling 10% of revenue\n}\n`, 'structure/bad-range', [{ at: '2026', key: 'revenue-2026', severity: 'error' }]);
    });
});
