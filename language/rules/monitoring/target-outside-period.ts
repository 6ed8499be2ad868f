import { describe } from '../../base/declarations.js';
import * as ast from '../../generated/ast.js';
import { yearOf, yearValue } from '../../base/values.js';
import type { Rule } from '../rule.js';

export const monitoringTargetOutsidePeriod: Rule = {
    id: 'monitoring/target-outside-period',
    severity: 'error',
    description: "A benchmark's target year lies outside the strategy period.",
    check({ model, time, report }) {
        const period = time.period;
        if (!period || period.end < period.start) return; // no usable period: the period itself is the error
        const first = yearOf(period.start), last = yearOf(period.end);
        for (const benchmark of model.benchmarks) {
            const year = yearValue(benchmark.target?.year);
            if (year === undefined || (year >= first && year <= last)) continue;
            report({
                node: benchmark, property: ast.Benchmark.target,
                message: `The target year ${year} of ${describe(benchmark)} lies outside the strategy period (${first} to ${last}): the strategy cannot be held to it. Choose a target year within the period.`,
            });
        }
    },
};
