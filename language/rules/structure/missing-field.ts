import type { AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import { kindOf, type StrategyModel } from '../../model/strategy-model.js';
import type { Rule } from '../rule.js';

interface Required {
    readonly field: string;
    readonly property: string;
    /** Why the checker needs it, in one clause. */
    readonly why: string;
    /** A line that parses, for the quick fix; the author then edits the value. */
    readonly line: (model: StrategyModel) => string;
}

const firstName = (nodes: readonly { name?: string }[], fallback: string) => nodes.find(n => n.name)?.name ?? fallback;
const thisYear = new Date().getFullYear();

export const REQUIRED_FIELDS: Readonly<Record<string, readonly Required[]>> = {
    [ast.Strategy.$type]: [
        { field: 'country', property: ast.Strategy.country, why: 'it names the partner nation whose strategy this is', line: () => 'country "Country name"' },
        { field: 'period', property: ast.Strategy.period, why: 'every schedule and the fiscal projection are computed over it', line: () => `period from ${thisYear} to ${thisYear + 4}` },
        { field: 'currency', property: ast.Strategy.currency, why: 'every amount is read in it', line: () => 'currency USD' },
    ],
    [ast.Objective.$type]: [
        { field: 'sector', property: ast.Objective.sector, why: 'coverage and sequencing are judged by sector', line: () => 'sector policing' },
        { field: 'lead', property: ast.Objective.lead, why: 'each objective needs one accountable national actor', line: m => `lead ${firstName(m.allActors, 'Actor')}` },
    ],
    [ast.Activity.$type]: [
        { field: 'type', property: ast.Activity.type, why: 'sequencing rules (assessment first, vetting before capability) depend on it', line: () => 'type assessment' },
    ],
    [ast.Funding.$type]: [
        { field: 'from', property: ast.Funding.source, why: 'external and domestic funding are told apart by the funder', line: m => `from ${firstName(m.allActors, 'Actor')}` },
        { field: 'instrument', property: ast.Funding.instrument, why: 'legal restrictions depend on the funding instrument', line: () => 'instrument national-budget' },
        { field: 'amount', property: ast.Funding.amount, why: 'the fiscal projection needs it', line: m => `amount 0 from ${periodStart(m)} to ${periodStart(m)}` },
        { field: 'supports', property: ast.Funding.supports, why: 'funding is allocated to the objectives it supports', line: m => `supports ${firstName(m.objectives, 'Objective')}` },
    ],
    [ast.Benchmark.$type]: [
        { field: 'measures', property: ast.Benchmark.measures, why: 'a benchmark is only useful against the objective it measures', line: m => `measures ${firstName(m.objectives, 'Objective')}` },
        { field: 'type', property: ast.Benchmark.type, why: 'outcome and input measures are judged differently', line: () => 'type outcome' },
    ],
};

function periodStart(model: StrategyModel): string {
    return model.strategy?.period?.start?.value?.slice(0, 4) ?? String(thisYear);
}

function isMissing(node: AstNode, property: string): boolean {
    const value = (node as unknown as Record<string, unknown>)[property];
    if (Array.isArray(value)) return value.length === 0;
    return value === undefined || value === '' || value === false;
}

export const structureMissingField: Rule = {
    id: 'structure/missing-field',
    severity: 'error',
    description: 'A required field of a declaration is missing.',
    appliesToLibraries: true,
    check({ model, report }) {
        const nodes: AstNode[] = [...model.strategies, ...model.objectives, ...model.activities, ...model.fundings, ...model.benchmarks];
        for (const node of nodes) {
            for (const required of REQUIRED_FIELDS[node.$type] ?? []) {
                if (!isMissing(node, required.property)) continue;
                const name = (node as { name?: string }).name;
                report({
                    message: `${capitalize(kindOf(node))}${name ? ` '${name}'` : ''} has no '${required.field}': ${required.why}. Add a '${required.field}' line.`,
                    node, ...(ast.isStrategy(node) ? (node.title ? { property: ast.Strategy.title } : { keyword: 'strategy' }) : { property: 'name' }),
                    fix: { insertField: required.line(model), field: required.field },
                    key: required.field,
                });
            }
        }
        if (!model.isLibrary && model.strategies.length === 0 && model.root.elements.length > 0) {
            report({
                message: "This file has no 'strategy' header. A strategy file starts with strategy \"Title\" { country … period … currency … }; a file of shared actors starts with library \"Title\".",
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            });
        }
    },
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
