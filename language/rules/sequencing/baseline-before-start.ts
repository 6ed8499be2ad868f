import * as ast from '../../generated/ast.js';
import { yearOf, yearValue } from '../../base/values.js';
import type { Rule } from '../rule.js';

export const sequencingBaselineBeforeStart: Rule = {
    id: 'sequencing/baseline-before-start',
    severity: 'warning',
    description: "A benchmark's baseline year is later than the first year of an objective it measures.",
    check({ model, time, report }) {
        for (const benchmark of model.benchmarks) {
            const year = yearValue(benchmark.baseline?.year);
            if (year === undefined) continue;
            const late: { objective: ast.Objective; start: number }[] = [];
            for (const objective of benchmark.measures.map(m => m.ref)) {
                const span = objective ? time.objective(objective) : undefined;
                if (objective && span && year > yearOf(span.start)) late.push({ objective, start: yearOf(span.start) });
            }
            if (late.length === 0) continue;
            report({
                node: benchmark, property: ast.Benchmark.baseline,
                message: `The baseline of benchmark '${benchmark.name}' is measured in ${year}, after ${late.map(l => `'${l.objective.name}'`).join(', ')} starts. A baseline taken once the reform is under way cannot show what it changed: the guidance develops baselines in the preparatory phase. Measure it in or before ${Math.min(...late.map(l => l.start))}.`,
            });
        }
    },
};
