import { escapeXml } from '../../language/base/format.js';
import { position, type Formatter } from './types.js';

/** JUnit XML: one test suite per file, one test case per file and rule. */
export const junit: Formatter = input => {
    const suites: string[] = [];
    let tests = 0, failures = 0;
    for (const file of input.files) {
        const byRule = new Map<string, typeof file.findings[number][]>();
        for (const finding of file.findings) {
            if (finding.severity === 'hint') continue;
            byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
        }
        const cases: string[] = [];
        if (byRule.size === 0) {
            cases.push(`    <testcase name="ssr check" classname="${escapeXml(file.path)}"/>`);
        }
        for (const [ruleId, findings] of byRule) {
            const body = findings.map(f => {
                const p = position(f);
                return `      <failure message="${escapeXml(f.message)}" type="${f.severity}">${escapeXml(`${file.path}:${p.line}:${p.column} ${f.severity} ${f.message} (${ruleId})`)}</failure>`;
            }).join('\n');
            cases.push(`    <testcase name="${escapeXml(ruleId)}" classname="${escapeXml(file.path)}">\n${body}\n    </testcase>`);
        }
        const suiteFailures = byRule.size;
        tests += Math.max(1, byRule.size);
        failures += suiteFailures;
        suites.push(`  <testsuite name="${escapeXml(file.path)}" tests="${Math.max(1, byRule.size)}" failures="${suiteFailures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ssr check" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
};
