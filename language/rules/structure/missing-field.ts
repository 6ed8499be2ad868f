import type { AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import type { StrategyModel } from '../../model/strategy-model.js';
import { describe } from '../../base/declarations.js';
import { capitalize } from '../../base/format.js';
import type { Rule } from '../rule.js';

interface Required {
    readonly field: string;
    readonly property: string;
    /** The type of the declarations that need it. */
    readonly type: string;
    /** Whether the field is missing on this node (false when the node is not of the field's type). */
    readonly missingOn: (node: AstNode) => boolean;
    /** Why the checker needs it, in one clause. */
    readonly why: string;
    /** A line that parses, for the quick fix; the author then edits the value. */
    readonly line: (model: StrategyModel) => string;
}

/** A required field of the declarations a guard accepts, read through the generated types. */
function required<T extends AstNode, K extends keyof T & string>(type: { $type: T['$type'] }, guard: (node: unknown) => node is T, property: K, field: string, why: string, line: Required['line']): Required {
    const isOfType = (node: AstNode): node is T => node.$type === type.$type || guard(node);
    return { type: type.$type, field, property, why, line, missingOn: node => isOfType(node) && isMissing(node[property]) };
}

const firstName = (nodes: readonly { name?: string }[], fallback: string) => nodes.find(n => n.name)?.name ?? fallback;
const thisYear = new Date().getFullYear();

const REQUIRED_FIELDS: readonly Required[] = [
    required(ast.Strategy, ast.isStrategy, 'country', 'country', 'it names the partner nation whose strategy this is', () => 'country "Country name"'),
    required(ast.Strategy, ast.isStrategy, 'period', 'period', 'every schedule and the fiscal projection are computed over it', () => `period from ${thisYear} to ${thisYear + 4}`),
    required(ast.Strategy, ast.isStrategy, 'currency', 'currency', 'every amount is read in it', () => 'currency USD'),
    required(ast.Objective, ast.isObjective, 'sector', 'sector', 'coverage and sequencing are judged by sector', () => 'sector policing'),
    required(ast.Objective, ast.isObjective, 'leads', 'lead', 'each objective needs one accountable national actor', m => `lead ${firstName(m.allActors, 'Actor')}`),
    required(ast.Activity, ast.isActivity, 'type', 'type', 'sequencing rules (assessment first, vetting before capability) depend on it', () => 'type assessment'),
    required(ast.Funding, ast.isFunding, 'source', 'from', 'external and domestic funding are told apart by the funder', m => `from ${firstName(m.allActors, 'Actor')}`),
    required(ast.Funding, ast.isFunding, 'instrument', 'instrument', 'legal restrictions depend on the funding instrument', () => 'instrument national-budget'),
    required(ast.Funding, ast.isFunding, 'amount', 'amount', 'the fiscal projection needs it', m => `amount 0 from ${periodStart(m)} to ${periodStart(m)}`),
    required(ast.Funding, ast.isFunding, 'supports', 'supports', 'funding is allocated to the objectives it supports', m => `supports ${firstName(m.objectives, 'Objective')}`),
    required(ast.Benchmark, ast.isBenchmark, 'measures', 'measures', 'a benchmark is only useful against the objective it measures', m => `measures ${firstName(m.objectives, 'Objective')}`),
    required(ast.Benchmark, ast.isBenchmark, 'type', 'type', 'outcome and input measures are judged differently', () => 'type outcome'),
];

const REQUIRED_BY_TYPE = new Map<string, Required[]>();
for (const r of REQUIRED_FIELDS) REQUIRED_BY_TYPE.set(r.type, [...(REQUIRED_BY_TYPE.get(r.type) ?? []), r]);

function periodStart(model: StrategyModel): string {
    return model.strategy?.period?.start?.value?.slice(0, 4) ?? String(thisYear);
}

function isMissing(value: unknown): boolean {
    if (Array.isArray(value)) return value.length === 0;
    return value === undefined || value === '' || value === false;
}

export const structureMissingField: Rule = {
    id: 'structure/missing-field',
    severity: 'error',
    description: 'A required field of a declaration is missing.',
    appliesToLibraries: true,
    check({ model, report }) {
        // Linear: a fixed list of required fields per declaration type; a fix's firstName stops at the first named declaration.
        const nodes: ast.Declaration[] = [...model.strategies, ...model.objectives, ...model.activities, ...model.fundings, ...model.benchmarks];
        for (const node of nodes) {
            for (const required of REQUIRED_BY_TYPE.get(node.$type) ?? []) {
                if (!required.missingOn(node)) continue;
                report({
                    message: `${capitalize(describe(node))} has no '${required.field}': ${required.why}. Add a '${required.field}' line.`,
                    node, ...(ast.isStrategy(node) ? (node.title ? { property: ast.Strategy.title } : { keyword: 'strategy' }) : { property: 'name' }),
                    fix: { insertField: required.line(model), field: required.field },
                    key: required.field,
                });
            }
        }
        // LANGUAGE.md section 5: `growing` is required with a single revenue year (a series may go without).
        for (const fiscal of model.fiscals) {
            if (fiscal.revenues.length !== 1 || fiscal.growth) continue;
            const end = fiscal.revenues[0].$cstNode?.range.end;
            report({
                message: "The fiscal block gives revenue for a single year and no 'growing' rate: revenue in the other years of the period, and the affordable ceiling with it, cannot be projected. Add 'growing <rate> per year' to the revenue line, or give a series of years (revenue 80M in 2026, 95M in 2029).",
                node: fiscal, keyword: 'fiscal',
                fix: end ? { edits: [{ title: "Add 'growing 3% per year'", range: { start: end, end }, newText: ' growing 3% per year', preferred: true }], field: 'growing' } : undefined,
                key: 'growing',
            });
        }
        if (!model.isLibrary && model.strategies.length === 0 && model.root.elements.length > 0) {
            report({
                node: model.root,
                message: "This file has no 'strategy' header. A strategy file starts with strategy \"Title\" { country … period … currency … }; a file of shared actors starts with library \"Title\".",
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            });
        }
    },
};

