/**
 * Every file in ../shared/spec/examples, read at test time, held to its header
 * (examples/README.md there): `expect none`, `expect <rule> <n>`, `expect <rule>@<severity> <n>`, `only …`.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { checkUris } from '../language/check.js';
import { SPEC_EXAMPLES, createServices } from './helpers.js';
import { PENDING_EXAMPLES } from './pending-examples.js';

interface Expectation { ruleId: string; severity?: string; count: number }
interface Header { none: boolean; only?: string[]; expectations: Expectation[] }

export function readHeader(text: string): Header {
    const header: Header = { none: false, expectations: [] };
    for (const line of text.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed === '') continue;
        if (!trimmed.startsWith('//')) break;
        const body = trimmed.slice(2).trim();
        let m: RegExpExecArray | null;
        if (/^expect none$/.test(body)) header.none = true;
        else if ((m = /^expect\s+([\w-]+\/[\w-]+)(?:@(error|warning|info|hint))?\s+(\d+)$/.exec(body))) {
            header.expectations.push({ ruleId: m[1], severity: m[2], count: Number(m[3]) });
        } else if ((m = /^only\s+(.+)$/.exec(body))) {
            header.only = m[1].split(/\s+/);
        }
    }
    return header;
}

const matches = (pattern: string, id: string) => pattern.endsWith('/*') ? id.startsWith(pattern.slice(0, -1)) : pattern === id;

function collectExamples(dir: string): string[] {
    const result: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) result.push(...collectExamples(full));
        else if (entry.name.endsWith('.ssr')) result.push(full);
    }
    return result.sort();
}

/** What differs between an example's findings and its header (empty when it matches). */
async function mismatches(file: string, text: string): Promise<string[]> {
    const services = createServices('node');
    const [report] = await checkUris(services, [URI.file(file)]);
    const header = readHeader(text);
    const registered = new Set(services.rules.RuleRegistry.ids);
    const failures: string[] = [];
    for (const expectation of header.expectations) {
        if (!registered.has(expectation.ruleId)) failures.push(`${path.basename(file)} expects ${expectation.ruleId}, which is not a registered rule`);
    }
    const judged = (id: string) => !header.only || header.only.some(p => matches(p, id));
    const counted = report.findings.filter(f => f.severity !== 'hint' && judged(f.ruleId));
    for (const expectation of header.expectations) {
        const actual = counted.filter(f => f.ruleId === expectation.ruleId && (!expectation.severity || f.severity === expectation.severity)).length;
        if (actual === expectation.count) continue;
        failures.push(`${expectation.ruleId}${expectation.severity ? '@' + expectation.severity : ''}: expected ${expectation.count}, got ${actual}`);
    }
    const named = new Set(header.expectations.map(e => e.ruleId));
    for (const finding of counted) {
        if (!named.has(finding.ruleId)) {
            failures.push(`unexpected ${finding.ruleId} (${finding.severity}) at ${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.message}`);
        }
    }
    return failures;
}

describe('spec examples (../shared/spec/examples)', () => {
    const files = fs.existsSync(SPEC_EXAMPLES) ? collectExamples(SPEC_EXAMPLES) : [];

    it('finds the spec examples', () => {
        assert.ok(files.length >= 3, `expected spec examples in ${SPEC_EXAMPLES}`);
    });

    it('lists only pending examples that exist', () => {
        for (const pending of PENDING_EXAMPLES) {
            assert.ok(fs.existsSync(path.join(SPEC_EXAMPLES, pending.path)), `test/pending-examples.ts lists ${pending.path}, which is not in ${SPEC_EXAMPLES}`);
        }
    });

    for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        if (/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*library\b/.test(text)) continue; // libraries are not judged alone
        const relative = path.relative(SPEC_EXAMPLES, file).split(path.sep).join('/');
        const pending = PENDING_EXAMPLES.find(p => p.path === relative);
        it(pending ? `${relative} still fails its header (pending issue ${pending.issue})` : relative, async function () {
            const failures = await mismatches(file, text);
            if (pending) {
                assert.notDeepEqual(failures, [], `${relative} now matches its header: remove it from test/pending-examples.ts (issue ${pending.issue})`);
                return;
            }
            // A folder's .ssrrc.json applies as in a user's workspace: the config provider finds it.
            assert.deepEqual(failures, [], `${path.basename(file)} does not match its header`);
        });
    }
});
