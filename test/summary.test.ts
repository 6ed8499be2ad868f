/**
 * Plan summaries: golden Markdown and JSON for every spec example (read from ../shared at test
 * time; set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change), totals that
 * equal the fiscal model's, escaping, and the HTML's content security policy.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderHtml, renderJson, renderMarkdown } from '../language/summary/index.js';
import { ROOT, SPEC_EXAMPLES } from './helpers.js';
import { isPending } from './pending-examples.js';
import { XSS_STRATEGY, summaryOf } from './summary-helpers.js';

const GOLDEN = path.join(ROOT, 'test', 'golden', 'summary');

function golden(name: string, actual: string): void {
    const file = path.join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) {
        fs.mkdirSync(GOLDEN, { recursive: true });
        fs.writeFileSync(file, actual);
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`golden file ${name} did not exist; written now — review and commit it`);
        return;
    }
    assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`);
}

describe('plan summary', () => {
    const examples = fs.readdirSync(SPEC_EXAMPLES).filter(f => f.endsWith('.ssr') && !isPending(f)).sort();

    for (const example of examples) {
        it(`golden Markdown and JSON for ${example}`, async () => {
            const summary = await summaryOf(path.join(SPEC_EXAMPLES, example));
            golden(example.replace(/\.ssr$/, '.md'), renderMarkdown(summary));
            golden(example.replace(/\.ssr$/, '.json'), renderJson(summary));
        });
    }

    it('totals and years of northland.ssr equal the fiscal model', async () => {
        const summary = await summaryOf(path.join(SPEC_EXAMPLES, 'northland.ssr'));
        assert.equal(summary.totals.cost, 35_000_000);
        assert.equal(summary.totals.external, 20_000_000);
        assert.equal(summary.totals.domestic, 21_000_000);
        assert.equal(summary.totals.gap, 0);
        assert.deepEqual(summary.years.map(y => y.year), [2026, 2027, 2028, 2029, 2030, 2031, 2032]);
        const sum = (key: 'cost' | 'external' | 'domestic' | 'capital' | 'recurrent') => summary.years.reduce((a, y) => a + y[key], 0);
        for (const key of ['cost', 'external', 'domestic', 'capital', 'recurrent'] as const) {
            assert.ok(Math.abs(sum(key) - summary.totals[key]) < 0.01, `years add up to the total ${key}`);
        }
        assert.ok(summary.years.every(y => y.affordable !== undefined && y.affordable > 0), 'affordable ceiling per year with a fiscal block');
        assert.equal(summary.counts.objectives, 9);
        assert.deepEqual(summary.coverage.policing, { institutional: ['PoliceReform'] });
        assert.equal(summary.findings.length, 0);
    });

    it('summarises a broken document: what parses, with the findings', async () => {
        const summary = await summaryOf('/tmp/ssr-broken-summary.ssr', `strategy "Half written" {\n    country "X"\n    period from 2026 to 2027\n    currency EUR\n}\nobjective A "A" {\n    sector polcing\n    lead Nobody\n`);
        assert.equal(summary.strategy.title, 'Half written');
        assert.equal(summary.objectives.length, 1);
        assert.ok(summary.findings.some(f => f.ruleId === 'syntax/error'));
        assert.ok(summary.findings.some(f => f.ruleId === 'taxonomy/unknown-term'));
        assert.match(renderMarkdown(summary), /## Findings/);
    });

    it('leaves out a benchmark figure too large to be a number (no null in the JSON)', async () => {
        const summary = await summaryOf('/tmp/ssr-huge-figure.ssr', `strategy "S" {\n    country "X"\n    period from 2026 to 2027\n    currency EUR\n}\nactor P "Police" { kind police }\nobjective O "O" {\n    sector policing\n    lead P\n}\nbenchmark B "B" {\n    measures O\n    type outcome\n    baseline ${'9'.repeat(400)} in 2026\n    target 2 by 2027\n}\n`);
        const [benchmark] = summary.benchmarks;
        assert.equal(benchmark.baseline, undefined);
        assert.equal(benchmark.target?.value, 2);
        assert.doesNotMatch(renderJson(summary), /null/);
    });

    it('escapes document text in Markdown and HTML', async () => {
        const summary = await summaryOf('/tmp/ssr-xss-summary.ssr', XSS_STRATEGY);
        const html = renderHtml(summary, { nonce: 'abc' });
        assert.ok(!html.includes('<img src=x'), 'no raw img tag');
        assert.ok(!/<script/i.test(html), 'no script element at all');
        assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
        const markdown = renderMarkdown(summary);
        assert.ok(!markdown.includes('<img src=x'), 'Markdown escapes markup');
        assert.ok(!markdown.includes('</script>'), 'Markdown escapes markup');
    });

    it('HTML has a CSP from default-src none, no scripts and no remote resources', async () => {
        const summary = await summaryOf(path.join(SPEC_EXAMPLES, 'northland.ssr'));
        const html = renderHtml(summary, { nonce: 'n0nce' });
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
        assert.ok(csp, 'a CSP meta tag');
        assert.match(csp[1], /^default-src 'none';/);
        assert.match(csp[1], /script-src 'none'/);
        assert.match(html, /<style nonce="n0nce">/);
        assert.ok(!/<script|<link|<iframe|<object|<embed|@import|url\(/i.test(html), 'nothing loaded');
        assert.ok(!/(src|href)=["']?(https?:)?\/\//i.test(html), 'no remote resources');
    });
});
