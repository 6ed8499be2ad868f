import type { Relation } from '../../model/relations.js';
import type { Rule } from '../rule.js';

export const sequencingCycle: Rule = {
    id: 'sequencing/cycle',
    severity: 'error',
    description: '`after` relations form a cycle, so nothing in it can ever start.',
    check({ relations, report }) {
        for (const cycle of relations.cycles) {
            const last = [...cycle].sort((a, b) => a.offset - b.offset)[cycle.length - 1];
            report({
                node: last.from, property: 'after', index: last.index,
                message: `These 'after' relations form a cycle: ${cyclePath(cycle)}. Each waits for another to end, so none can ever start. Remove one 'after' to break the cycle.`,
            });
        }
    },
};

/** `A after C after B after A`: a walk along the relations from the first one back to its start. */
function cyclePath(cycle: readonly Relation[]): string {
    const first = [...cycle].sort((a, b) => a.offset - b.offset)[0];
    const names = [first.from.name ?? '?'];
    let current = first;
    const seen = new Set<Relation>();
    while (!seen.has(current)) {
        seen.add(current);
        names.push(current.to.name ?? '?');
        if (current.to === first.from) break;
        const next = cycle.find(r => r.from === current.to && !seen.has(r));
        if (!next) break;
        current = next;
    }
    return names.join(' after ');
}
