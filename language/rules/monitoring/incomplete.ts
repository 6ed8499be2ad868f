import { describe } from '../../base/declarations.js';
import { capitalize } from '../../base/format.js';
import * as ast from '../../generated/ast.js';
import { quantityValue, yearValue, type QuantityValue } from '../../base/values.js';
import type { Rule } from '../rule.js';
import { formatQuantity, periodYears } from './skeleton.js';

/** A baseline for an existing target: 0 (or 100 when the target is 0), in the target's unit. */
function baselineFor(target: QuantityValue | undefined): string {
    return formatQuantity({ value: target?.value === 0 ? 100 : 0, percent: target?.percent ?? true });
}

/**
 * A target for an existing baseline, in its unit and never equal to it (a flat target is itself a
 * finding): 100% for a percent (0% when the baseline is 100%), twice a number (100 for 0).
 */
function targetFor(baseline: QuantityValue | undefined): string {
    if (!baseline || baseline.percent) return formatQuantity({ value: baseline?.value === 100 ? 0 : 100, percent: true });
    return formatQuantity({ value: baseline.value === 0 ? 100 : baseline.value * 2, percent: false });
}

export const monitoringIncomplete: Rule = {
    id: 'monitoring/incomplete',
    severity: 'warning',
    description: 'A benchmark lacks a baseline or a target.',
    check({ model, time, report }) {
        const { first, last } = periodYears(time);
        for (const benchmark of model.benchmarks) {
            const missing: ('baseline' | 'target')[] = [];
            if (!benchmark.baseline) missing.push('baseline');
            if (!benchmark.target) missing.push('target');
            if (missing.length === 0) continue;
            // The quick fix inserts the first missing line; once it is in, the finding (if a target is
            // still missing) offers the next. Values are placeholders of the existing line's unit.
            let line: string;
            if (missing[0] === 'baseline') {
                const targetYear = yearValue(benchmark.target?.year);
                const year = targetYear !== undefined ? Math.min(first - 1, targetYear - 1) : first - 1;
                line = `baseline ${baselineFor(quantityValue(benchmark.target?.value))} in ${year}`;
            } else {
                line = `target ${targetFor(quantityValue(benchmark.baseline?.value))} by ${last}`;
            }
            const lacks = missing.length === 2 ? 'neither a baseline nor a target' : `no ${missing[0]}`;
            const add = missing.map(m => m === 'baseline' ? "'baseline <value> in <year>'" : "'target <value> by <year>'").join(' and ');
            report({
                node: benchmark, property: ast.Benchmark.name,
                message: `${capitalize(describe(benchmark))} has ${lacks}. Progress can only be judged between a baseline and a dated target; the guidance asks for robust baseline data and indicators from the preparatory phase on. Add ${add}.`,
                fix: { insertField: line, field: missing[0] },
            });
        }
    },
};
