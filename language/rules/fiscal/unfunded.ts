import * as ast from '../../generated/ast.js';
import { fiscalModelOf, formatAmount } from '../../model/fiscal-model.js';
import type { Rule } from '../rule.js';

export const fiscalUnfunded: Rule = {
    id: 'fiscal/unfunded',
    severity: 'warning',
    description: 'An objective has costs and no funding line supports it.',
    check({ model, config, report }) {
        const fiscal = fiscalModelOf(model, config);
        for (const figures of fiscal.objectives.values()) {
            if (!figures.hasCosts || figures.supported) continue;
            report({
                node: figures.objective, property: ast.Objective.name,
                message: `Objective '${figures.objective.name}' costs ${formatAmount(figures.cost, fiscal.currency)} over the period but no funding line supports it. A strategy must rest on realistic estimates of available resources: add a funding line that 'supports ${figures.objective.name}'.`,
            });
        }
    },
};
