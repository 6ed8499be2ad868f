import type { Relation } from '../../model/relations.js';
import type { Rule } from '../rule.js';

export const sequencingCycle: Rule = {
    id: 'sequencing/cycle',
    severity: 'error',
    description: '`after` relations form a cycle, so nothing in it can ever start.',
    check({ relations, report }) {
        // Linear in the relations of the cycles: each cycle is scanned once for its first and last
        // relation in the text and walked once (cyclePath).
        for (const cycle of relations.cycles) {
            const first = cycle.reduce((a, b) => b.offset < a.offset ? b : a);
            const last = cycle.reduce((a, b) => b.offset >= a.offset ? b : a);
            report({
                node: last.from, property: 'after', index: last.index,
                message: `These 'after' relations form a cycle: ${cyclePath(cycle, first)}. Each waits for another to end, so none can ever start. Remove one 'after' to break the cycle.`,
            });
        }
    },
};

/** `A after C after B after A`: a walk along the relations from `first` (the first in the text) back to its start. */
function cyclePath(cycle: readonly Relation[], first: Relation): string {
    const names = [first.from.name ?? '?'];
    // Linear in the cycle: each declaration's outgoing relations are tried in order, each once.
    const outgoing = new Map<Relation['from'], Relation[]>();
    for (const relation of cycle) {
        const list = outgoing.get(relation.from);
        if (list) list.push(relation); else outgoing.set(relation.from, [relation]);
    }
    const tried = new Map<Relation['from'], number>();
    let current = first;
    const seen = new Set<Relation>();
    while (!seen.has(current)) {
        seen.add(current);
        names.push(current.to.name ?? '?');
        if (current.to === first.from) break;
        const candidates = outgoing.get(current.to) ?? [];
        let i = tried.get(current.to) ?? 0;
        while (i < candidates.length && seen.has(candidates[i])) i++;
        tried.set(current.to, i);
        if (i >= candidates.length) break;
        current = candidates[i];
    }
    return names.join(' after ');
}
