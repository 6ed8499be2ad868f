/**
 * A short seeded run of the fuzzer (issue 15, "Never break on half-written text"; harness in
 * test/fuzz/, long runs with `npm run fuzz`). It asserts the properties of docs/reliability.md;
 * the classes in KNOWN_FAILING (docs/reliability.md, "After the fixes") are counted, not asserted.
 */
import { strict as assert } from 'node:assert';
import { runFuzz, type FuzzReport } from '../fuzz/runner.js';

const SEED = 15;

/** The properties, each of which fails the test when the run breaks it. */
const HOLDS_TODAY: { title: string; pattern: RegExp }[] = [
    { title: 'no exception in the check, completion, the summary or the formatter', pattern: /^exception/ },
    { title: 'every diagnostic has a code (its rule id) and a non-empty message', pattern: /^diagnostics: (no code|empty message)/ },
    { title: 'every diagnostic range lies inside its document and starts before it ends', pattern: /^diagnostics: range/ },
    { title: 'no undefined, NaN, Infinity, null or [object Object] in a diagnostic message', pattern: /^diagnostics: '/ },
    { title: 'summary numbers are finite and add up (to the cent), one year per year of the period', pattern: /^summary: / },
    { title: 'the formatter changes only whitespace, is idempotent and changes no finding', pattern: /^formatter: / },
];

/**
 * Found only by long runs, on texts of several megabytes (docs/reliability.md, "After the fixes"):
 * a check or completion slower than the harness allows. Reported by this test, not asserted.
 */
const KNOWN_FAILING: RegExp[] = [
    /^performance: /,
];

describe('fuzz: a short seeded run (issue 15)', function () {
    this.timeout(180_000);
    let report: FuzzReport;

    before(async function () {
        this.timeout(180_000);
        report = await runFuzz({ seed: SEED, runs: 300, seconds: 50, workers: 1, minimise: false, shrinkSeconds: 0, timeoutMs: 60_000 });
        const known = report.classes.filter(c => KNOWN_FAILING.some(p => p.test(c.key)) && !HOLDS_TODAY.some(h => h.pattern.test(c.key)));
        if (known.length > 0) {
            console.log(`      (${report.documents} documents; known failure classes seen, not asserted — see docs/reliability.md:)`);
            for (const c of known) console.log(`        ${c.count}x ${c.key}`);
        }
    });

    it('checks documents', () => {
        assert.ok(report.documents >= 20, `only ${report.documents} documents`);
    });

    for (const { title, pattern } of HOLDS_TODAY) {
        it(title, () => {
            const broken = report.classes.filter(c => pattern.test(c.key));
            assert.deepEqual(broken.map(c => `${c.key}: ${c.first.message.slice(0, 300)}`), []);
        });
    }

    it('finds no failure class outside the known ones', () => {
        const unexpected = report.classes.filter(c => !KNOWN_FAILING.some(p => p.test(c.key)) && !HOLDS_TODAY.some(h => h.pattern.test(c.key)));
        assert.deepEqual(unexpected.map(c => `${c.key}: ${c.first.message.slice(0, 300)}`), []);
    });
});
