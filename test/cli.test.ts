/**
 * The command line in process (`run(argv, io)`, the same function the bin calls), and each output
 * format on fixed findings: SARIF validated against the official schema, GitHub escaping, JUnit as
 * XML, GitLab's shape, exit codes 0/1/2, --quiet, --output, --max-warnings, --config, folders,
 * globs and imports. The bundled bin itself is exercised end to end in test/integration.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeData, escapeProperty, github } from '../cli/formats/github.js';
import { junit } from '../cli/formats/junit.js';
import type { FormatInput } from '../cli/formats/types.js';
import { resolvePaths } from '../cli/files.js';
import { COMMANDS } from '../cli/run.js';
import { ssr } from './cli-helpers.js';
import { commandUsage } from '../cli/options.js';
import { HEADER, SHARED, SPEC_EXAMPLES, createServices } from './helpers.js';
import { mark } from './support/findings.js';

type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as new (options: object) => { compile(schema: object): Validator };


const CLEAN_ENOUGH = `${HEADER}
actor NNP "National Police" { kind police }
`;
const { text: WITH_ERROR, marks } = mark(`${HEADER}
actor NNP "National Police" { kind ‹polise› }
`);
/** Where the outputs (1-based) place the taxonomy/unknown-term finding of WITH_ERROR. */
const POLISE = marks.get('polise')!;
const [LINE, COLUMN, END_COLUMN] = [POLISE.start.line + 1, POLISE.start.character + 1, POLISE.end.character + 1];

