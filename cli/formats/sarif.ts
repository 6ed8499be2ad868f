import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LANGUAGE_FAMILIES, docsUrl, familyOf } from '../../language/base/rule-ids.js';
import type { Rule } from '../../language/rules/rule.js';
import { ruleHelp } from '../rule-help.js';
import { allFindings, fingerprintOf, position, type Formatter, type FormatInput, type ReportFile } from './types.js';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub code scanning's `problem.severity`. */
const PROBLEM_SEVERITY: Record<string, string> = { error: 'error', warning: 'warning', info: 'recommendation', hint: 'recommendation' };

/**
 * How often a rule's findings are right (`precision`, which code scanning shows and sorts by): the
 * language rules are exact; the guidance rules judge a plan (high), and the ones that only suggest
 * (default severity info) are a matter of judgement (medium).
 */
function precision(rule: Rule): string {
    if (LANGUAGE_FAMILIES.has(familyOf(rule.id))) return 'very-high';
    return rule.severity === 'info' || rule.severity === 'hint' ? 'medium' : 'high';
}

function descriptor(rule: Rule) {
    const help = ruleHelp(rule.id);
    return {
        id: rule.id,
        name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
        shortDescription: { text: rule.description },
        ...(help ? {
            fullDescription: { text: help.fullDescription || rule.description },
            help: { text: help.text, markdown: help.markdown },
        } : {}),
        helpUri: docsUrl(rule.id),
        defaultConfiguration: { level: LEVEL[rule.severity] },
        properties: { tags: [familyOf(rule.id)], precision: precision(rule), 'problem.severity': PROBLEM_SEVERITY[rule.severity] },
    };
}

/** `%SRCROOT%`: the repository of the first file (they normally share one), as a folder URI. */
function sourceRoot(input: FormatInput): string | undefined {
    return input.files[0]?.root;
}

function artifactLocation(file: ReportFile, root: string | undefined) {
    if (root !== undefined && file.root === root) return { uri: encodeURI(file.repoPath), uriBaseId: '%SRCROOT%' };
    return { uri: pathToFileURL(path.join(file.root, file.repoPath)).href };
}

/**
 * SARIF 2.1.0 with one reportingDescriptor per rule (its page as help), for code scanning on pull
 * requests. Locations are relative to the repository (`%SRCROOT%`); each result's
 * partialFingerprints follow its identity, not its line, so an alert survives edits above it, and
 * two findings of one rule on one line stay two alerts. `primaryLocationLineHash` is the one
 * code scanning matches alerts by: upload-sarif keeps the value given (and logs that it differs
 * from the line hash it would have computed).
 */
export const sarif: Formatter = input => {
    const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
    const root = sourceRoot(input);
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
                    rules: input.rules.map(descriptor),
                },
            },
            ...(root !== undefined ? { originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } } } : {}),
            results: allFindings(input).filter(({ finding }) => finding.severity !== 'hint').map(({ file, finding }) => {
                const p = position(finding);
                const hash = fingerprintOf(file, finding);
                return {
                    ruleId: finding.ruleId,
                    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
                    level: LEVEL[finding.severity],
                    message: { text: finding.message },
                    locations: [{
                        physicalLocation: {
                            artifactLocation: artifactLocation(file, root),
                            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
                        },
                    }],
                    partialFingerprints: { primaryLocationLineHash: `${hash.slice(0, 16)}:1`, 'ssrIdentity/v1': hash },
                    properties: {
                        identity: finding.identity,
                        // The records the finding rests on (fiscal/instrument-restriction: each restriction met).
                        ...(finding.related ? { related: finding.related.map(r => ({ id: r.id, severity: r.severity, message: r.message, ...(r.source ? { source: r.source } : {}) })) } : {}),
                    },
                };
            }),
        }],
    };
    return JSON.stringify(log, null, 2) + '\n';
};
