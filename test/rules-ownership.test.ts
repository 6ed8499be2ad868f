/**
 * The ownership rules (RULES.md "Ownership") at the boundaries the rulebook defines: how many
 * findings, where each points, where they stay silent, and the "national lead" quick fix.
 */
import { strict as assert } from 'node:assert';
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixData } from '../language/rules/rule.js';
import { HEADER, createServices, idsOf, parser, reset } from './helpers.js';

const services = createServices();
const parse = parser(services);

interface Found { line: number; column: number; endColumn: number; severity: string; message: string; fix?: FixData; diagnostic: Diagnostic }

function found(document: LangiumDocument, ruleId: string): Found[] {
    return (document.diagnostics ?? []).filter(d => d.code === ruleId).map(d => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endColumn: d.range.end.character + 1,
        severity: ({ 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as Record<number, string>)[d.severity ?? 1],
        message: typeof d.message === 'string' ? d.message : d.message.value,
        fix: (d.data as { fix?: FixData } | undefined)?.fix,
        diagnostic: d,
    }));
}

async function of(text: string, ruleId: string, uri?: string): Promise<Found[]> {
    return found(await parse(text, uri), ruleId);
}

const applyEdits = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x.ssr', 'ssr', 1, text), edits);
const titles = (f: Found | undefined) => (f?.fix?.edits ?? []).map(e => e.title);

/** Actors on lines 6-…; `objective O` follows after a blank line. */
function plan(actors: string[], body: string): { text: string; leadLine: number } {
    const text = `${HEADER}${actors.map(a => `${a}\n`).join('')}\nobjective O "O" {\n${body}}\n`;
    return { text, leadLine: text.split('\n').findIndex(l => l.startsWith('    lead ')) + 1 };
}

const DONOR = 'actor Donor "Donor" { kind donor }';
const POLICE = 'actor NNP "Police" { kind police }';
const MOI = 'actor MOI "Interior" { kind interior-ministry }';
const MOJ = 'actor MOJ "Justice" { kind justice-ministry }';
const NSC = 'actor NSC "Security council" { kind national-security-council }';
const EXEC = 'actor PM "Prime minister\'s office" { kind executive }';
const UN = 'actor UN "UN mission" { kind peace-operation }';

