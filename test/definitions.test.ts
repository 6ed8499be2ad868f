/**
 * Knowledge that is defined once and read everywhere, and the bugs that copies of it had caused:
 * triple-quoted texts read by the value converter (titles and import paths), the core sectors
 * shared by the rule and the summary, a fiscal model cached per configuration.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import * as ast from '../language/generated/ast.js';
import { checkUris } from '../language/check.js';
import { EMPTY_CONFIG, type ResolvedConfig } from '../language/config/config.js';
import { renderMarkdown } from '../language/summary/index.js';
import { HEADER, createServices, findingsOf, parser, reset } from './helpers.js';
import { summaryOf } from './summary-helpers.js';

describe('one definition', () => {
    const services = createServices();
    const parse = parser(services);
    afterEach(() => reset(services));

    describe('triple-quoted texts', () => {
        it('reads a """…""" title as written, across lines', async () => {
            const document = await parse(`strategy """Two\nlines""" {\n    country "X"\n    period from 2026 to 2030\n    currency USD\n}\n`);
            const strategy = document.parseResult.value.elements.find(ast.isStrategy);
            assert.equal(strategy?.title, 'Two\nlines');
        });

        it('renders a """…""" title without quotes in the summary', async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-def-'));
            const file = path.join(dir, 'plan.ssr');
            fs.writeFileSync(file, `strategy """Two\nlines""" {\n    country "X"\n    period from 2026 to 2030\n    currency USD\n}\n`);
            const markdown = renderMarkdown(await summaryOf(file));
            assert.ok(markdown.startsWith('# Two lines\n'), markdown.split('\n')[0]);
            fs.rmSync(dir, { recursive: true, force: true });
        });

        it('imports a library named by a """…""" path', async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-def-'));
            fs.writeFileSync(path.join(dir, 'a.ssr'), 'library "Actors"\nactor NNP "Police" { kind police }\n');
            const file = path.join(dir, 'plan.ssr');
            fs.writeFileSync(file, `${HEADER}\nimport """a.ssr"""\n\nobjective P "P" {\n    sector policing\n    lead NNP\n}\n`);
            const [report] = await checkUris(createServices('node'), [URI.file(file)]);
            const references = report.findings.filter(f => f.ruleId.startsWith('reference/'));
            assert.deepEqual(references, [], 'the import resolves and NNP is found');
            fs.rmSync(dir, { recursive: true, force: true });
        });
    });

    describe('core sectors', () => {
        it('are the same for coverage/subsectors and the summary: an intelligence actor makes intelligence core in both', async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-def-'));
            const file = path.join(dir, 'plan.ssr');
            fs.writeFileSync(file, `${HEADER}\nactor NIS "Intelligence service" { kind intelligence }\n`);
            const summary = await summaryOf(file);
            const [report] = await checkUris(createServices('node'), [URI.file(file)]);
            const ruleSectors = report.findings.filter(f => f.ruleId === 'coverage/subsectors').map(f => f.key).sort();
            assert.ok(summary.missing.sectors.includes('intelligence'), 'the summary lists intelligence as missing');
            assert.deepEqual([...summary.missing.sectors].sort(), ruleSectors, 'the rule and the summary agree');
            fs.rmSync(dir, { recursive: true, force: true });
        });
    });

    describe('the fiscal model service', () => {
        it('is keyed on the configuration: another maximum external share gives another model', async () => {
            const document = await parse(`${HEADER}\nactor D "Donor" { kind donor }\nobjective O "O" {\n    sector policing\n    lead D\n    cost capital 1M from 2026 to 2027\n}\nfunding F "F" {\n    from D\n    instrument trust-fund\n    amount 1M from 2026 to 2027\n    supports O\n}\n`);
            const strict: ResolvedConfig = { ...EMPTY_CONFIG, settings: { maxExternalShare: 0.1 } };
            const first = services.model.FiscalModel.get(document, EMPTY_CONFIG);
            const second = services.model.FiscalModel.get(document, strict);
            assert.equal(first.maxExternalShare, 0.5);
            assert.equal(second.maxExternalShare, 0.1);
            assert.equal(services.model.FiscalModel.get(document, EMPTY_CONFIG), first, 'computed once per configuration');
            assert.ok(findingsOf(document).length > 0);
        });
    });
});
