/**
 * Rule documentation: every registered rule has a page docs/rules/<family>/<name>.md and every
 * page a rule; each page has the required sections; its example triggers the rule and its fix
 * does not (the pages cannot drift from the rules).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsUrl } from '../language/base/rule-ids.js';
import { ROOT, createServices, idsOf, parser, reset } from './helpers.js';

const DOCS = path.join(ROOT, 'docs', 'rules');
const SECTIONS = ['## What it checks', '## Why it matters', '## Example', '## How to fix', '## Configuration'];

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

    it('links every diagnostic to its page', () => {
        for (const id of ids) assert.ok(docsUrl(id).endsWith(`docs/rules/${id}.md`), id);
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
            const blocks = [...text.matchAll(/```ssr\n([\s\S]*?)```/g)].map(m => m[1]);
            const example = blocks[0], fix = blocks[1];
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