describe('ownership rules', () => {
    afterEach(() => reset(services));

    describe('ownership/external-lead', () => {
        for (const kind of ['donor', 'international-organization', 'peace-operation', 'contractor']) {
            it(`reports a lead of kind ${kind}, at the lead reference`, async () => {
                const { text, leadLine } = plan([`actor X "External" { kind ${kind} }`, POLICE], '    sector policing\n    lead X\n    partners NNP\n');
                const list = await of(text, 'ownership/external-lead');
                assert.deepEqual(list.map(f => [f.line, f.column, f.endColumn, f.severity]), [[leadLine, 10, 11, 'warning']]);
            });
        }

        it('is silent for a national lead, with or without external partners', async () => {
            for (const actor of [POLICE, MOI, NSC, 'actor C "Civil society" { kind civil-society }', 'actor L "Local" { kind local-government }']) {
                const name = /actor (\w+)/.exec(actor)![1];
                const { text } = plan([actor, DONOR], `    sector policing\n    lead ${name}\n    partners Donor\n`);
                assert.deepEqual(await of(text, 'ownership/external-lead'), [], name);
                await reset(services);
            }
        });

        it('is silent when the lead does not resolve (reference/unresolved reports it)', async () => {
            const { text } = plan([DONOR], '    sector policing\n    lead Donr\n');
            assert.deepEqual(await of(text, 'ownership/external-lead'), []);
        });

        it('reports once per objective', async () => {
            const { text } = plan([DONOR, POLICE], '    sector policing\n    lead Donor\n');
            const twice = `${text}objective O2 "O2" {\n    sector justice\n    lead Donor\n}\nobjective O3 "O3" {\n    sector justice\n    lead NNP\n}\n`;
            assert.equal((await of(twice, 'ownership/external-lead')).length, 2);
        });

        it('offers each national partner as the lead, in order, and never an external partner', async () => {
            const { text } = plan([DONOR, UN, POLICE, MOI], '    sector policing\n    lead Donor\n    partners UN, NNP, MOI\n');
            const [finding] = await of(text, 'ownership/external-lead');
            assert.deepEqual(titles(finding), ['Make NNP the lead', 'Make MOI the lead']);
            assert.deepEqual(finding.fix!.edits!.map(e => e.preferred), [true, false]);
            assert.deepEqual(finding.fix!.edits!.map(e => e.newText), ['NNP', 'MOI']);
        });

        it('replaces exactly the lead reference', async () => {
            const { text } = plan([DONOR, POLICE], '    sector policing\n    lead Donor\n    partners NNP, Donor\n');
            const document = await parse(text);
            const [finding] = found(document, 'ownership/external-lead');
            const actions: CodeAction[] = (await services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.textDocument.uri }, range: finding.diagnostic.range, context: { diagnostics: [finding.diagnostic] } }) ?? []) as CodeAction[];
            const action = actions.find(a => a.title === 'Make NNP the lead');
            assert.ok(action, actions.map(a => a.title).join(' | '));
            const fixed = applyEdits(text, action.edit!.changes![document.textDocument.uri]);
            assert.match(fixed, /\n {4}lead NNP\n {4}partners NNP, Donor\n/);
            await reset(services);
            const after = await parse(fixed);
            assert.ok(!idsOf(after).some(id => id === 'ownership/external-lead' || id.startsWith('syntax/') || id.startsWith('reference/')));
        });

        it('without national partners, offers one national actor of a suitable category for the sector', async () => {
            const cases: [string, string[], string][] = [
                ['policing', [DONOR, MOJ, POLICE, MOI], 'MOI'],
                ['policing', [DONOR, MOJ, POLICE], 'NNP'],
                ['justice', [DONOR, POLICE, MOJ], 'MOJ'],
                ['oversight', [DONOR, POLICE, 'actor Ombud "Ombudsman" { kind ombudsman }'], 'Ombud'],
                ['national-security-policy', [DONOR, POLICE, EXEC, NSC], 'NSC'],
                ['public-finance', [DONOR, POLICE, EXEC], 'PM'],
                ['defence', [DONOR, 'actor C "Civil society" { kind civil-society }', MOJ], 'MOJ'],
                ['defence', [DONOR, 'actor C "Civil society" { kind civil-society }'], 'C'],
            ];
            for (const [sector, actors, expected] of cases) {
                const { text } = plan(actors, `    sector ${sector}\n    lead Donor\n    partners Donor\n`);
                const [finding] = await of(text, 'ownership/external-lead');
                assert.deepEqual(titles(finding), [`Make ${expected} the lead`], `${sector} among ${actors.map(a => /actor (\w+)/.exec(a)![1]).join(', ')}`);
                await reset(services);
            }
        });

        it('offers national actors declared in an imported library', async () => {
            await parse(`library "Actors"\n\n${MOI}\n`, 'file:///ws/lib.ssr');
            const { text } = plan([`import "lib.ssr"`, DONOR], '    sector policing\n    lead Donor\n');
            const [finding] = await of(text, 'ownership/external-lead', 'file:///ws/plan.ssr');
            assert.deepEqual(titles(finding), ['Make MOI the lead']);
        });

        it('offers nothing when nothing national exists', async () => {
            const cases = [
                [DONOR, UN],
                [DONOR, UN, 'actor M "Militia" { kind militia }', 'actor R "Regional police" { kind police\n    jurisdiction international }'],
            ];
            for (const actors of cases) {
                const { text } = plan(actors, '    sector policing\n    lead Donor\n    partners UN\n');
                const [finding] = await of(text, 'ownership/external-lead');
                assert.ok(finding, 'still reported');
                assert.deepEqual(titles(finding), []);
                assert.match(finding.message, /Declare the national institution/);
                await reset(services);
            }
        });
    });

    describe('ownership/coordination', () => {
        it('reports once at the strategy title when no NSC or executive leads or partners an objective', async () => {
            const { text } = plan([NSC, POLICE, MOI], '    sector policing\n    lead NNP\n    partners MOI\n');
            const list = await of(`${text}objective O2 "O2" {\n    sector justice\n    lead MOI\n}\n`, 'ownership/coordination');
            assert.deepEqual(list.map(f => [f.line, f.column, f.severity]), [[1, 10, 'warning']]);
        });

        it('points at the strategy keyword when the strategy has no title', async () => {
            const { text } = plan([POLICE], '    sector policing\n    lead NNP\n');
            assert.deepEqual((await of(text.replace('strategy "Test" {', 'strategy {'), 'ownership/coordination')).map(f => [f.line, f.column]), [[1, 1]]);
        });

        for (const [actor, role] of [[NSC, 'lead'], [NSC, 'partners'], [EXEC, 'lead'], [EXEC, 'partners']]) {
            it(`is silent when a ${/kind ([\w-]+)/.exec(actor)![1]} actor is the ${role}`, async () => {
                const name = /actor (\w+)/.exec(actor)![1];
                const body = role === 'lead' ? `    sector policing\n    lead ${name}\n` : `    sector policing\n    lead NNP\n    partners MOI, ${name}\n`;
                const { text } = plan([actor, POLICE, MOI], body);
                assert.deepEqual(await of(text, 'ownership/coordination'), []);
            });
        }

        it('does not count other management bodies or activity targets', async () => {
            const { text } = plan([NSC, POLICE, MOI, MOJ], `    sector policing\n    lead MOI\n    partners MOJ\n    activity C "C" {\n        type coordination\n        targets NSC\n    }\n`);
            assert.equal((await of(text, 'ownership/coordination')).length, 1);
        });
    });
});
