import { describe } from '../../base/declarations.js';
import { capitalize, formatMoney } from '../../base/format.js';
import * as ast from '../../generated/ast.js';
import { isMaterial } from '../../model/fiscal-model.js';
import type { Rule } from '../rule.js';

export const fiscalGap: Rule = {
    id: 'fiscal/gap',
    severity: 'warning',
    description: 'A funded objective costs more than its funding in some years.',
    check({ fiscal, report }) {
        for (const figures of fiscal.objectives.values()) {
            if (!figures.supported) continue;
            const short = [...figures.years].filter(([, y]) => isMaterial(y.gap));
            if (short.length === 0) continue;
            report({
                node: figures.objective, property: ast.Objective.name,
                message: `${capitalize(describe(figures.objective))} is not fully funded: ${short.map(([year, y]) => `${year} ${formatMoney(y.gap, fiscal.currency)}`).join(', ')} (total ${formatMoney(figures.gap, fiscal.currency)}). A strategy based on unrealistic resource estimates stalls mid-way: add funding for those years or reduce the costs.`,
            });
        }
    },
};
