/**
 * fiscal/instrument-restriction as an engine over restriction records: the built-in US records
 * are data in the form configured ones take, configured records apply like them (sector and
 * activity conditions, context severities), each (funding line, objective) pair is reported once
 * at the highest severity with every restriction met, and hover and SARIF show each one's id and
 * source.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import type { Hover } from 'vscode-languageserver';
import { BUILTIN_VOCABULARY } from '../language/base/taxonomy.js';
import { BUILTIN_RESTRICTIONS } from '../language/config/builtin-restrictions.js';
import { JsonFile } from '../language/config/json.js';
import { ConfigReader } from '../language/config/reader.js';
import { readRestriction } from '../language/config/restrictions.js';
import AjvDraft04 from 'ajv-draft-04';
import { SHARED, createServices } from './helpers.js';
import { ssr } from './cli-helpers.js';
import { MARKED_HEADER, findingsHelper, mark } from './support/findings.js';

type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as new (options: object) => { compile(schema: object): Validator };

const RULE = 'fiscal/instrument-restriction';

describe('fiscal/instrument-restriction: restriction records', () => {
    let dir: string;
    const services = createServices('node');
    const { check, expectFindings, expectNoFindings } = findingsHelper(services);
    let counter = 0;
    const uri = () => URI.file(path.join(dir, `plan${++counter}.ssr`)).toString();

    before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-restrictions-')); });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const configure = (config: object) => {
        fs.writeFileSync(path.join(dir, '.ssrrc.json'), JSON.stringify(config, null, 2));
        services.config.ConfigProvider.clear();
    };

    const EU = {
        taxonomy: {
            instruments: { ndici: { source: 'external', description: 'NDICI-Global Europe' } },
            'actor-kinds': { 'border-police': { category: 'provider', description: 'Border police' } },
        },
        restrictions: [
            {
                id: 'eu/ndici-lethal', instruments: ['ndici'],
                when: [{ activity: { type: ['equipment'], targetCategory: ['provider'] } }],
                severity: 'warning', message: 'NDICI may not finance lethal equipment',
                source: 'Regulation (EU) 2021/947, Article 9',
            },
            {
                id: 'eu/ndici-defence', instruments: ['ndici'],
                when: [{ sector: ['defence'] }],
                severity: 'info', contextSeverity: { 'post-conflict': 'error' },
                message: 'NDICI does not fund defence reform',
            },
            {
                id: 'us/esf-justice', instruments: ['economic-support'],
                when: [{ sector: ['justice', 'defence'] }],
                severity: 'info', message: 'a configured restriction on a built-in instrument',
            },
        ],
    };

    const STRATEGY = `${MARKED_HEADER}actor BP "Border police" { kind border-police }
actor AF "Army" { kind armed-forces }
actor MOD "Ministry of Defence" { kind defence-ministry }
actor EU "EU" { kind donor }
objective Border "Border" {
    sector border-management
    lead BP
    activity Kit "Kit" {
        type equipment
        from 2027 to 2027
    }
}
objective Defence "Defence" {
    sector defence
    lead MOD
    activity Trucks "Trucks" {
        type equipment
        targets AF
        from 2027 to 2027
    }
}
objective Other "Other" {
    sector policing
    lead MOD
}
funding Ndici "NDICI" {
    from EU
    instrument ‹ndici:ndici›
    amount 1M from 2027 to 2027
    supports Border, Defence, Other, Defence
}
funding Esf "ESF" {
    from EU
    instrument ‹esf:economic-support›
    amount 1M from 2027 to 2027
    supports Defence
}
`;

    it('applies configured records: a condition on the targets\' category, a sector, a configured record on a built-in instrument', async () => {
        configure(EU);
        const found = await expectFindings(STRATEGY, RULE, [
            { at: 'ndici', key: 'Border', severity: 'warning' },
            { at: 'ndici', key: 'Defence', severity: 'warning' },
            { at: 'esf', key: 'Defence', severity: 'error' },
        ], { uri: uri() });
        const defence = found.find(f => f.at === 'ndici' && f.key === 'Defence');
        assert.deepEqual(defence?.related?.map(r => [r.id, r.severity]), [['eu/ndici-lethal', 'warning'], ['eu/ndici-defence', 'info']]);
        assert.equal(defence?.related?.[0].source, 'Regulation (EU) 2021/947, Article 9');
        assert.equal(defence?.message,
            "Funding line 'Ndici' (ndici) supports objective 'Defence', which meets 2 restrictions on that instrument: NDICI may not finance lethal equipment (eu/ndici-lethal); NDICI does not fund defence reform (eu/ndici-defence). Use an instrument whose legal authority covers this purpose.");
        const esf = found.find(f => f.at === 'esf');
        assert.deepEqual(esf?.related?.map(r => r.id), ['us/economic-funds-military', 'us/esf-justice']);
        assert.equal(esf?.related?.[0].definedIn, undefined, 'built-in');
        assert.match(esf?.related?.[1].definedIn ?? '', /\.ssrrc\.json$/);
    });

    it('uses a record\'s severity for the strategy\'s context', async () => {
        configure(EU);
        await expectFindings(STRATEGY.replace('    currency USD\n', '    currency USD\n    context post-conflict\n'), RULE, [
            { at: 'ndici', key: 'Border', severity: 'warning' },
            { at: 'ndici', key: 'Defence', severity: 'error' },
            { at: 'esf', key: 'Defence', severity: 'error' },
        ], { uri: uri() });
    });

    it('applies only the built-in records without a configuration, and a configured severity to all', async () => {
        configure({ taxonomy: EU.taxonomy });
        await expectFindings(STRATEGY, RULE, [{ at: 'esf', key: 'Defence', severity: 'error' }], { uri: uri() });
        configure({ ...EU, rules: { [RULE]: 'info' } });
        await expectFindings(STRATEGY, RULE, [
            { at: 'ndici', key: 'Border' }, { at: 'ndici', key: 'Defence' }, { at: 'esf', key: 'Defence' },
        ], { uri: uri(), severity: 'info' });
        configure({ ...EU, taxonomy: { ...EU.taxonomy }, restrictions: [] });
        await expectNoFindings(STRATEGY.replace(/funding Esf[\s\S]*$/, ''), RULE, { uri: uri() });
    });

    it('shows each restriction met, with its id, severity, reason, source and file, on hover', async () => {
        configure(EU);
        const { document, findings } = await check(STRATEGY, { uri: uri() });
        const finding = findings.find(f => f.ruleId === RULE && f.key === 'Defence' && f.at === 'ndici');
        assert.ok(finding);
        const result: Hover | undefined = await services.lsp.HoverProvider?.getHoverContent(document, { textDocument: { uri: document.textDocument.uri }, position: finding.range.start });
        const text = (result?.contents as { value: string } | undefined)?.value ?? '';
        assert.match(text, /\*\*fiscal\/instrument-restriction\*\*/);
        assert.match(text, /- `eu\/ndici-lethal` \(warning\): NDICI may not finance lethal equipment — \*Regulation \(EU\) 2021\/947, Article 9\* \(\.ssrrc\.json\)/);
        assert.match(text, /- `eu\/ndici-defence` \(info\): NDICI does not fund defence reform \(\.ssrrc\.json\)/);
    });

    it('carries each restriction met, with its id and source, in the SARIF result\'s properties', async () => {
        configure(EU);
        fs.writeFileSync(path.join(dir, 'sarif.ssr'), mark(STRATEGY).text);
        const result = await ssr(['check', 'sarif.ssr', '--format', 'sarif'], dir);
        const sarif = JSON.parse(result.stdout) as { runs: { results: { ruleId: string; properties?: { related?: { id: string; severity: string; message: string; source?: string }[] } }[] }[] };
        const schema = JSON.parse(fs.readFileSync(path.join(SHARED, 'schemas', 'sarif-2.1.0.json'), 'utf8')) as object;
        const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);
        assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5)));
        const restricted = sarif.runs[0].results.filter(r => r.ruleId === RULE);
        assert.equal(restricted.length, 3);
        assert.deepEqual(restricted.map(r => r.properties?.related?.map(x => x.id)), [
            ['eu/ndici-lethal'], ['eu/ndici-lethal', 'eu/ndici-defence'], ['us/economic-funds-military', 'us/esf-justice'],
        ]);
        assert.deepEqual(restricted[0].properties?.related?.[0], { id: 'eu/ndici-lethal', severity: 'warning', message: 'NDICI may not finance lethal equipment', source: 'Regulation (EU) 2021/947, Article 9' });
    });

    it('has built-in records in the very form a configuration writes them', () => {
        for (const record of BUILTIN_RESTRICTIONS) {
            const json = new JsonFile('file:///org/us.json', JSON.stringify(record, null, 2));
            const reader = new ConfigReader(json);
            const read = json.root && readRestriction(reader, json.root, 0, BUILTIN_VOCABULARY, new Map());
            assert.deepEqual(reader.problems, [], record.id);
            assert.deepEqual(read, { ...record, definedIn: 'file:///org/us.json' });
        }
    });
});
