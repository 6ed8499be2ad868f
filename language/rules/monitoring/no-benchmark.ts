import { describe } from '../../base/declarations.js';
import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';
import { periodYears } from './skeleton.js';

export const monitoringNoBenchmark: Rule = {
    id: 'monitoring/no-benchmark',
    severity: 'warning',
    description: 'No benchmark measures an objective.',
    check({ model, time, report }) {
        // Linear (amortized): the suffix probe resumes per base name, so each taken name is skipped at most once.
        const measured = new Set<ast.Objective>();
        for (const benchmark of model.benchmarks) {
            for (const reference of benchmark.measures) if (reference.ref) measured.add(reference.ref);
        }
        const { first, last } = periodYears(time);
        const taken = new Set(model.benchmarks.map(b => b.name));
        const nextSuffix = new Map<string, number>(); // per base name, so that many objectives of one name stay linear
        for (const objective of model.objectives) {
            if (measured.has(objective) || !objective.name) continue;
            // Quick fix: a complete benchmark right after the objective, under a name no benchmark has yet.
            const base = `${objective.name}Progress`;
            let name = base;
            for (let i = nextSuffix.get(base) ?? 2; taken.has(name); i++) {
                name = `${base}${i}`;
                nextSuffix.set(base, i + 1);
            }
            taken.add(name);
            const end = objective.$cstNode?.range.end;
            report({
                node: objective, property: ast.Objective.name,
                message: `No benchmark measures ${describe(objective)}. Without a measurable benchmark nobody can tell whether the reform delivers security; the guidance asks for measurable objectives with baselines and targets. Add a benchmark that 'measures ${objective.name}'.`,
                fix: end ? {
                    edits: [{
                        title: `Add a benchmark for ${objective.name}`,
                        range: { start: end, end },
                        newText: `\n\nbenchmark ${name} "Progress of ${objective.name}" {\n    measures ${objective.name}\n    type outcome\n    source perception-survey\n    baseline 0% in ${first}\n    target 100% by ${last}\n}`,
                        preferred: true,
                    }],
                } : undefined,
            });
        }
    },
};
