import * as ast from '../../generated/ast.js';
import { timeModelOf } from '../../model/time-model.js';
import { yearOf } from '../../values.js';
import type { Rule } from '../rule.js';

export const monitoringIncomplete: Rule = {
    id: 'monitoring/incomplete',
    severity: 'warning',
    description: 'A benchmark lacks a baseline or a target.',
    check({ model, report }) {
        const period = timeModelOf(model).period;
        const first = period ? yearOf(period.start) : new Date().getFullYear();
        const last = period ? yearOf(period.end) : first + 4;
        for (const benchmark of model.benchmarks) {
            const missing = [!benchmark.baseline && 'baseline', !benchmark.target && 'target'].filter((x): x is string => Boolean(x));
            if (missing.length === 0) continue;
            const percent = (benchmark.baseline ?? benchmark.target)?.value?.value?.endsWith('%') ?? true;
            const line = missing[0] === 'baseline' ? `baseline ${percent ? '0%' : '0'} in ${first - 1}` : `target ${percent ? '100%' : '0'} by ${last}`;
            report({
                node: benchmark, property: ast.Benchmark.name,
                message: `Benchmark '${benchmark.name}' has no ${missing.join(' and no ')}. Progress can only be judged against a baseline measured before the reform and a target with a date. Add '${missing.map(m => m === 'baseline' ? 'baseline <value> in <year>' : 'target <value> by <year>').join("' and '")}'.`,
                fix: { insertField: line, field: missing[0] },
            });
        }
    },
};
