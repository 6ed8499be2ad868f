/**
 * `ssr init` (in process): the flags a script gives, the questions a terminal asks, refusing to
 * overwrite, exit codes; and the skeleton it writes checks with exactly the findings an empty plan
 * deserves — each listed below with the reason it is deserved.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strategySkeleton } from '../language/base/templates.js';
import { ssr } from './cli-helpers.js';

/**
 * What `ssr check --format json` reports for a new strategy, all at the strategy title (line 5,
 * after the doc comment): the plan has no objectives, actors, activities or benchmarks yet.
 */
const EMPTY_PLAN_FINDINGS: [ruleId: string, count: number, why: string][] = [
    ['coverage/subsectors', 7, 'no objective yet in any of the seven core sectors (defence, policing, justice, corrections, oversight, civil-society, public-finance)'],
    ['coverage/dimensions', 4, 'no objective yet has any of the four dimensions'],
    ['coverage/gender', 1, 'no objective with theme gender, no benchmark disaggregated by sex yet'],
    ['coverage/civil-society', 1, 'no civil-society actor takes part in an objective yet'],
    ['ownership/coordination', 1, 'no executive or national security council leads or partners an objective yet'],
    ['sequencing/assessment-first', 1, 'no assessment activity is scheduled yet'],
    ['monitoring/no-perception', 1, 'info: no perception survey or focus group benchmark yet'],
    ['monitoring/no-evaluation', 1, 'info: no monitoring (review, evaluation) activity yet'],
];
/** Only in a post-conflict context: no DDR objective yet (info). */
const POST_CONFLICT_FINDING = 'sequencing/ddr-link';

interface JsonFinding { ruleId: string; severity: string; line: number; column: number }

async function findingsOf(dir: string, file: string): Promise<JsonFinding[]> {
    const result = await ssr(['check', file, '--format', 'json'], dir);
    assert.notEqual(result.code, 2, result.stderr);
    return JSON.parse(result.stdout) as JsonFinding[];
}

function assertEmptyPlan(findings: JsonFinding[], extra: string[] = []): void {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    const want = new Map<string, number>([...EMPTY_PLAN_FINDINGS.map(([id, n]): [string, number] => [id, n]), ...extra.map((id): [string, number] => [id, 1])]);
    assert.deepEqual([...counts].sort(), [...want].sort(), 'exactly the findings an empty plan deserves');
    assert.ok(findings.every(f => f.severity !== 'error'), 'no errors');
    assert.ok(findings.every(f => f.line === 5 && f.column === 10), 'all at the strategy title');
}