describe('command line (in process)', () => {
    let dir: string;

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-cli-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    };

    it('exits 0 with warnings only, 1 with an error, and prints the closing count', async () => {
        write('a.ssr', CLEAN_ENOUGH);
        const ok = await ssr(['check', 'a.ssr'], dir);
        assert.equal(ok.code, 0, ok.stderr);
        assert.match(ok.stdout, /warning/);
        assert.match(ok.stdout, /✖ \d+ problems \(0 errors, \d+ warnings, \d+ infos\)/);
        write('b.ssr', WITH_ERROR);
        const bad = await ssr(['check', 'b.ssr'], dir);
        assert.equal(bad.code, 1);
        assert.match(bad.stdout, /^b\.ssr$/m);
        assert.match(bad.stdout, new RegExp(`^ {2}${LINE}:${COLUMN} +error +'polise' is not a known actor kind\\. Did you mean 'police'\\?.*taxonomy/unknown-term$`, 'm'));
    });

    it('applies --max-warnings and --quiet', async () => {
        write('a.ssr', CLEAN_ENOUGH);
        assert.equal((await ssr(['check', 'a.ssr', '--max-warnings', '0'], dir)).code, 1);
        assert.equal((await ssr(['check', 'a.ssr', '--max-warnings', '1000'], dir)).code, 0);
        const quiet = await ssr(['check', 'a.ssr', '--quiet', '--format', 'json'], dir);
        assert.deepEqual(JSON.parse(quiet.stdout), []);
    });

    it('exits 2 with a one-line reason when it cannot run', async () => {
        write('a.ssr', CLEAN_ENOUGH);
        for (const args of [['check', '--bogus'], ['check', '--format', 'xml', 'a.ssr'], ['check', 'missing.ssr'], ['check', 'a.ssr', '--max-warnings', 'many'], ['frobnicate'], ['check', 'a.ssr', '--config', 'none.json']]) {
            const result = await ssr(args, dir);
            assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
            assert.equal(result.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}`);
            assert.match(result.stderr, /^ssr: /);
        }
    });

    it('exits 2 on a broken .ssrrc.json, naming the file and the problem', async () => {
        write('a.ssr', CLEAN_ENOUGH);
        write('.ssrrc.json', '{ "rules": { "coverage/gender": "off", } ');
        const result = await ssr(['check', 'a.ssr'], dir);
        assert.equal(result.code, 2);
        assert.match(result.stderr, /^ssr: invalid configuration: \.ssrrc\.json:1: not valid JSON: /);
    });

    it('exits 2 on an unknown rule id in the config, with a did-you-mean', async () => {
        write('a.ssr', CLEAN_ENOUGH);
        write('.ssrrc.json', JSON.stringify({ rules: { 'coverage/gendre': 'off' } }));
        const result = await ssr(['check', 'a.ssr'], dir);
        assert.equal(result.code, 2);
        assert.match(result.stderr, /unknown rule id 'coverage\/gendre'\. Did you mean 'coverage\/gender'\?/);
    });

    it('uses the nearest .ssrrc.json, or the one given with --config', async () => {
        write('sub/a.ssr', CLEAN_ENOUGH);
        write('.ssrrc.json', JSON.stringify({ rules: { 'coverage/gender': 'error' } }));
        const nearest = JSON.parse((await ssr(['check', 'sub', '--format', 'json'], dir)).stdout) as { ruleId: string; severity: string }[];
        assert.equal(nearest.find(f => f.ruleId === 'coverage/gender')?.severity, 'error');
        write('other.json', JSON.stringify({ rules: { 'coverage/gender': 'off' } }));
        const given = JSON.parse((await ssr(['check', 'sub', '--format', 'json', '--config', 'other.json'], dir)).stdout) as { ruleId: string }[];
        assert.ok(!given.some(f => f.ruleId === 'coverage/gender'));
    });

    it('reports an unparsable file as syntax/error, not a crash', async () => {
        write('broken.ssr', 'strategy "X" {\n  country\n');
        const result = await ssr(['check', 'broken.ssr', '--format', 'json'], dir);
        assert.equal(result.code, 1);
        assert.ok((JSON.parse(result.stdout) as { ruleId: string }[]).some(f => f.ruleId === 'syntax/error'));
    });

    it('checks folders and globs, and loads libraries through imports', async () => {
        write('lib/actors.ssr', 'library "Actors"\n\nactor NNP "National Police" { kind police }\n');
        write('plans/plan.ssr', `${HEADER}\nimport "../lib/actors.ssr"\n\nobjective P "P" {\n    sector policing\n    lead NNP\n}\n`);
        write('plans/deep/other.ssr', WITH_ERROR);
        const folder = JSON.parse((await ssr(['check', 'plans', '--format', 'json'], dir)).stdout) as { file: string; ruleId: string }[];
        assert.ok(!folder.some(f => f.ruleId.startsWith('reference/')), 'the import resolves');
        assert.deepEqual([...new Set(folder.map(f => f.file))].sort(), ['plans/deep/other.ssr', 'plans/plan.ssr']);
        const glob = JSON.parse((await ssr(['check', 'plans/*.ssr', '--format', 'json'], dir)).stdout) as { file: string }[];
        assert.deepEqual([...new Set(glob.map(f => f.file))], ['plans/plan.ssr']);
        const deep = JSON.parse((await ssr(['check', '**/other.ssr', '--format', 'json'], dir)).stdout) as { file: string }[];
        assert.deepEqual([...new Set(deep.map(f => f.file))], ['plans/deep/other.ssr']);
    });

    it('writes --output to the file and nothing to stdout', async () => {
        write('a.ssr', WITH_ERROR);
        const result = await ssr(['check', 'a.ssr', '--format', 'json', '--output', 'out/report.json'], dir);
        assert.equal(result.code, 1);
        assert.equal(result.stdout, '');
        const report = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8')) as Record<string, unknown>[];
        assert.deepEqual(Object.keys(report[0]).sort(), ['column', 'endColumn', 'endLine', 'file', 'fingerprint', 'identity', 'line', 'message', 'ruleId', 'severity']);
        const term = report.find(f => f.ruleId === 'taxonomy/unknown-term');
        assert.deepEqual([term?.line, term?.column, term?.endLine, term?.endColumn], [LINE, COLUMN, LINE, END_COLUMN]);
    });

    it('produces SARIF 2.1.0 that validates against the official schema, with a descriptor per rule', async () => {
        fs.copyFileSync(path.join(SPEC_EXAMPLES, 'eastmarch-police.ssr'), path.join(dir, 'eastmarch.ssr'));
        const result = await ssr(['check', 'eastmarch.ssr', '--format', 'sarif'], dir);
        const sarif = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string }[] }[] };
        const schema = JSON.parse(fs.readFileSync(path.join(SHARED, 'schemas', 'sarif-2.1.0.json'), 'utf8')) as object;
        const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
        const validate = ajv.compile(schema);
        assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5)));
        const ids = createServices().rules.RuleRegistry.ids;
        assert.deepEqual(sarif.runs[0].tool.driver.rules.map(r => r.id), [...ids]);
        assert.ok(sarif.runs[0].results.length >= 17);
    });

    it('produces JUnit XML that parses, one test case per file and rule', async () => {
        fs.copyFileSync(path.join(SPEC_EXAMPLES, 'eastmarch-police.ssr'), path.join(dir, 'eastmarch.ssr'));
        write('clean.ssr', CLEAN_ENOUGH.replace('actor', '// nothing\nactor'));
        const xml = (await ssr(['check', '.', '--format', 'junit'], dir)).stdout;
        assert.equal(XMLValidator.validate(xml), true);
        const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: { testsuite: { '@_name': string; testcase: unknown }[] } };
        assert.equal(parsed.testsuites.testsuite.length, 2);
    });

    it('produces GitLab Code Quality entries', async () => {
        write('a.ssr', WITH_ERROR);
        const entries = JSON.parse((await ssr(['check', 'a.ssr', '--format', 'gitlab'], dir)).stdout) as Record<string, unknown>[];
        for (const entry of entries) {
            assert.equal(typeof entry.description, 'string');
            assert.equal(typeof entry.check_name, 'string');
            assert.match(String(entry.fingerprint), /^[0-9a-f]{64}$/);
            assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(String(entry.severity)));
            const location = entry.location as { path: string; lines: { begin: number } };
            assert.equal(location.path, 'a.ssr');
            assert.equal(typeof location.lines.begin, 'number');
        }
        assert.equal(new Set(entries.map(e => e.fingerprint)).size, entries.length, 'fingerprints are unique');
    });

    it('produces GitHub annotations and a Markdown report', async () => {
        write('a.ssr', WITH_ERROR);
        const annotations = (await ssr(['check', 'a.ssr', '--format', 'github'], dir)).stdout.trim().split('\n');
        assert.ok(annotations.some(l => l.startsWith(`::error file=a.ssr,line=${LINE},col=${COLUMN},endLine=${LINE},endColumn=${END_COLUMN},title=taxonomy/unknown-term::'polise' is not a known actor kind`)), annotations.join('\n'));
        const group = annotations.indexOf('::group::ssr: findings not annotated');
        assert.ok(annotations.slice(0, group < 0 ? undefined : group).every(l => /^::(error|warning|notice) /.test(l)), annotations.join('\n'));
        const markdown = (await ssr(['check', 'a.ssr', '--format', 'markdown'], dir)).stdout;
        assert.match(markdown, /\| errors \| warnings \| infos \|/);
        assert.match(markdown, /\| taxonomy \| 1 \| 0 \| 0 \|/);
        assert.ok(markdown.includes(`- **error** \`taxonomy/unknown-term\` [a.ssr:${LINE}:${COLUMN}](a.ssr#L${LINE})`), markdown);
    });

    it('reports only the findings a baseline file does not have, from any folder, and says how many it holds back', async () => {
        fs.mkdirSync(path.join(dir, '.git')); // the repository root: fingerprints hold paths relative to it
        write('plans/a.ssr', CLEAN_ENOUGH);
        assert.equal((await ssr(['check', 'plans', '--format', 'json', '--output', 'baseline.json'], dir)).code, 0);
        const same = await ssr(['check', '.', '--baseline', '../baseline.json', '--max-warnings', '0'], path.join(dir, 'plans'));
        assert.equal(same.code, 0, same.stdout);
        assert.match(same.stdout, /^✔ No new problems in 1 file\n\d+ findings were already in the baseline \(\.\.\/baseline\.json\) and are not reported\.\n$/);
        write('plans/a.ssr', WITH_ERROR);
        const worse = await ssr(['check', 'plans', '--baseline', 'baseline.json', '--format', 'json'], dir);
        assert.equal(worse.code, 1);
        assert.deepEqual((JSON.parse(worse.stdout) as { ruleId: string }[]).map(f => f.ruleId), ['taxonomy/unknown-term']);
        assert.match(worse.stderr, /^ssr: \d+ findings were already in the baseline \(baseline\.json\) and are not reported\.\n$/);
        write('bad.json', '[{"file": "a.ssr"}]');
        const bad = await ssr(['check', 'plans', '--baseline', 'bad.json'], dir);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /is not a report of 'ssr check --format json'/);
    });

    it('lists the rules (table and JSON)', async () => {
        const table = await ssr(['rules'], dir);
        assert.equal(table.code, 0);
        assert.match(table.stdout, /sequencing\/police-justice\s+warning/);
        for (const id of ['sequencing/policy-before-capability', 'ownership/sector-lead-donors', 'ownership/contractor-oversight']) assert.match(table.stdout, new RegExp(`${id}\\s+warning`));
        const json = JSON.parse((await ssr(['rules', '--format', 'json'], dir)).stdout) as { id: string; severity: string; family: string; docs: string }[];
        assert.equal(json.length, createServices().rules.RuleRegistry.ids.length);
        assert.ok(json.every(r => r.docs.endsWith(`${r.id}.md`) && r.family === r.id.split('/')[0]));
    });

    it('writes a summary (md, html, json) and refuses to overwrite the strategy', async () => {
        fs.copyFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), path.join(dir, 'northland.ssr'));
        assert.match((await ssr(['summary', 'northland.ssr'], dir)).stdout, /^# Northland Security Sector Reform Strategy/);
        assert.match((await ssr(['summary', 'northland.ssr', '--format', 'html'], dir)).stdout, /^<!DOCTYPE html>/);
        assert.equal(JSON.parse((await ssr(['summary', 'northland.ssr', '--format', 'json'], dir)).stdout).totals.cost, 35_000_000);
        const refused = await ssr(['summary', 'northland.ssr', '--output', 'northland.ssr'], dir);
        assert.equal(refused.code, 2);
        assert.equal(fs.readFileSync(path.join(dir, 'northland.ssr'), 'utf8'), fs.readFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), 'utf8'));
    });
});

