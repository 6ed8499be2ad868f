import { describe } from '../../base/declarations.js';
import { capitalize, formatMoney } from '../../base/format.js';
import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';

export const fiscalUnfunded: Rule = {
    id: 'fiscal/unfunded',
    severity: 'warning',
    description: 'An objective has costs and no funding line supports it.',
    check({ fiscal, report }) {
        for (const figures of fiscal.objectives.values()) {
            if (!figures.hasCosts || figures.supported) continue;
            report({
                node: figures.objective, property: ast.Objective.name,
                message: `${capitalize(describe(figures.objective))} costs ${formatMoney(figures.cost, fiscal.currency)} over the period but no funding line supports it. A strategy must rest on realistic estimates of available resources: add a funding line that ${figures.objective.name ? `'supports ${figures.objective.name}'` : 'supports it'}.`,
            });
        }
    },
};
