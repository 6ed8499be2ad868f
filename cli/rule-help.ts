/**
 * The help of each rule, from its page in docs/rules/ (`<family>/<name>.md`): SARIF shows it beside
 * every finding in code scanning. The bundle (dist/cli.cjs) carries the pages, embedded by
 * esbuild.mjs as `SSR_RULE_PAGES`, so that it needs no docs folder beside it; run from the
 * sources (tests), the pages are read from docs/rules/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

declare const SSR_RULE_PAGES: Record<string, string> | undefined;

interface RuleHelp {
    /** The "What it checks" section, as one paragraph. */
    readonly fullDescription: string;
    /** The page without its title: Markdown for code scanning. */
    readonly markdown: string;
    /** The same as plain text. */
    readonly text: string;
}

let pages: Record<string, string> | undefined;

/** The rule pages by rule id, embedded in the bundle or read from docs/rules/. */
function rulePages(): Record<string, string> {
    if (pages) return pages;
    if (typeof SSR_RULE_PAGES !== 'undefined') return pages = SSR_RULE_PAGES;
    pages = {};
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6 && !fs.existsSync(path.join(dir, 'docs', 'rules', 'README.md')); i++) dir = path.dirname(dir);
    const rules = path.join(dir, 'docs', 'rules');
    if (!fs.existsSync(rules)) return pages;
    for (const family of fs.readdirSync(rules, { withFileTypes: true }).filter(e => e.isDirectory())) {
        for (const page of fs.readdirSync(path.join(rules, family.name)).filter(f => f.endsWith('.md'))) {
            pages[`${family.name}/${page.slice(0, -3)}`] = fs.readFileSync(path.join(rules, family.name, page), 'utf8');
        }
    }
    return pages;
}

/** A rule's help from its page, or undefined when the page is missing. */
export function ruleHelp(id: string): RuleHelp | undefined {
    const page = rulePages()[id];
    if (page === undefined) return undefined;
    const markdown = page.replace(/^# .*\n+/, '').trim();
    const what = /^## What it checks\s*\n+([\s\S]*?)(?=\n## |$)/m.exec(markdown)?.[1].trim();
    const text = markdown
        .replace(/^#+ /gm, '')
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/^```\w*\n?/gm, '');
    return { fullDescription: (what ?? '').replace(/\s*\n\s*/g, ' '), markdown, text };
}
