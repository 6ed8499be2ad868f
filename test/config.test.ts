/**
 * Configuration beyond severities (RULES.md *Configuration*, LANGUAGE.md 6.8): `extends` chains
 * and how they merge, terms added to the taxonomies and how every reader of terms treats them
 * (validation, completion, hover, the rules, the fiscal model, the code lens, the summary,
 * `ssr rules`), and every kind of bad configuration as a problem at its file and line, with the
 * command line exiting 2 (test/support/config-cases.ts; the editor side is in server.test.ts).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import type { Hover } from 'vscode-languageserver';
import { checkUris } from '../language/check.js';
import { buildSummary } from '../language/summary/index.js';
import { BUILTIN_RESTRICTIONS } from '../language/config/builtin-restrictions.js';
import { HEADER, ROOT, SPEC_EXAMPLES, createServices, findingsOf } from './helpers.js';
import { ssr } from './cli-helpers.js';
import { CONFIG_CASES, lineOf, writeCase } from './support/config-cases.js';

const WESTMOOR = path.join(SPEC_EXAMPLES, 'westmoor');

describe('configuration: extends, added terms, restrictions', () => {
    let dir: string;
    beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-config-')); });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, content: object | string) => {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
        return file;
    };
    const uriIn = (name: string) => URI.file(path.join(dir, name));

    describe('extends', () => {
        it('resolves the westmoor chain: the terms of both files and the configured restriction, without problems', () => {
            const services = createServices('node');
            const config = services.config.ConfigProvider.getConfig(URI.file(path.join(WESTMOOR, 'westmoor.ssr')));
            assert.deepEqual(config.problems, []);
            assert.deepEqual(config.chain.map(f => path.relative(WESTMOOR, URI.parse(f).fsPath)).sort(), ['.ssrrc.json', path.join('org', 'eu-instruments.json')]);
            const ndici = config.vocabulary.find('instrument', 'ndici');
            assert.equal(ndici?.external, true);
            assert.match(ndici?.definition ?? '', /NDICI-Global Europe/);
            assert.equal(URI.parse(ndici?.definedIn ?? '').fsPath, path.join(WESTMOOR, 'org', 'eu-instruments.json'));
            assert.equal(config.vocabulary.category('gender-ministry'), 'management');
            assert.equal(URI.parse(config.vocabulary.find('actorKind', 'gender-ministry')?.definedIn ?? '').fsPath, path.join(WESTMOOR, '.ssrrc.json'));
            assert.deepEqual(config.restrictions.map(r => r.id), [...BUILTIN_RESTRICTIONS.map(r => r.id), 'eu/ndici-lethal']);
            assert.equal(config.restrictions.at(-1)?.source, 'Regulation (EU) 2021/947 (NDICI-Global Europe), Article 9');
        });

        it('reads extended files first, in order, then the file itself: rules and settings override key by key', () => {
            write('org/base.json', { rules: { 'coverage/gender': 'off', 'coverage/dimensions': 'error' }, settings: { 'fiscal.maxExternalShare': 0.3 } });
            write('org/eu.json', { rules: { 'coverage/dimensions': 'info', 'fiscal/no-frame': 'off' } });
            write('.ssrrc.json', { extends: ['org/base.json', 'org/eu.json'], rules: { 'fiscal/no-frame': 'warning' } });
            const config = createServices('node').config.ConfigProvider.getConfig(uriIn('plan.ssr'));
            assert.deepEqual(config.problems, []);
            assert.deepEqual(Object.fromEntries(config.severities), { 'coverage/gender': 'off', 'coverage/dimensions': 'info', 'fiscal/no-frame': 'warning' });
            assert.equal(config.settings.maxExternalShare, 0.3);
        });

        it('reads a file two entries lead to once: no term is defined twice', () => {
            write('org/terms.json', { taxonomy: { instruments: { ndici: { source: 'external', description: 'NDICI' } } } });
            write('org/a.json', { extends: ['terms.json'] });
            write('org/b.json', { extends: ['./terms.json'] });
            write('.ssrrc.json', { extends: ['org/a.json', 'org/b.json'] });
            const config = createServices('node').config.ConfigProvider.getConfig(uriIn('plan.ssr'));
            assert.deepEqual(config.problems, []);
            assert.equal(config.vocabulary.terms('instrument').filter(t => t.id === 'ndici').length, 1);
        });

        it('uses the valid parts of a file that has problems', () => {
            write('.ssrrc.json', {
                rules: { 'coverage/gendre': 'off', 'coverage/gender': 'off' },
                taxonomy: { instruments: { ndici: { source: 'external', description: 'NDICI' }, epf: { source: 'externl', description: 'EPF' } } },
                restrictions: [
                    { id: 'eu/good', instruments: ['ndici'], when: [{ sector: ['defence'] }], severity: 'warning', message: 'no defence' },
                    { id: 'eu/bad', instruments: ['epf'], when: [{ sector: ['defence'] }], severity: 'warning', message: 'no defence' },
                ],
            });
            const config = createServices('node').config.ConfigProvider.getConfig(uriIn('plan.ssr'));
            assert.equal(config.problems.length, 3, config.problems.map(p => p.message).join('\n'));
            assert.equal(config.severities.get('coverage/gender'), 'off');
            assert.ok(config.vocabulary.find('instrument', 'ndici') && !config.vocabulary.find('instrument', 'epf'));
            assert.deepEqual(config.restrictions.filter(r => r.definedIn).map(r => r.id), ['eu/good']);
        });

        it('forgets a chain when one of its files changes, and only then', () => {
            write('org/eu.json', { taxonomy: { instruments: { ndici: { source: 'external', description: 'NDICI' } } } });
            write('.ssrrc.json', { extends: ['org/eu.json'] });
            write('other/.ssrrc.json', {});
            const provider = createServices('node').config.ConfigProvider;
            const plan = uriIn('plan.ssr'), other = uriIn('other/plan.ssr');
            const first = provider.getConfig(plan), unrelated = provider.getConfig(other);
            assert.equal(provider.getConfig(plan), first, 'cached');
            write('org/eu.json', { taxonomy: { instruments: { ndici: { source: 'domestic', description: 'NDICI' } } } });
            assert.deepEqual(provider.invalidate([uriIn('org/eu.json').toString()]), [first]);
            assert.equal(provider.getConfig(other), unrelated);
            assert.equal(provider.getConfig(plan).vocabulary.isDomesticInstrument('ndici'), true);
            assert.ok(provider.isConfigurationFile(uriIn('org/eu.json').toString()));
            assert.ok(!provider.isConfigurationFile(uriIn('package.json').toString()));
        });

        it('picks up a missing extended file once it exists', () => {
            write('.ssrrc.json', { extends: ['org/eu.json'] });
            const provider = createServices('node').config.ConfigProvider;
            assert.equal(provider.getConfig(uriIn('plan.ssr')).problems.length, 1);
            write('org/eu.json', { rules: { 'coverage/gender': 'off' } });
            provider.invalidate([uriIn('org/eu.json').toString()]);
            const config = provider.getConfig(uriIn('plan.ssr'));
            assert.deepEqual(config.problems, []);
            assert.equal(config.severities.get('coverage/gender'), 'off');
        });
    });

    describe('bad configuration: exit 2 and one problem at its file and line', () => {
        for (const configCase of CONFIG_CASES) {
            it(configCase.name, async () => {
                writeCase(dir, configCase);
                const result = await ssr(['check', 'plan.ssr'], dir);
                assert.equal(result.code, 2, result.stdout);
                const lines = result.stderr.trim().split('\n');
                assert.equal(lines.length, 1, `one problem:\n${result.stderr}`);
                const prefix = `ssr: invalid configuration: ${configCase.problem.file}:${lineOf(dir, configCase.problem) + 1}: `;
                assert.ok(lines[0].startsWith(prefix), `${lines[0]}\n  should start with ${prefix}`);
                assert.match(lines[0].slice(prefix.length), configCase.problem.message);
            });
        }

        it('prints a problem of a file several chains read once', async () => {
            write('org/eu.json', { taxonmy: {} });
            write('a/.ssrrc.json', { extends: ['../org/eu.json'] });
            write('b/.ssrrc.json', { extends: ['../org/eu.json'] });
            write('a/plan.ssr', HEADER);
            write('b/plan.ssr', HEADER);
            const result = await ssr(['check', '.'], dir);
            assert.equal(result.code, 2);
            assert.deepEqual(result.stderr.trim().split('\n'), [`ssr: invalid configuration: org/eu.json:2: unknown key "taxonmy"; expected one of "extends", "rules", "settings", "taxonomy", "restrictions", "$schema". Did you mean 'taxonomy'?`]);
        });
    });

    describe('added terms behave like built-in ones', () => {
        const TERMS = {
            taxonomy: {
                'actor-kinds': { 'gender-ministry': { category: 'civil-society', description: 'Ministry for gender equality' } },
                sectors: { cyber: { description: 'Cyber security and its oversight' } },
                'activity-types': { mentoring: { capability: true, description: 'Mentoring serving officers on the job' } },
                themes: { 'climate-security': { description: 'Security risks of climate change' } },
                'benchmark-sources': { 'citizen-scorecard': { perception: true, description: 'Scorecards filled in by citizens' } },
                instruments: {
                    ndici: { source: 'external', description: 'NDICI-Global Europe, the EU\'s external instrument' },
                    'state-transfer': { source: 'domestic', description: 'A transfer from the state\'s own treasury' },
                },
            },
        };
        const STRATEGY = `${HEADER}
actor MGE "Ministry of Gender Equality" { kind gender-ministry }
actor NNP "National Police" { kind police }
actor EU "European Union" { kind donor }

objective Cyber "Cyber oversight" {
    sector cyber
    lead MGE
    themes climate-security
    activity Mentor "Mentoring" {
        type mentoring
        targets NNP
        from 2027 to 2028
    }
    cost capital 2M from 2027 to 2028
    cost recurrent 1M per year from 2029
}

benchmark Trust "Trust" {
    measures Cyber
    type outcome
    source citizen-scorecard
    baseline 20% in 2026
    target 40% by 2030
}

funding EuCyber "EU support" {
    from EU
    instrument ndici
    amount 2M from 2027 to 2028
    supports Cyber
}

funding Treasury "Treasury" {
    from EU
    instrument state-transfer
    amount 1M per year from 2029 to 2030
    supports Cyber
}

fiscal {
    revenue 100M in 2026 growing 2% per year
    ceiling 10% of revenue
}
`;

        async function checked(text = STRATEGY) {
            write('.ssrrc.json', TERMS);
            const file = write('plan.ssr', text);
            const services = createServices('node');
            const [report] = await checkUris(services, [URI.file(file)]);
            return { services, document: report.document, findings: findingsOf(report.document) };
        }
        const offsetOf = (text: string, needle: string, delta = 0) => text.indexOf(needle) + delta;

        it('are valid where their list is, and the did-you-mean considers them', async () => {
            const { findings } = await checked(STRATEGY.replace('instrument ndici', 'instrument ndicl'));
            const unknown = findings.filter(f => f.ruleId === 'taxonomy/unknown-term');
            assert.equal(unknown.length, 1);
            assert.match(unknown[0].message, /^'ndicl' is not a known funding instrument\. Did you mean 'ndici'\?/);
        });

        it('carry their category, source and flags into the rules and the fiscal model', async () => {
            const { services, document, findings } = await checked();
            const ids = new Set(findings.map(f => f.ruleId));
            assert.ok(!ids.has('coverage/civil-society'), 'a gender-ministry of category civil-society partners… leads an objective');
            assert.ok(!ids.has('monitoring/no-perception'), 'citizen-scorecard is a perception source');
            assert.ok(ids.has('sequencing/vetting-before-capability'), 'mentoring is a capability activity on a provider');
            const fiscal = services.model.FiscalModel.get(document);
            assert.equal(fiscal.totals.external, 2_000_000);
            assert.equal(fiscal.totals.domestic, 2_000_000, 'state-transfer is domestic whatever its actor');
        });

        it('are counted by the summary and the code lens', async () => {
            const { services, document } = await checked();
            const summary = buildSummary(services, document, 'plan.ssr');
            assert.deepEqual(summary.counts.actorsByCategory, { 'civil-society': 1, provider: 1, external: 1 });
            assert.ok(Object.keys(summary.coverage).includes('cyber'));
            const lenses = await services.lsp.CodeLensProvider?.provideCodeLens(document, { textDocument: { uri: document.textDocument.uri } });
            assert.deepEqual(lenses?.map(l => l.command?.title), [
                'Cost USD 4,000,000 · funded USD 4,000,000 · gap USD 0',
                '2030: recurrent USD 1,000,000 · domestic USD 1,000,000 · revenue USD 108,243,216 · ceiling USD 10,824,322',
            ]);
        });

        it('are completed with their description and the file that adds them', async () => {
            const { services, document } = await checked(STRATEGY.replace('instrument ndici', 'instrument '));
            const text = document.textDocument.getText();
            const position = document.textDocument.positionAt(offsetOf(text, 'instrument \n', 11));
            const list = await services.lsp.CompletionProvider?.getCompletion(document, { textDocument: { uri: document.textDocument.uri }, position });
            const item = list?.items.find(i => i.label === 'ndici');
            assert.ok(item, `ndici is offered: ${list?.items.map(i => i.label).join(', ')}`);
            assert.equal(item.detail, 'funding instrument · .ssrrc.json');
            assert.match((item.documentation as { value: string }).value, /^NDICI-Global Europe, the EU's external instrument\n\n\*Added by `\.ssrrc\.json`\*$/);
            assert.ok(list?.items.some(i => i.label === 'incle'), 'built-in terms too');
        });

        it('are explained on hover', async () => {
            const { services, document } = await checked();
            const text = document.textDocument.getText();
            const hover = async (offset: number) => {
                const result: Hover | undefined = await services.lsp.HoverProvider?.getHoverContent(document, { textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offset) });
                return (result?.contents as { value: string } | undefined)?.value ?? '';
            };
            assert.match(await hover(offsetOf(text, 'kind gender-ministry', 8)), /^\*\*gender-ministry\*\* — actor kind \(category: civil-society\)\n\nMinistry for gender equality\n\n\*Added by `\.ssrrc\.json`\*/);
            assert.match(await hover(offsetOf(text, 'instrument state-transfer', 13)), /\(domestic source\)/);
            assert.match(await hover(offsetOf(text, 'type mentoring', 7)), /\(capability activity\)/);
        });

        it('are listed by ssr rules, with the restrictions', async () => {
            write('.ssrrc.json', { ...TERMS, restrictions: [{ id: 'eu/ndici-lethal', instruments: ['ndici'], when: [{ activity: { type: ['equipment'] } }], severity: 'warning', message: 'no lethal equipment', source: 'NDICI Regulation, Article 9' }] });
            const json = await ssr(['rules', '--format', 'json'], dir);
            assert.equal(json.code, 0, json.stderr);
            const rules = JSON.parse(json.stdout) as { id: string; restrictions?: { id: string; source?: string; definedIn?: string }[]; terms?: Record<string, { id: string; definedIn: string }[]> }[];
            const restriction = rules.find(r => r.id === 'fiscal/instrument-restriction');
            assert.deepEqual(restriction?.restrictions?.map(r => r.id), [...BUILTIN_RESTRICTIONS.map(r => r.id), 'eu/ndici-lethal']);
            assert.equal(restriction?.restrictions?.at(-1)?.definedIn, '.ssrrc.json');
            const terms = rules.find(r => r.id === 'taxonomy/unknown-term')?.terms;
            assert.deepEqual(terms?.['funding instrument']?.map(t => t.id), ['ndici', 'state-transfer']);
            const table = await ssr(['rules'], dir);
            assert.match(table.stdout, /us\/economic-funds-military/);
            assert.match(table.stdout, /eu\/ndici-lethal .*\.ssrrc\.json/);
            assert.match(table.stdout, /funding instrument: ndici, state-transfer \(\.ssrrc\.json\)/);
        });
    });

    describe('documentation', () => {
        const page = (name: string) => fs.readFileSync(path.join(ROOT, 'docs', name), 'utf8');
        const jsonBlocks = (text: string) => [...text.matchAll(/```json\n([\s\S]*?)```/g)].map(m => JSON.parse(m[1]) as Record<string, unknown>);

        it('lists every built-in restriction on the rule page', () => {
            const text = page('rules/fiscal/instrument-restriction.md');
            for (const record of BUILTIN_RESTRICTIONS) {
                const row = text.split('\n').find(line => line.startsWith(`| \`${record.id}\` |`));
                assert.ok(row, `${record.id} has a row`);
                for (const instrument of record.instruments) assert.ok(row.includes(`\`${instrument}\``), `${record.id}: ${instrument}`);
                assert.ok(row.includes(`| ${record.severity}`), `${record.id}: ${record.severity}`);
            }
        });

        it('shows configurations that have no problems', () => {
            const blocks = [...jsonBlocks(page('configuration.md')), ...jsonBlocks(page('rules/fiscal/instrument-restriction.md'))];
            assert.ok(blocks.length >= 5);
            blocks.forEach((block, i) => {
                const own = Object.fromEntries(Object.entries(block).filter(([key]) => key !== 'extends'));
                write(`doc${i}/.ssrrc.json`, own);
                const config = createServices('node').config.ConfigProvider.getConfig(uriIn(`doc${i}/plan.ssr`));
                assert.deepEqual(config.problems.map(p => p.message), [], JSON.stringify(block));
            });
        });
    });

    it('lists the built-in restrictions in ssr rules --format json without a configuration', async () => {
        const result = await ssr(['rules', '--format', 'json'], dir);
        const rule = (JSON.parse(result.stdout) as { id: string; restrictions?: unknown[] }[]).find(r => r.id === 'fiscal/instrument-restriction');
        assert.deepEqual(rule?.restrictions, BUILTIN_RESTRICTIONS);
    });
});
