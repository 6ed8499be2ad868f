/**
 * Rule documentation: every registered rule has a page docs/rules/<family>/<name>.md and every
 * page a rule; each page has the required sections; its example triggers the rule and its fix
 * does not (the pages cannot drift from the rules).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, createServices, idsOf, parser, reset } from './helpers.js';

const DOCS = path.join(ROOT, 'docs', 'rules');
const SECTIONS = ['## What it checks', '## Why it matters', '## Example', '## How to fix', '## Configuration'];

/** The ssr code blocks of a rule page: the example, then the fix. */
const examplesOf = (page: string): string[] => [...page.matchAll(/```ssr\n([\s\S]*?)```/g)].map(m => m[1]);

function pages(): string[] {
    const result: string[] = [];
    for (const family of fs.readdirSync(DOCS, { withFileTypes: true })) {
        if (!family.isDirectory()) continue;
        for (const file of fs.readdirSync(path.join(DOCS, family.name))) {
            if (file.endsWith('.md')) result.push(`${family.name}/${file.replace(/\.md$/, '')}`);
        }
    }
    return result.sort();
}

describe('rule documentation (docs/rules)', () => {
    const services = createServices();
    const parse = parser(services);
    const ids = [...services.rules.RuleRegistry.ids];

    it('has a page for every registered rule', () => {
        const missing = ids.filter(id => !fs.existsSync(path.join(DOCS, `${id}.md`)));
        assert.deepEqual(missing, [], 'rules without a page');
    });

    it('has a registered rule for every page', () => {
        const orphans = pages().filter(page => !ids.includes(page));
        assert.deepEqual(orphans, [], 'pages without a rule');
    });

    it('links every diagnostic to its page', async () => {
        // Each diagnostic a rule reports on its page's example links to that page in this
        // repository's docs/rules (package.json `repository`, default branch), and the page exists.
        const repository = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
        const base = `${repository}/blob/HEAD/docs/rules/`;
        for (const rule of services.rules.RuleRegistry.all) {
            const [example] = examplesOf(fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8'));
            await reset(services);
            const diagnostics = ((await parse(example ?? '')).diagnostics ?? []).filter(d => d.code === rule.id);
            assert.ok(diagnostics.length > 0, `the example of ${rule.id} reports it`);
            for (const diagnostic of diagnostics) {
                const href = diagnostic.codeDescription?.href ?? '';
                assert.ok(href.startsWith(base), `${rule.id} links to ${href || 'nothing'}`);
                const page = href.slice(base.length);
                assert.equal(page, `${rule.id}.md`, `${rule.id} links to its own page`);
                assert.ok(fs.existsSync(path.join(DOCS, page)), `${href} exists as docs/rules/${page}`);
            }
        }
    });

    it('lists every rule in the index', () => {
        const index = fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8');
        for (const id of ids) assert.ok(index.includes(`(${id}.md)`), `${id} missing from docs/rules/README.md`);
    });

    for (const rule of createServices().rules.RuleRegistry.all) {
        it(`${rule.id}: page structure, example triggers it, fix does not`, async () => {
            const text = fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
            assert.equal(text.split('\n')[0], `# ${rule.id}`);
            assert.ok(text.includes(`Default severity: **${rule.severity}**`), 'states the default severity');
            for (const section of SECTIONS) assert.ok(text.includes(`\n${section}\n`), `has section ${section}`);
            const [example, fix] = examplesOf(text);
            assert.ok(example && fix, 'has an example and a fix in ssr blocks');
            await reset(services);
            const bad = await parse(example);
            assert.ok(idsOf(bad).includes(rule.id), `the example does not trigger ${rule.id}: ${idsOf(bad).join(', ')}`);
            await reset(services);
            const good = await parse(fix);
            assert.ok(!idsOf(good).includes(rule.id), `the fix still triggers ${rule.id}`);
            if (rule.id !== 'syntax/error') assert.ok(!idsOf(good).includes('syntax/error'), 'the fix parses');
        });
    }
});
