import * as ast from '../../generated/ast.js';
import { quantityValue, yearOf, yearValue } from '../../base/values.js';
import { capitalize, listInWords } from '../../base/format.js';
import { describe } from '../../base/declarations.js';
import type { Rule } from '../rule.js';

/**
 * RULES.md: a baseline year later than the first year of an objective the benchmark measures,
 * unless the baseline is `0` or `0%` (a count of what the programme creates is zero by definition
 * and needs no measurement). Linear in benchmarks and the objectives they measure.
 */
export const sequencingBaselineBeforeStart: Rule = {
    id: 'sequencing/baseline-before-start',
    severity: 'warning',
    description: "A benchmark's baseline year is later than the first year of an objective it measures (a zero baseline excepted).",
    check({ model, time, report }) {
        for (const benchmark of model.benchmarks) {
            const year = yearValue(benchmark.baseline?.year);
            if (year === undefined) continue;
            if (quantityValue(benchmark.baseline?.value)?.value === 0) continue; // zero by definition: nothing to measure
            const late: { objective: ast.Objective; start: number }[] = [];
            for (const objective of new Set(benchmark.measures.map(m => m.ref))) {
                const span = objective ? time.objective(objective) : undefined;
                if (objective && span && year > yearOf(span.start)) late.push({ objective, start: yearOf(span.start) });
            }
            if (late.length === 0) continue;
            report({
                node: benchmark, property: ast.Benchmark.baseline,
                message: `${capitalize(describe(benchmark))} takes its baseline in ${year}, after ${listInWords(late.map(l => `${describe(l.objective)} starts (${l.start})`))}. A baseline taken once the reform is under way cannot show what it changed: the guidance develops baselines in the preparatory phase. Measure it in or before ${late.reduce((min, l) => Math.min(min, l.start), Infinity)}, or, if it counts what the programme creates, write a baseline of 0.`,
            });
        }
    },
};
