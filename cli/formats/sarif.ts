import { docsUrl, familyOf } from '../../language/base/rule-ids.js';
import { allFindings, position, type Formatter } from './types.js';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 with one reportingDescriptor per rule, for code scanning on pull requests. */
export const sarif: Formatter = input => {
    const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'ssr',
                    fullName: 'SSR strategy checker',
                    informationUri: 'https://github.com/ssr-tools/ssr-strategy',
                    version: input.version,
                    rules: input.rules.map(rule => ({
                        id: rule.id,
                        name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
                        shortDescription: { text: rule.description },
                        helpUri: docsUrl(rule.id),
                        defaultConfiguration: { level: LEVEL[rule.severity] },
                        properties: { tags: [familyOf(rule.id)] },
                    })),
                },
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' } },
            results: allFindings(input).filter(({ finding }) => finding.severity !== 'hint').map(({ file, finding }) => {
                const p = position(finding);
                return {
                    ruleId: finding.ruleId,
                    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
                    level: LEVEL[finding.severity],
                    message: { text: finding.message },
                    // The records the finding rests on (fiscal/instrument-restriction: each restriction met).
                    ...(finding.related ? { properties: { related: finding.related.map(r => ({ id: r.id, severity: r.severity, message: r.message, ...(r.source ? { source: r.source } : {}) })) } } : {}),
                    locations: [{
                        physicalLocation: {
                            artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' },
                            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
                        },
                    }],
                };
            }),
        }],
    };
    return JSON.stringify(log, null, 2) + '\n';
};