describe('ssr init', () => {
    let dir: string;
    beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-init-')); });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('writes a skeleton from flags that checks with only the findings an empty plan deserves', async () => {
        const result = await ssr(['init', '--country', 'Northland', '--period', '2026-2030', '--currency', 'usd'], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /Wrote northland-ssr-strategy\.ssr/);
        const text = fs.readFileSync(path.join(dir, 'northland-ssr-strategy.ssr'), 'utf8');
        assert.match(text, /strategy "Northland Security Sector Reform Strategy 2026–2030" \{/);
        assert.match(text, /period from 2026 to 2030\n {4}currency USD\n\}/);
        assertEmptyPlan(await findingsOf(dir, 'northland-ssr-strategy.ssr'));
    });

    it('adds the context and imports an actor library', async () => {
        fs.mkdirSync(path.join(dir, 'lib'));
        fs.writeFileSync(path.join(dir, 'lib', 'actors.ssr'), 'library "Our actors"\n\nactor NP "National Police" { kind police }\nactor MOJ "Ministry of Justice" { kind justice-ministry }\n');
        const result = await ssr(['init', '--country', 'Côte "Ouest"', '--period', '2027 to 2031', '--currency', 'XOF', '--context', 'post-conflict', '--import', '../lib/actors.ssr', '-o', 'plans/ouest.ssr'], dir);
        assert.equal(result.code, 0, result.stderr);
        const text = fs.readFileSync(path.join(dir, 'plans', 'ouest.ssr'), 'utf8');
        assert.match(text, /country "Côte \\"Ouest\\""/, 'quotes in answers are escaped');
        assert.match(text, /context post-conflict/);
        assert.match(text, /import "\.\.\/lib\/actors\.ssr"/, 'the path is relative to the new file');
        assert.match(result.stdout, /Wrote plans\/ouest\.ssr/);
        const elsewhere = await ssr(['init', '--country', 'Y', '--period', '2027-2031', '--currency', 'XOF', '--import', 'lib/actors.ssr', '-o', 'plans/y.ssr'], dir);
        assert.equal(elsewhere.code, 2);
        assert.match(elsewhere.stderr, /--import 'lib\/actors\.ssr': no such file beside plans\/y\.ssr/);
    });

    it('imports a library relative to the new file and still checks cleanly', async () => {
        fs.mkdirSync(path.join(dir, 'lib'));
        fs.writeFileSync(path.join(dir, 'lib', 'actors.ssr'), 'library "Our actors"\n\nactor NP "National Police" { kind police }\n');
        const result = await ssr(['init', '--country', 'Westland', '--period', '2026-2029', '--currency', 'EUR', '--context', 'post-conflict', '--import', 'lib/actors.ssr'], dir);
        assert.equal(result.code, 0, result.stderr);
        assertEmptyPlan(await findingsOf(dir, 'westland-ssr-strategy.ssr'), [POST_CONFLICT_FINDING]);
    });

    it('refuses to overwrite a file, and leaves it as it was', async () => {
        const file = path.join(dir, 'plan.ssr');
        fs.writeFileSync(file, 'strategy "Mine" { }\n');
        const result = await ssr(['init', '--country', 'X', '--period', '2026-2027', '--currency', 'USD', '--output', 'plan.ssr'], dir);
        assert.equal(result.code, 2);
        assert.match(result.stderr, /^ssr: 'plan\.ssr' exists: ssr init never overwrites a file/);
        assert.equal(fs.readFileSync(file, 'utf8'), 'strategy "Mine" { }\n');
    });

    it('exits 2 with one line for missing or bad answers when not on a terminal', async () => {
        const cases: [string[], RegExp][] = [
            [['init', '--country', 'X'], /missing --period, --currency \(run 'ssr init' on a terminal/],
            [['init', '--country', 'X', '--period', '2030-2026', '--currency', 'USD'], /--period '2030-2026': Give the first and the last year/],
            [['init', '--country', 'X', '--period', '2026-2030', '--currency', 'dollars'], /--currency 'dollars': Give the three-letter currency code/],
            [['init', '--country', 'X', '--period', '2026-2030', '--currency', 'USD', '--context', 'peaceful'], /unknown context 'peaceful'/],
            [['init', '--country', 'X', '--period', '2026-2030', '--currency', 'USD', '--import', 'missing.ssr'], /--import 'missing\.ssr': no such file/],
            [['init', '--country', 'X', '--period', '2026-2030', '--currency', 'USD', '--output', 'plan.txt'], /a strategy is a \.ssr file/],
        ];
        for (const [args, message] of cases) {
            const result = await ssr(args, dir);
            assert.equal(result.code, 2, args.join(' '));
            assert.match(result.stderr, message, args.join(' '));
            assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
        }
        assert.deepEqual(fs.readdirSync(dir), [], 'nothing written');
    });

    it('asks on a terminal, re-asks after a bad answer, offers the libraries it finds', async () => {
        fs.mkdirSync(path.join(dir, 'lib'));
        fs.writeFileSync(path.join(dir, 'lib', 'donor.ssr'), '// the donor\'s standard list\nlibrary "Donor actors"\n\nactor EU "European Union" { kind donor }\n');
        fs.writeFileSync(path.join(dir, 'other.ssr'), 'strategy "Not a library" { }\n');
        const result = await ssr(['init'], dir, {}, { input: ['', 'Eastmarch', '2026/2030', '2026-2030', '', '3', '1'] });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /Country: +Give the country/, 'an empty country is asked again');
        assert.match(result.stdout, /Give the first and the last year/, 'a bad period is asked again');
        assert.match(result.stdout, /Actor libraries here: 1 lib\/donor\.ssr;/, 'only libraries are offered');
        const text = fs.readFileSync(path.join(dir, 'eastmarch-ssr-strategy.ssr'), 'utf8');
        assert.match(text, /country "Eastmarch"\n {4}period from 2026 to 2030\n {4}currency USD\n {4}context fragile\n\}/, 'defaults and the third context');
        assert.match(text, /import "lib\/donor\.ssr"/);
    });

    it('writes the same skeleton the editor\'s New Strategy command writes', async () => {
        const result = await ssr(['init', '--country', 'Northland', '--period', '2026-2030', '--currency', 'USD', '--context', 'fragile'], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(fs.readFileSync(path.join(dir, 'northland-ssr-strategy.ssr'), 'utf8'),
            strategySkeleton({ country: 'Northland', from: 2026, to: 2030, currency: 'USD', context: 'fragile' }));
    });
});
