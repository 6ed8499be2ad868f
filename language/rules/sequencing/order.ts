import * as ast from '../../generated/ast.js';
import { overlaps, readyMonth } from '../../model/time-model.js';
import { formatMonth } from '../../base/values.js';
import type { Rule } from '../rule.js';
import { describe } from '../../base/declarations.js';
import { capitalize } from '../../base/format.js';

export const sequencingOrder: Rule = {
    id: 'sequencing/order',
    severity: 'error',
    description: 'Something starts before a thing it is `after` has ended, or an `alongside` pair does not overlap.',
    check({ time, relations, report }) {
        for (const relation of relations.all) {
            if (relations.inCycle.has(relation)) continue; // sequencing/cycle reports those
            const a = time.of(relation.from), b = time.of(relation.to);
            if (!a || !b) continue;
            // A rolling activity (done intake by intake) has done its work for what starts once it has started.
            const rolling = ast.isActivity(relation.to) && relation.to.rolling;
            if (relation.kind === 'after' && a.start < (ast.isActivity(relation.to) ? readyMonth(relation.to, b) : b.end + 1)) {
                report({
                    node: relation.from, property: 'after', index: relation.index,
                    message: rolling
                        ? `${capitalize(describe(relation.from))} starts ${formatMonth(a.start)}, before rolling ${describe(relation.to)} it is 'after' has started (${formatMonth(b.start)}). Reforms that build on each other must be sequenced: move its dates or phase to ${formatMonth(b.start)} or later.`
                        : `${capitalize(describe(relation.from))} starts ${formatMonth(a.start)}, before ${describe(relation.to)} it is 'after' has ended (${formatMonth(b.end)}). Reforms that build on each other must be sequenced: move its dates or phase after ${formatMonth(b.end)}.`,
                });
            } else if (relation.kind === 'alongside' && !overlaps(a, b)) {
                report({
                    node: relation.from, property: 'alongside', index: relation.index,
                    message: `${capitalize(describe(relation.from))} (${formatMonth(a.start)} to ${formatMonth(a.end)}) is 'alongside' ${describe(relation.to)} (${formatMonth(b.start)} to ${formatMonth(b.end)}), but they do not overlap in time. Schedule them so that they run together.`,
                });
            }
        }
    },
};

