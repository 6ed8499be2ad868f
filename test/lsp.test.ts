/**
 * Editor features through the language services: completion, hover, definition, references,
 * rename across an import, symbols, folding, semantic tokens, formatting and quick fixes.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { expectCompletion, expectFoldings, highlightHelper, textDocumentParams } from 'langium/test';
import type { CodeAction, Diagnostic, Hover, Location, TextEdit } from 'vscode-languageserver';
import { HEADER, SPEC_EXAMPLES, createServices, findingsOf, idsOf, parser, reset } from './helpers.js';
import { isPending } from './pending-examples.js';
import { applyEdits, formattedText, quickFixes as sharedQuickFixes } from './support/findings.js';

const services = createServices();
const parse = parser(services);

const STRATEGY = `${HEADER}
actor NNP "Northland National Police" { kind police }
actor MOJ "Ministry of Justice" { kind justice-ministry }

phase Main "Main implementation" {
    stage implementation
    from 2027 to 2029
}

/** Community policing across all provinces. */
objective PoliceReform "Accountable police" {
    sector policing
    lead NNP
    in Main
    activity Vetting "Vet serving officers" {
        type vetting
    }
}

objective Courts "Courts" {
    sector justice
    lead MOJ
    after PoliceReform.Vetting
}
`;

const offsetOf = (text: string, needle: string, delta = 0) => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, `'${needle}' in text`);
    return i + delta;
};

async function hover(document: LangiumDocument, offset: number): Promise<string> {
    const result: Hover | undefined = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offset) });
    const contents = result?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

const quickFixes = (document: LangiumDocument, diagnostic: Diagnostic) => sharedQuickFixes(services, document, diagnostic);

function editsOf(action: CodeAction, document: LangiumDocument): TextEdit[] {
    return action.edit?.changes?.[document.textDocument.uri] ?? [];
}

describe('editor features', () => {
    afterEach(() => reset(services));

    describe('completion', () => {
        it('offers only actors after lead', async () => {
            const text = STRATEGY.replace('    lead MOJ\n', '    lead <|>\n');
            await expectCompletion(services)({ text, index: 0, expectedItems: ['NNP', 'MOJ'], disposeAfterCheck: true });
        });

        it('offers the taxonomy terms with their definitions at a term position', async () => {
            const text = `${HEADER}actor X "X" { kind <|> }\n`;
            const items: string[] = [];
            await expectCompletion(services)({
                text, index: 0, disposeAfterCheck: true,
                assert: completions => {
                    items.push(...completions.items.map(i => i.label));
                    const police = completions.items.find(i => i.label === 'police');
                    assert.ok(police, 'police is offered');
                    assert.match((police.documentation as { value: string }).value, /\w+/);
                    assert.ok(!completions.items.some(i => i.label === 'X'), 'no names at a term position');
                },
            });
            assert.ok(items.includes('judiciary') && items.includes('donor') && items.includes('legislature'));
            assert.ok(!items.includes('policing'), 'sectors are not actor kinds');
        });

        it('offers objectives and activities after after', async () => {
            const text = STRATEGY.replace('    after PoliceReform.Vetting\n', '    after <|>\n');
            await expectCompletion(services)({
                text, index: 0, disposeAfterCheck: true,
                assert: completions => {
                    const labels = completions.items.map(i => i.label);
                    assert.ok(labels.includes('PoliceReform') && labels.includes('Vetting'));
                    assert.ok(!labels.includes('NNP') && !labels.includes('Main'));
                },
            });
        });
    });

    describe('hover', () => {
        it('shows title, doc comment and key facts of a referenced objective', async () => {
            const document = await parse(STRATEGY);
            const value = await hover(document, offsetOf(STRATEGY, 'objective PoliceReform', 12));
            assert.match(value, /objective/);
            assert.match(value, /Accountable police/);
            assert.match(value, /Community policing across all provinces/);
            assert.match(value, /lead: NNP/);
        });

        it('shows a term definition', async () => {
            const document = await parse(STRATEGY);
            const value = await hover(document, offsetOf(STRATEGY, 'kind police', 6));
            assert.match(value, /\*\*police\*\*/);
            assert.match(value, /provider/);
        });

        it("shows a finding's rule explanation", async () => {
            const text = `${HEADER}actor X "X" { kind polise }\n`;
            const document = await parse(text);
            const value = await hover(document, offsetOf(text, 'polise', 2));
            assert.match(value, /taxonomy\/unknown-term/);
            assert.match(value, /docs\/rules\/taxonomy\/unknown-term\.md/);
        });

        it('shows the yearly amounts of a funding line', async () => {
            const text = `${HEADER}actor MOF "MOF" { kind finance-ministry }\nobjective O "O" {\n    sector policing\n    lead MOF\n    cost capital 3M from 2027 to 2029\n}\nfunding F "F" {\n    from MOF\n    instrument national-budget\n    amount 3M from 2027 to 2029\n    supports O\n}\n`;
            const document = await parse(text);
            const value = await hover(document, offsetOf(text, 'amount 3M', 8));
            assert.match(value, /\| 2027 \| USD 1,000,000 \|/);
            assert.match(value, /\| 2029 \| USD 1,000,000 \|/);
        });
    });

    describe('navigation and rename across an import', () => {
        async function twoFiles() {
            const library = await parse('library "Actors"\n\nactor NNP "National Police" { kind police }\n', 'file:///ws/lib/actors.ssr');
            const text = `${HEADER}import "lib/actors.ssr"\n\nobjective P "P" {\n    sector policing\n    lead NNP\n    partners NNP\n}\n`;
            const strategy = await parse(text, 'file:///ws/plan.ssr');
            await services.shared.workspace.DocumentBuilder.build([library, strategy], { validation: true });
            return { library, strategy, text };
        }

        it('goes to the definition in the library', async () => {
            const { strategy, text } = await twoFiles();
            const links = await services.lsp.DefinitionProvider!.getDefinition(strategy, { textDocument: { uri: strategy.textDocument.uri }, position: strategy.textDocument.positionAt(offsetOf(text, 'lead NNP', 6)) });
            assert.equal(links?.[0]?.targetUri, 'file:///ws/lib/actors.ssr');
        });

        it('finds references across files', async () => {
            const { library } = await twoFiles();
            const locations: Location[] = await services.lsp.ReferencesProvider!.findReferences(library, { textDocument: { uri: library.textDocument.uri }, position: library.textDocument.positionAt(offsetOf(library.textDocument.getText(), 'NNP')), context: { includeDeclaration: true } });
            assert.equal(locations.length, 3);
        });

        it('renames an actor in the library and the strategy', async () => {
            const { library, strategy, text } = await twoFiles();
            const edit = await services.lsp.RenameProvider!.rename(strategy, { textDocument: { uri: strategy.textDocument.uri }, position: strategy.textDocument.positionAt(offsetOf(text, 'lead NNP', 6)), newName: 'Police' });
            const libraryText = applyEdits(library.textDocument.getText(), edit!.changes![library.textDocument.uri]);
            const strategyText = applyEdits(text, edit!.changes![strategy.textDocument.uri]);
            assert.match(libraryText, /actor Police "National Police"/);
            assert.match(strategyText, /lead Police\n {4}partners Police/);
        });

        it('renames an activity inside a qualified reference, keeping the qualifier', async () => {
            const document = await parse(STRATEGY);
            const edit = await services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offsetOf(STRATEGY, 'activity Vetting', 10)), newName: 'Screening' });
            const renamed = applyEdits(STRATEGY, edit!.changes![document.textDocument.uri]);
            assert.match(renamed, /activity Screening "Vet/);
            assert.match(renamed, /after PoliceReform\.Screening/);
        });
    });

    it('shows code lenses with cost, funding and gap, and the final fiscal year', async () => {
        const text = `${HEADER}actor MOF "MOF" { kind finance-ministry }\nobjective O "O" {\n    sector policing\n    lead MOF\n    cost capital 3M from 2027 to 2029\n    cost recurrent 1M per year from 2030\n}\nfunding F "F" {\n    from MOF\n    instrument national-budget\n    amount 2M from 2027 to 2028\n    supports O\n}\nfiscal {\n    revenue 100M in 2026 growing 0% per year\n    ceiling 10% of revenue\n}\n`;
        const document = await parse(text);
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.textDocument.uri } });
        assert.deepEqual(lenses?.map(l => l.command?.title), [
            'Cost USD 4,000,000 · funded USD 2,000,000 · gap USD 2,000,000',
            '2030: recurrent USD 1,000,000 · domestic USD 0 · revenue USD 100,000,000 · ceiling USD 10,000,000',
        ]);
    });

    it('outlines objectives containing their activities', async () => {
        const document = await parse(STRATEGY);
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(document, textDocumentParams(document));
        const names = symbols.map(s => s.name);
        assert.deepEqual(names, ['Test', 'NNP', 'MOJ', 'Main', 'PoliceReform', 'Courts']);
        const police = symbols.find(s => s.name === 'PoliceReform')!;
        assert.deepEqual(police.children?.map(c => c.name), ['Vetting']);
        assert.equal(police.detail, 'Accountable police');
    });

    it('folds blocks and doc comments', async () => {
        await expectFoldings(services)({
            text: '<|strategy "T" {\n    country "X"|>\n}\n<|/**\n * Doc|>\n */\n<|actor A "A" {\n    kind police|>\n}\n',
            disposeAfterCheck: true,
        });
    });

    it('highlights declaration names, references and terms semantically', async () => {
        const tokens = await highlightHelper(services)(STRATEGY);
        const texts = tokens.tokens.map(t => `${STRATEGY.slice(t.offset, t.offset + t.text.length)}:${t.tokenType}`);
        assert.ok(texts.includes('NNP:class'), 'actor name');
        assert.ok(texts.includes('police:enumMember'), 'term');
        assert.ok(texts.includes('PoliceReform:namespace'), 'objective name');
        assert.ok(texts.some(t => t.startsWith('2027:number')), 'year');
    });

    describe('formatting', () => {
        async function format(text: string): Promise<string> {
            const formatted = await formattedText(services, await parse(text));
            await reset(services);
            return formatted;
        }
        const squash = (s: string) => s.replace(/\s+/g, '');

        for (const file of fs.readdirSync(SPEC_EXAMPLES).filter(f => f.endsWith('.ssr') && !isPending(f))) {
            it(`is idempotent, keeps comments and changes only whitespace on ${file}`, async () => {
                const text = fs.readFileSync(path.join(SPEC_EXAMPLES, file), 'utf8');
                const once = await format(text);
                assert.equal(squash(once), squash(text), 'only whitespace changed');
                assert.equal(await format(once), once, 'idempotent');
                const document = await parse(once);
                assert.ok(!idsOf(document).includes('syntax/error'), 'still parses');
            });
        }

        it('on a document with a parse error, formats only the declarations that parsed and leaves the findings as they were', async () => {
            const broken = `strategy "T" { country "X"  period from 2026 to 2030 currency USD }\nactor   A "A" {kind police}\nobjective O "O" { sector policing lead A\n activity V "V" { type vetting `;
            const formatted = await format(broken);
            assert.equal(formatted, `strategy "T" {\n    country "X"\n    period from 2026 to 2030\n    currency USD\n}\nactor A "A" { kind police }\nobjective O "O" { sector policing lead A\n activity V "V" { type vetting `);
            const findings = async (text: string) => { const d = await parse(text); const f = findingsOf(d).map(x => `${x.ruleId} ${x.message}`).sort(); await reset(services); return f; };
            assert.deepEqual(await findings(formatted), await findings(broken));
            assert.equal(await format(formatted), formatted, 'idempotent');
        });

        it('on a document with several parse errors, formats each declaration that parsed between them', async () => {
            const clean = (n: number) => `actor   A${n} "A" {kind police}\n`;
            const broken = (n: number) => `actor B${n} "B" { kind }\n`;
            const text = `${clean(1)}${broken(1)}${clean(2)}${clean(3)}${broken(2)}${clean(4)}`;
            const formatted = await format(text);
            const tidy = (n: number) => `actor A${n} "A" { kind police }\n`;
            assert.equal(formatted, `${tidy(1)}${broken(1)}${tidy(2)}${tidy(3)}${broken(2)}${tidy(4)}`);
        });

        it('lays out a messy declaration', async () => {
            const messy = `strategy   "T"{country "X"\nperiod   from 2026 to 2030\n        currency USD}\n\n\n\nactor A "A" { kind police }\n// keep me\nobjective O "O" {sector policing lead A\n  activity V "V" {type vetting}\n}\n`;
            const formatted = await format(messy);
            assert.equal(formatted, `strategy "T" {\n    country "X"\n    period from 2026 to 2030\n    currency USD\n}\n\nactor A "A" { kind police }\n// keep me\nobjective O "O" {\n    sector policing\n    lead A\n    activity V "V" {\n        type vetting\n    }\n}\n`);
        });
    });

    describe('quick fixes', () => {
        async function fixAndRecheck(text: string, ruleId: string, pick: (a: CodeAction) => boolean, reason?: string): Promise<string> {
            const document = await parse(text);
            const before = idsOf(document).filter(id => id === ruleId).length;
            const diagnostic = document.diagnostics!.find(d => d.code === ruleId);
            assert.ok(diagnostic, `${ruleId} is reported`);
            const actions = await quickFixes(document, diagnostic);
            const action = actions.find(pick);
            assert.ok(action, `a quick fix among: ${actions.map(a => a.title).join(' | ')}`);
            let fixed = applyEdits(text, editsOf(action, document));
            if (reason) fixed = fixed.replace(/-- \n/, `-- ${reason}\n`);
            await reset(services);
            const after = await parse(fixed);
            assert.ok(!idsOf(after).includes('syntax/error'), `the fixed text parses:\n${fixed}`);
            assert.equal(idsOf(after).filter(id => id === ruleId).length, before - 1, `the ${ruleId} finding is gone:\n${fixed}`);
            return fixed;
        }

        it('replaces an unknown term with the suggestion', async () => {
            await fixAndRecheck(`${HEADER}actor A "A" { kind polise }\n`, 'taxonomy/unknown-term', a => a.title === "Replace with 'police'");
        });

        it('replaces an unresolved name with the suggestion', async () => {
            await fixAndRecheck(STRATEGY.replace('lead MOJ', 'lead MOJJ'), 'reference/unresolved', a => a.title === "Replace with 'MOJ'");
        });

        it('inserts a missing field', async () => {
            const fixed = await fixAndRecheck(STRATEGY.replace('    sector justice\n', ''), 'structure/missing-field', a => a.title.startsWith("Add 'sector"));
            assert.match(fixed, /after PoliceReform\.Vetting\n {4}sector policing\n}/);
        });

        it('inserts a missing field into a one-line declaration', async () => {
            await fixAndRecheck(`${HEADER}actor A "A" { kind police }\nobjective O "O" { lead A }\n`, 'structure/missing-field', a => a.title.startsWith("Add 'sector"));
        });

        it('removes an unused suppression', async () => {
            const fixed = await fixAndRecheck(`${HEADER}// ssr-ignore-next-line coverage/gender -- not relevant\nactor A "A" { kind police }\n`, 'suppression/unused', a => a.title === 'Remove this comment');
            assert.ok(!fixed.includes('ssr-ignore'));
        });

        it('ignores a finding here (above the doc comment) once a reason is written', async () => {
            const text = STRATEGY.replace('        type vetting\n    }\n', '        type vetting\n    }\n    activity Build "B" {\n        type training\n        from 2027 to 2028\n    }\n');
            const fixed = await fixAndRecheck(text, 'sequencing/vetting-before-capability', a => a.title === 'Ignore sequencing/vetting-before-capability here', 'vetted by the justice ministry');
            assert.match(fixed, / {4}\/\/ ssr-ignore-next-line sequencing\/vetting-before-capability -- vetted by the justice ministry\n {4}activity Build/);
        });

        it('ignores a finding on a declaration with a doc comment above the comment', async () => {
            const text = STRATEGY.replace('/** Community', '/** Community').replace('    lead NNP\n', '    lead NNP\n    partners MOJ\n');
            const fixed = await fixAndRecheck(text, 'monitoring/no-benchmark', a => a.title === 'Ignore monitoring/no-benchmark here', 'measured by the justice benchmarks');
            assert.match(fixed, /\/\/ ssr-ignore-next-line monitoring\/no-benchmark -- measured by the justice benchmarks\n\/\*\* Community/);
        });

        it('inserts a benchmark skeleton', async () => {
            await fixAndRecheck(STRATEGY, 'monitoring/no-benchmark', a => a.title === 'Add a benchmark for PoliceReform');
        });

        it('inserts the missing baseline of a benchmark', async () => {
            const text = `${STRATEGY}\nbenchmark B "B" {\n    measures PoliceReform\n    type outcome\n    target 50% by 2030\n}\n`;
            await fixAndRecheck(text, 'monitoring/incomplete', a => a.title.startsWith("Add 'baseline"));
        });

        it('makes a national partner the lead', async () => {
            const text = `${HEADER}actor D "Donor" { kind donor }\nactor N "Police" { kind police }\nobjective O "O" {\n    sector policing\n    lead D\n    partners N\n}\n`;
            const fixed = await fixAndRecheck(text, 'ownership/external-lead', a => a.title === 'Make N the lead');
            assert.match(fixed, /lead N\n/);
        });

        it('inserts paired justice and corrections objectives', async () => {
            const text = STRATEGY.replace('        type vetting\n', '        type training\n');
            const document = await parse(text);
            const diagnostic = document.diagnostics!.find(d => d.code === 'sequencing/police-justice')!;
            const actions = await quickFixes(document, diagnostic);
            assert.ok(actions.some(a => a.title === 'Add a corrections objective alongside PoliceReform'));
            await reset(services);
            const after = await parse(applyEdits(text, actions.filter(a => a.title.startsWith('Add a')).flatMap(a => editsOf(a, document))));
            assert.ok(!idsOf(after).includes('sequencing/police-justice'), 'both pairs inserted: the finding is gone');
            assert.ok(!idsOf(after).includes('syntax/error'));
        });
    });
});

