import type { Rule } from '../rule.js';
import { relationsOf } from './relations.js';

export const sequencingCycle: Rule = {
    id: 'sequencing/cycle',
    severity: 'error',
    description: '`after` relations form a cycle, so nothing in it can ever start.',
    check({ model, report }) {
        for (const cycle of relationsOf(model).cycles) {
            const last = [...cycle].sort((a, b) => a.offset - b.offset)[cycle.length - 1];
            const names = [...new Set(cycle.map(r => r.from.name ?? '?'))];
            report({
                node: last.from, property: 'after', index: last.index,
                message: `These 'after' relations form a cycle: ${[...names, names[0]].join(' → ')}. Each waits for another to end, so none can ever start. Remove one 'after' to break the cycle.`,
            });
        }
    },
};
