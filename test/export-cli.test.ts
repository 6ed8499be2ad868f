/**
 * `ssr summary --format docx|pdf|xlsx` refuses what it must (in process, fast): a missing
 * --output, an output that is a strategy, an unknown paper, a browser that does not exist; and the
 * paper size follows the locale. The documents themselves are checked in test/integration/.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { environmentLocales, paperForLocales } from '../language/export/paper.js';
import { ssr } from './cli-helpers.js';
import { SPEC_EXAMPLES } from './helpers.js';

describe('summary exports on the command line', () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-export-cli-'));
        fs.copyFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), path.join(dir, 'northland.ssr'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('needs --output, and never writes over a strategy', async () => {
        const cases: [string[], RegExp][] = [
            [['summary', 'northland.ssr', '--format', 'docx'], /--format docx writes a file: give --output FILE/],
            [['summary', 'northland.ssr', '--format', 'xlsx', '--output', 'northland.ssr'], /is a \.ssr file: a summary never writes over a strategy/],
            [['summary', 'northland.ssr', '--format', 'pdf', '--output', 'other.SSR'], /is a \.ssr file/],
            [['summary', 'northland.ssr', '--format', 'docx', '--paper', 'a3', '--output', 'x.docx'], /unknown paper 'a3'/],
            [['summary', 'northland.ssr', '--format', 'pdf', '--output', 'x.pdf', '--browser', '/no/such/chrome'], /^ssr: cannot print the PDF: the configured browser \/no\/such\/chrome does not exist\n$/],
        ];
        const before = fs.readFileSync(path.join(dir, 'northland.ssr'), 'utf8');
        for (const [args, message] of cases) {
            const result = await ssr(args, dir, { CHROMIUM_PATH: undefined });
            assert.equal(result.code, 2, args.join(' '));
            assert.match(result.stderr, message, args.join(' '));
        }
        assert.equal(fs.readFileSync(path.join(dir, 'northland.ssr'), 'utf8'), before, 'the strategy is untouched');
        assert.equal(fs.existsSync(path.join(dir, 'x.pdf')) || fs.existsSync(path.join(dir, 'x.docx')), false);
    });

    it('exits 2 with one line when CHROMIUM_PATH names no browser', async () => {
        const result = await ssr(['summary', 'northland.ssr', '--format', 'pdf', '--output', 'y.pdf'], dir, { CHROMIUM_PATH: '/no/such/chromium' });
        assert.equal(result.code, 2);
        assert.equal(result.stderr, 'ssr: cannot print the PDF: CHROMIUM_PATH /no/such/chromium does not exist\n');
    });

    it('chooses Letter where the locale uses it, else A4', () => {
        assert.equal(paperForLocales('en-US'), 'letter');
        assert.equal(paperForLocales('es_MX.UTF-8'), 'letter');
        assert.equal(paperForLocales('fr-CA'), 'letter');
        assert.equal(paperForLocales('en-GB'), 'a4');
        assert.equal(paperForLocales('de_DE.UTF-8@euro'), 'a4');
        assert.equal(paperForLocales('en', 'C', undefined), 'a4', 'no region anywhere');
        assert.equal(paperForLocales('en', 'en_PH.UTF-8'), 'letter', 'the first locale with a region decides');
        assert.deepEqual(environmentLocales({ LC_ALL: 'fr_FR', LANG: 'en_US' }).slice(0, 3), ['fr_FR', undefined, 'en_US']);
    });
});
