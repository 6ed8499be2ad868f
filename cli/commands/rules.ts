/** `ssr rules`: every rule with its default severity, family, description and documentation link. */
import { docsUrl, familyOf } from '../../language/base/rule-ids.js';
import { createServices } from '../io.js';
import type { CommandSpec } from '../options.js';

export const rulesCommand: CommandSpec = {
    name: 'rules',
    args: '',
    summary: 'List every rule: id, default severity, family, description, documentation link.',
    options: [
        { name: 'format', short: 'f', value: 'FORMAT', choices: ['table', 'json'], default: 'table', description: 'table for people, json for tools' },
    ],
    run(io, values) {
        const list = createServices(io).rules.RuleRegistry.all.map(rule => ({
            id: rule.id, severity: rule.severity, family: familyOf(rule.id), description: rule.description, docs: docsUrl(rule.id),
        }));
        if (values.format === 'json') {
            io.stdout.write(JSON.stringify(list, null, 2) + '\n');
        } else {
            const idWidth = Math.max(...list.map(r => r.id.length));
            for (const r of list) io.stdout.write(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.description}\n${' '.repeat(idWidth + 11)}${r.docs}\n`);
        }
        return Promise.resolve(0);
    },
};
