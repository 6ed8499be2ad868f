import { endsBefore, overlaps, timeModelOf } from '../../model/time-model.js';
import { formatMonth } from '../../values.js';
import type { Rule } from '../rule.js';
import { describeNode, relationsOf } from './relations.js';

export const sequencingOrder: Rule = {
    id: 'sequencing/order',
    severity: 'error',
    description: 'Something starts before a thing it is `after` has ended, or an `alongside` pair does not overlap.',
    check({ model, report }) {
        const time = timeModelOf(model);
        const relations = relationsOf(model);
        for (const relation of relations.all) {
            if (relations.inCycle.has(relation)) continue; // sequencing/cycle reports those
            const a = time.of(relation.from), b = time.of(relation.to);
            if (!a || !b) continue;
            if (relation.kind === 'after' && !endsBefore(b, a)) {
                report({
                    node: relation.from, property: 'after', index: relation.index,
                    message: `${capitalize(describeNode(relation.from))} starts ${formatMonth(a.start)}, before ${describeNode(relation.to)} it is 'after' has ended (${formatMonth(b.end)}). Reforms that build on each other must be sequenced: move its dates or phase after ${formatMonth(b.end)}.`,
                });
            } else if (relation.kind === 'alongside' && !overlaps(a, b)) {
                report({
                    node: relation.from, property: 'alongside', index: relation.index,
                    message: `${capitalize(describeNode(relation.from))} (${formatMonth(a.start)} to ${formatMonth(a.end)}) is 'alongside' ${describeNode(relation.to)} (${formatMonth(b.start)} to ${formatMonth(b.end)}), but they do not overlap in time. Schedule them so that they run together.`,
                });
            }
        }
    },
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
