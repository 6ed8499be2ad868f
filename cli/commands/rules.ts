/**
 * `ssr rules`: every rule with its default severity, family, description and documentation link;
 * under `fiscal/instrument-restriction` the restrictions in force (the built-in records and those
 * of the configuration), under `taxonomy/unknown-term` the terms the configuration adds. The
 * configuration is the one `ssr check` would use for a file in the current folder, or `--config`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, UriUtils } from 'langium';
import { docsUrl, familyOf } from '../../language/base/rule-ids.js';
import type { TermInfo } from '../../language/base/taxonomy.js';
import type { ResolvedConfig } from '../../language/config/config.js';
import { UsageError, createServices, displayPath, reportConfigProblems } from '../io.js';
import type { CliIo } from '../io.js';
import type { CommandSpec } from '../options.js';

const RESTRICTION_RULE = 'fiscal/instrument-restriction';
const TERM_RULE = 'taxonomy/unknown-term';

/** The terms a configuration adds, per list label, each with the file (relative to the working folder) that adds it. */
function addedTerms(io: CliIo, config: ResolvedConfig): Record<string, (TermInfo & { definedIn: string })[]> {
    const result: Record<string, (TermInfo & { definedIn: string })[]> = {};
    for (const list of ['actorKind', 'sector', 'activityType', 'theme', 'source', 'instrument'] as const) {
        const added = config.vocabulary.terms(list).filter(t => t.definedIn);
        if (added.length > 0) result[config.vocabulary.label(list)] = added.map(t => ({ ...t, definedIn: shown(io, t.definedIn) }));
    }
    return result;
}

const shown = (io: CliIo, uri: string | undefined): string => uri ? displayPath(io, URI.parse(uri).fsPath) : '';

export const rulesCommand: CommandSpec = {
    name: 'rules',
    args: '',
    summary: 'List every rule: id, default severity, family, description, documentation link; the instrument restrictions and added terms of the configuration.',
    options: [
        { name: 'format', short: 'f', value: 'FORMAT', choices: ['table', 'json'], default: 'table', description: 'table for people, json for tools' },
        { name: 'config', short: 'c', value: 'FILE', description: 'use this .ssrrc.json (default: the one a file in the current folder would use)' },
    ],
    run(io, values) {
        const services = createServices(io);
        const provider = services.config.ConfigProvider;
        if (typeof values.config === 'string') {
            const configPath = path.resolve(io.cwd, values.config);
            if (!fs.existsSync(configPath)) throw new UsageError(`cannot read the config file '${values.config}'`);
            provider.setExplicitConfig(URI.file(configPath));
        }
        const here = UriUtils.joinPath(URI.file(io.cwd), 'strategy.ssr');
        if (reportConfigProblems(io, services, [here])) return Promise.resolve(2);
        const config = provider.getConfig(here);
        const restrictions = config.restrictions.map(r => r.definedIn ? { ...r, definedIn: shown(io, r.definedIn) } : r);
        const terms = addedTerms(io, config);
        const list = services.rules.RuleRegistry.all.map(rule => ({
            id: rule.id, severity: rule.severity, family: familyOf(rule.id), description: rule.description, docs: docsUrl(rule.id),
            ...(rule.id === RESTRICTION_RULE ? { restrictions } : {}),
            ...(rule.id === TERM_RULE && Object.keys(terms).length > 0 ? { terms } : {}),
        }));
        if (values.format === 'json') {
            io.stdout.write(JSON.stringify(list, null, 2) + '\n');
            return Promise.resolve(0);
        }
        const idWidth = Math.max(...list.map(r => r.id.length));
        const indent = ' '.repeat(idWidth + 11);
        for (const r of list) {
            io.stdout.write(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.description}\n${indent}${r.docs}\n`);
            if (r.id === RESTRICTION_RULE) {
                const width = Math.max(...restrictions.map(x => x.id.length));
                for (const x of restrictions) {
                    io.stdout.write(`${indent}  ${x.id.padEnd(width)}  ${x.severity.padEnd(7)}  ${x.instruments.join(', ')}${x.definedIn ? `  (${x.definedIn})` : ''}\n`);
                }
            }
            if (r.id === TERM_RULE) {
                for (const [label, added] of Object.entries(terms)) {
                    const files = [...new Set(added.map(t => t.definedIn))].join(', ');
                    io.stdout.write(`${indent}  added ${label}: ${added.map(t => t.id).join(', ')} (${files})\n`);
                }
            }
        }
        return Promise.resolve(0);
    },
};
