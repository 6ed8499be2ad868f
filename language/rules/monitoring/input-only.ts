import { describe } from '../../base/declarations.js';
import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';

export const monitoringInputOnly: Rule = {
    id: 'monitoring/input-only',
    severity: 'warning',
    description: 'All benchmarks of an objective measure inputs or outputs, not outcomes or impact.',
    check({ model, report }) {
        // Linear: one pass over the measures references; the every() calls together cover them once more.
        const types = new Map<ast.Objective, string[]>();
        for (const benchmark of model.benchmarks) {
            for (const measured of benchmark.measures) {
                if (!measured.ref) continue;
                const list = types.get(measured.ref);
                if (list) list.push(benchmark.type ?? ''); else types.set(measured.ref, [benchmark.type ?? '']);
            }
        }
        for (const objective of model.objectives) {
            const list = types.get(objective);
            if (!list || list.length === 0) continue;
            if (!list.every(t => t === 'input' || t === 'output')) continue;
            report({
                node: objective, property: ast.Objective.name,
                message: `Every benchmark of ${describe(objective)} measures inputs or outputs (money spent, officers trained). The guidance warns against measuring donor input rather than reform outcomes: add an outcome or impact benchmark, such as public trust or case clearance.`,
            });
        }
    },
};
