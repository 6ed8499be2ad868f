import { describe } from '../../base/declarations.js';
import * as ast from '../../generated/ast.js';
import { quantityValue } from '../../base/values.js';
import type { Rule } from '../rule.js';

export const monitoringFlatTarget: Rule = {
    id: 'monitoring/flat-target',
    severity: 'warning',
    description: 'A benchmark target equals its baseline.',
    check({ model, report }) {
        for (const benchmark of model.benchmarks) {
            const baseline = quantityValue(benchmark.baseline?.value);
            const target = quantityValue(benchmark.target?.value);
            if (!baseline || !target || baseline.value !== target.value || baseline.percent !== target.percent) continue;
            report({
                node: benchmark, property: ast.Benchmark.target,
                message: `The target of ${describe(benchmark)} equals its baseline, so it measures no change. Set the target the reform should reach.`,
            });
        }
    },
};
