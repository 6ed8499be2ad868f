/**
 * Issue 15: the minimised inputs of the failure classes the fuzzer found (docs/reliability.md,
 * "Failure classes found, and what was wrong"), one test each, beside the tests of the code that
 * was fixed (imports: test/imports.test.ts; 200,000 comment lines: test/grammar.test.ts; a closed
 * pipe: test/integration/bin.test.ts; too large amounts and figures: test/rules-language.test.ts).
 */
import { strict as assert } from 'node:assert';
import type { LangiumDocument } from 'langium';
import { HEADER, createServices, findingsOf, parser, reset } from './helpers.js';
import { formattedText } from './support/findings.js';
import { buildSummary, renderHtml, renderJson, renderMarkdown } from '../language/summary/index.js';

const services = createServices();
const parse = parser(services);

/** Runs `action` and returns what it wrote with console.error (Langium logs the errors it catches there). */
async function logged(action: () => Promise<unknown>): Promise<string[]> {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { errors.push(args.map(String).join(' ')); };
    try {
        await action();
    } finally {
        console.error = original;
    }
    return errors;
}

const format = (document: LangiumDocument) => formattedText(services, document);

describe('regressions from the fuzzer (issue 15)', () => {
    afterEach(() => reset(services));

    describe('property 1: no exception', () => {
        for (const [name, text] of [
            ['a range where a reference may stand (funding … amount from 2029)', `${HEADER}funding {\n    amount from 2029`],
            ['a keyword where a reference may stand (objective NNP partners activity)', `${HEADER}objective NNP\n    partners activity`],
        ]) {
            it(`completes at every offset of ${name} without an error`, async () => {
                const document = await parse(text);
                const errors = await logged(async () => {
                    for (let offset = HEADER.length; offset <= text.length; offset++) {
                        await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offset) });
                    }
                });
                assert.deepEqual(errors, []);
            });
        }
    });

    describe('property 2: no "undefined" in a message', () => {
        it('names declarations without a name by their kind and line', async () => {
            const text = `${HEADER}actor D "Donor" { kind donor }\nobjective {\n    sector policing\n    lead D\n    cost capital 1M from 2027 to 2027\n    activity {\n        type training\n    }\n}\nfunding {\n    from D\n    amount 2M from 2040 to 2041\n}\nbenchmark {\n    type outcome\n    target 5 by 2040\n}\n`;
            const messages = findingsOf(await parse(text)).map(f => f.message);
            assert.ok(messages.length > 5, messages.join('\n'));
            assert.deepEqual(messages.filter(m => /undefined|NaN|null/.test(m)), []);
            assert.ok(messages.some(m => /the objective on line 7/i.test(m)), messages.join('\n'));
        });

        it('caps syntax errors at 100 per document, with a last one that says how many more', async () => {
            const text = HEADER + Array.from({ length: 300 }, (_, i) => `actor A${i} { kind ) }\n`).join('');
            const errors = findingsOf(await parse(text)).filter(f => f.ruleId === 'syntax/error');
            assert.ok(errors.length <= 101, `${errors.length} syntax errors`);
            assert.match(errors[errors.length - 1].message, /more/);
        });
    });

    describe('property 3: finite numbers that add up', () => {
        for (const [name, text] of [
            ['an amount beyond the largest double (400 digits)', `${HEADER}actor P "P" { kind police }\nobjective O "O" {\n    sector policing\n    lead P\n    cost capital ${'9'.repeat(400)}B from 2027 to 2027\n}\nfiscal {\n    revenue ${'9'.repeat(400)} in 2026 growing 3% per year\n}\n`],
            ['an amount beyond 2^53 cents', `${HEADER}actor P "P" { kind police }\nobjective O "O" {\n    sector policing\n    lead P\n    cost capital 90071992547409.93M from 2027 to 2027\n    cost recurrent 1M per year from 2028\n}\n`],
            ['a reversed period', `strategy "T" {\n    country "X"\n    period from 2026 to 2025\n    currency USD\n}\nactor P "P" { kind police }\nobjective O "O" {\n    sector policing\n    lead P\n    from 2026 to 2025\n    cost capital 1M from 2026 to 2025\n}\n`],
        ]) {
            it(`prints no NaN, Infinity or null for ${name}`, async () => {
                const document = await parse(text);
                const summary = buildSummary(services, document, 'plan.ssr');
                assert.doesNotMatch(renderJson(summary), /null|NaN|Infinity/);
                assert.doesNotMatch(renderMarkdown(summary).split('## Findings')[0], /NaN|Infinity|undefined/);
                assert.doesNotMatch(renderHtml(summary).split('<h2>Findings</h2>')[0], /NaN|Infinity|undefined/);
                for (const year of summary.years) assert.equal(year.cost, year.capital + year.recurrent);
            });
        }

        it('splits a funding line among objectives so that each year adds up to the cent', async () => {
            const objective = (name: string, amount: string) => `objective ${name} "${name}" {\n    sector policing\n    lead P\n    cost capital ${amount} from 2027 to 2029\n}\n`;
            const text = `${HEADER}actor P "P" { kind police }\n${objective('A', '1M')}${objective('B', '1M')}${objective('C', '1M')}funding F "F" {\n    from P\n    amount 100 from 2027 to 2029\n    supports A, B, C\n}\n`;
            const summary = buildSummary(services, await parse(text), 'plan.ssr');
            for (const { year } of summary.years) {
                const funded = summary.objectives.reduce((sum, o) => sum + Math.round((o.years.find(y => y.year === year)?.funded ?? 0) * 100), 0);
                const line = Math.round((summary.fundingLines[0].years.find(y => y.year === year)?.amount ?? 0) * 100);
                assert.equal(funded, line, `${year}: ${funded} cents allocated of ${line}`);
            }
        });
    });

    describe('property 4: the formatter', () => {
        for (const text of [`${HEADER}actor } { MOI`, `${HEADER}actor { { }\n`, `${HEADER}// ssr-ignore-next-line coverage/unused-actor -- later\n2026 objective A\nactor Z "Z" { kind police }\n`]) {
            it(`is idempotent and changes no finding on ${JSON.stringify(text.slice(HEADER.length))}`, async () => {
                const document = await parse(text);
                const before = findingsOf(document).map(f => `${f.ruleId} ${f.message}`).sort();
                const once = await format(document);
                assert.equal(once.replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'only whitespace changes');
                await reset(services);
                const formatted = await parse(once);
                assert.deepEqual(findingsOf(formatted).map(f => `${f.ruleId} ${f.message}`).sort(), before);
                assert.equal(await format(formatted), once, 'idempotent');
            });
        }

        it('indents a declaration after unclosed braces from its own start (4,300 of them made a 5 MB text format to beyond 512 MB)', async () => {
            const broken = 'objective Broken "B" {\n    sector policing {\n'.repeat(3);
            const text = `${HEADER}${broken}actor Police "Police" {\nkind police\n}\n`;
            const document = await parse(text);
            assert.ok(document.parseResult.parserErrors.length > 0, 'the text before the actor does not parse');
            const formatted = await format(document);
            assert.match(formatted, /\nactor Police "Police" \{\n {4}kind police\n\}\n$/);
            assert.equal(formatted.replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'only whitespace changes');
        });
    });
});
