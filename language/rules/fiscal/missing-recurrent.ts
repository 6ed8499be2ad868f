import { describe } from '../../base/declarations.js';
import { capitalize } from '../../base/format.js';
import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';

const RUNNING_COST_TYPES = ['equipment', 'infrastructure', 'recruitment'];

export const fiscalMissingRecurrent: Rule = {
    id: 'fiscal/missing-recurrent',
    severity: 'warning',
    description: 'An objective with capital costs and equipment, infrastructure or recruitment has no recurrent cost.',
    check({ model, report }) {
        for (const objective of model.objectives) {
            const capital = objective.costs.some(c => c.kind === 'capital');
            const recurrent = objective.costs.some(c => c.kind === 'recurrent');
            const builds = objective.activities.filter(a => RUNNING_COST_TYPES.includes(a.type ?? ''));
            if (!capital || recurrent || builds.length === 0) continue;
            report({
                node: objective, property: ast.Objective.name,
                message: `${capitalize(describe(objective))} has capital costs and ${builds.map(a => `${a.type} (${describe(a)})`).join(', ')} but no recurrent cost. What is built or hired has running costs (salaries, maintenance, fuel) that the plan must show: add 'cost recurrent <amount> per year from <year>'.`,
            });
        }
    },
};
