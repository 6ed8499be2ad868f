/**
 * The rule tests' helper (test/support/findings.ts): markers are read as documented, and every
 * way a rule's findings can differ from the expectation fails the assertion — so that a rule test
 * that passes means what it says.
 */
import { strict as assert } from 'node:assert';
import { createServices, reset } from './helpers.js';
import { MARKED_HEADER, findingsHelper, mark } from './support/findings.js';

const services = createServices();
const { check, expectFindings, expectNoFindings } = findingsHelper(services);

/** Two actors nothing refers to: two coverage/unused-actor hints, at their names. */
const UNUSED = `${MARKED_HEADER}actor ‹A› "A" { kind police }\nactor ‹b:B› "B" { kind donor }\n`;

describe('rule test helper (test/support/findings.ts)', () => {
    afterEach(() => reset(services));

    describe('markers', () => {
        it('strips markers and returns the ranges, labelled by their text or their label', () => {
            const { text, marks } = mark('ab ‹cd›\n  ‹x:ef› ‹at:›g');
            assert.equal(text, 'ab cd\n  ef g');
            assert.deepEqual(marks.get('cd'), { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } });
            assert.deepEqual(marks.get('x'), { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } });
            assert.deepEqual(marks.get('at'), { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } });
            assert.deepEqual([...marks.keys()], ['cd', 'x', 'at']);
        });

        it('nests marks, the outer one first', () => {
            const { text, marks } = mark('‹outer:from ‹2030› to 2026›');
            assert.equal(text, 'from 2030 to 2026');
            assert.deepEqual([...marks.keys()], ['outer', '2030']);
            assert.deepEqual(marks.get('outer')!.end, { line: 0, character: 17 });
            assert.deepEqual(marks.get('2030'), { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } });
        });

        it('refuses unbalanced markers, a label used twice and an unlabelled empty mark', () => {
            assert.throws(() => mark('a › b'), /unbalanced/);
            assert.throws(() => mark('a ‹b'), /unclosed/);
            assert.throws(() => mark('‹A› ‹A›'), /marks two ranges/);
            assert.throws(() => mark('a‹›b'), /needs a label/);
        });
    });

    describe('expectFindings', () => {
        it('passes on exactly the findings at the marks and returns them with their labels', async () => {
            const found = await expectFindings(UNUSED, 'coverage/unused-actor', ['A', 'b'], { severity: 'hint' });
            assert.deepEqual(found.map(f => f.at), ['A', 'b']);
        });

        it('fails when a finding is missing, extra or elsewhere', async () => {
            await assert.rejects(expectFindings(UNUSED, 'coverage/unused-actor', ['A']), /coverage\/unused-actor findings/);
            await assert.rejects(expectFindings(UNUSED, 'coverage/unused-actor', ['A', 'b', 'b']));
            await assert.rejects(expectFindings(UNUSED, 'coverage/unused-actor', ['A', 'title']));
            await assert.rejects(expectFindings(UNUSED.replace('‹A›', 'A'), 'coverage/unused-actor', ['b']), /unmarked 6:7-6:8 "A"/);
        });

        it('compares the end of the range too', async () => {
            await assert.rejects(expectFindings(UNUSED.replace('‹A› "A"', '‹A "A"›'), 'coverage/unused-actor', ['A "A"', 'b']));
        });

        it('fails on a wrong severity or key', async () => {
            await assert.rejects(expectFindings(UNUSED, 'coverage/unused-actor', ['A', 'b'], { severity: 'warning' }));
            await assert.rejects(expectFindings(UNUSED, 'coverage/unused-actor', ['A', { at: 'b', severity: 'info' }]));
            await assert.rejects(expectFindings(UNUSED, 'coverage/unused-actor', ['A', { at: 'b', key: 'B' }]), /b #B/);
            const dimensions = `${MARKED_HEADER}actor N "N" { kind police }\nobjective O "O" {\n    sector policing\n    lead N\n    dimension political, institutional, economic\n}\n`;
            await expectFindings(dimensions, 'coverage/dimensions', [{ at: 'title', key: 'societal' }]);
            await assert.rejects(expectFindings(dimensions, 'coverage/dimensions', [{ at: 'title', key: 'economic' }]));
            await assert.rejects(expectFindings(dimensions, 'coverage/dimensions', ['title']), /title #societal/, 'a finding with a key is expected with its key');
        });

        it('fails on a label that is not marked', async () => {
            await assert.rejects(expectFindings(UNUSED, 'coverage/unused-actor', ['A', 'B']), /no mark 'B'/);
        });
    });

    describe('expectNoFindings cannot pass vacuously', () => {
        it('fails when the rule fires', async () => {
            await assert.rejects(expectNoFindings(UNUSED, 'coverage/unused-actor'));
        });

        it('fails on a rule id that is not registered', async () => {
            await assert.rejects(expectNoFindings(UNUSED, 'coverage/unused-actors'), /not a registered rule/);
        });

        it('fails when the rule is switched off', async () => {
            services.config.ConfigProvider.setEditorOverrides({ 'coverage/unused-actor': 'off' });
            try {
                await assert.rejects(expectNoFindings(UNUSED, 'coverage/unused-actor'), /switched off/);
            } finally {
                services.config.ConfigProvider.setEditorOverrides({});
            }
        });

        it('fails on a syntax error, an unresolved name or an unknown term in the test document', async () => {
            await assert.rejects(expectNoFindings(`${UNUSED}objective {{\n`, 'monitoring/no-benchmark'), /syntax\/error/);
            await assert.rejects(expectNoFindings(`${UNUSED}objective O "O" {\n    sector policing\n    lead Nobody\n}\n`, 'sequencing/police-justice'), /reference\/unresolved/);
            await assert.rejects(expectNoFindings(UNUSED.replace('kind police', 'kind polise'), 'coverage/gender'), /taxonomy\/unknown-term/);
        });

        it('accepts the language findings it is told to allow', async () => {
            await expectNoFindings(`${UNUSED}objective O "O" {\n    sector policing\n    lead Nobody\n}\n`, 'sequencing/police-justice', { allow: ['reference/unresolved'] });
        });
    });

    it('check returns every finding with its mark', async () => {
        const checked = await check(UNUSED);
        assert.deepEqual(checked.of('coverage/unused-actor').map(f => f.at), ['A', 'b']);
        assert.ok(checked.findings.some(f => f.ruleId === 'coverage/gender' && f.at === 'title'));
    });
});
