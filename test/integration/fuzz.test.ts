/**
 * A short seeded run of the fuzzer (issue 15, "Never break on half-written text"; harness in
 * test/fuzz/, long runs with `npm run fuzz`). It asserts only the parts of the five properties
 * that hold today. The failure classes that `npm run fuzz` finds today are listed in
 * KNOWN_FAILING and in docs/reliability.md; they are counted here, not asserted. When one is
 * fixed, move its pattern from KNOWN_FAILING to HOLDS_TODAY.
 */
import { strict as assert } from 'node:assert';
import { runFuzz, type FuzzReport } from '../fuzz/runner.js';

const SEED = 15;

/** Parts of the properties that the fuzzer has not broken: any class matching one fails the test. */
const HOLDS_TODAY: { title: string; pattern: RegExp }[] = [
    { title: 'every diagnostic has a code (its rule id) and a non-empty message', pattern: /^diagnostics: (no code|empty message)/ },
    { title: 'every diagnostic range lies inside its document and starts before it ends', pattern: /^diagnostics: range/ },
    { title: 'no NaN, Infinity or [object Object] in a diagnostic message', pattern: /^diagnostics: '(NaN|Infinity|\[object Object\]|null)'/ },
    { title: 'the JSON summary parses, and holds no null where the model holds a finite number', pattern: /^summary: (the JSON rendering does not parse|null in the JSON rendering)/ },
    { title: 'the summary covers each year of the period once', pattern: /^summary: the years do not match the period/ },
    { title: 'the formatter changes only whitespace', pattern: /^formatter: changes the text/ },
    { title: 'the formatter never throws', pattern: /^exception in (formatDocument|formatting)/ },
    { title: 'the checking process never dies', pattern: /^exception: the checking process died/ },
];

/** Classes that `npm run fuzz` finds today (docs/reliability.md); reported by this test, not asserted. */
const KNOWN_FAILING: RegExp[] = [
    /^exception in checkUris/,
    /^exception in completion/,
    /^exception in (buildSummary|render)/,
    /^diagnostics: 'undefined'/,
    /^summary: /,
    /^formatter: (not idempotent|findings change)/,
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