describe('output formats (in-process)', () => {
    const input: FormatInput = {
        version: '1.0.0', color: false, rules: createServices().rules.RuleRegistry.all,
        files: [{
            path: 'dir,x/a:b%.ssr', repoPath: 'dir,x/a:b%.ssr', root: '/repo',
            findings: [{ ruleId: 'fiscal/gap', severity: 'warning', message: 'Gap: 2027 USD 1,000 (100%)\nsecond line', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, path: 'objective:P', identity: 'fiscal/gap@objective:P' }],
        }],
    };

    it('escapes GitHub workflow commands as the actions toolkit does', () => {
        assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
        assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
        assert.equal(github(input), '::warning file=dir%2Cx/a%3Ab%25.ssr,line=1,col=1,endLine=1,endColumn=6,title=fiscal/gap::Gap: 2027 USD 1,000 (100%25)%0Asecond line\n');
    });

    it('annotates line-level findings first, and past the cap prints one notice and the rest in a log group', () => {
        const finding = (n: number, path: string, severity: 'warning' | 'info' = 'warning') => ({ ruleId: `r/${n}`, severity, message: `m${n}`, range: { start: { line: n, character: 0 }, end: { line: n, character: 1 } }, path, identity: `r/${n}@${path}` });
        const findings = [...Array.from({ length: 6 }, (_, i) => finding(i, 'strategy')), ...Array.from({ length: 6 }, (_, i) => finding(10 + i, `objective:O${i}`)), finding(30, 'strategy', 'info')];
        const lines = github({ ...input, files: [{ path: 'p.ssr', repoPath: 'sub/p.ssr', root: '/repo', findings }] }).trim().split('\n');
        const warnings = lines.filter(l => l.startsWith('::warning '));
        assert.equal(warnings.length, 10);
        assert.ok(warnings.every(l => l.startsWith('::warning file=sub/p.ssr,')), 'paths relative to the repository');
        for (let i = 0; i < 6; i++) assert.ok(warnings.some(l => l.includes(`title=r/${10 + i}::`)), 'every line-level warning');
        assert.ok(lines.includes('::notice file=sub/p.ssr,line=31,col=1,endLine=31,endColumn=2,title=r/30::m30'));
        const notice = lines.find(l => l.startsWith('::notice title=ssr%3A 2 findings not annotated::'));
        assert.ok(notice, lines.join('\n'));
        assert.match(notice, /Not annotated: 2 warnings\./);
        assert.deepEqual(lines.slice(lines.indexOf('::group::ssr: findings not annotated')), ['::group::ssr: findings not annotated', 'sub/p.ssr:5:1: warning r/4: m4', 'sub/p.ssr:6:1: warning r/5: m5', '::endgroup::']);
        const fewer = github({ ...input, maxAnnotations: 3, files: [{ path: 'p.ssr', repoPath: 'p.ssr', root: '/repo', findings }] });
        assert.equal(fewer.split('\n').filter(l => l.startsWith('::warning ')).length, 3);
    });

    it('escapes XML in JUnit', () => {
        const xml = junit({ ...input, files: [{ path: '<a&b>.ssr', repoPath: '<a&b>.ssr', root: '/repo', findings: [{ ...input.files[0].findings[0], message: '<script>"x" & \'y\'</script>' }] }] });
        assert.equal(XMLValidator.validate(xml), true);
        assert.ok(!xml.includes('<script>'));
    });

    it('resolves globs with the syntax users know: **, *, ?, {a,b}', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-glob-'));
        for (const f of ['a/b/c/d.ssr', 'a/x.ssr', 'a/y.ssr', 'a/b/notes.txt', 'a/node_modules/m.ssr', 'a/.hidden/h.ssr']) {
            fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
            fs.writeFileSync(path.join(dir, f), '');
        }
        const rel = (patterns: string[]) => resolvePaths(patterns, dir).map(f => path.relative(dir, f).split(path.sep).join('/'));
        assert.deepEqual(rel(['a/**/*.ssr']), ['a/b/c/d.ssr', 'a/x.ssr', 'a/y.ssr'], 'no node_modules, no hidden folders');
        assert.deepEqual(rel(['a/*.ssr']), ['a/x.ssr', 'a/y.ssr']);
        assert.deepEqual(rel(['a/?.ssr']), ['a/x.ssr', 'a/y.ssr']);
        assert.deepEqual(rel(['a/{x,b/c/d}.ssr']), ['a/b/c/d.ssr', 'a/x.ssr']);
        assert.deepEqual(rel(['a']), ['a/b/c/d.ssr', 'a/x.ssr', 'a/y.ssr'], 'a folder is searched like **/*.ssr');
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('writes its usage from the option table', async () => {
        const help = await ssr(['--help'], os.tmpdir());
        for (const command of COMMANDS) {
            assert.ok(help.stdout.includes(commandUsage(command)), `usage of ${command.name}`);
            for (const option of command.options) assert.ok(help.stdout.includes(`--${option.name}`), `--${option.name} of ${command.name}`);
        }
        const check = await ssr(['check', '--help'], os.tmpdir());
        assert.equal(check.code, 0);
        assert.match(check.stdout, /--format stylish\|json\|sarif\|github\|junit\|gitlab\|markdown/);
    });
});
