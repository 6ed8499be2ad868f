/**
 * The `after` / `alongside` relations of a strategy (between objectives, between activities, or
 * mixed) and the cycles among `after` relations (Tarjan's strongly connected components), computed
 * once per check and shared by sequencing/cycle and sequencing/order.
 */
import type { AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import type { StrategyModel } from '../../model/strategy-model.js';

export interface Relation {
    readonly kind: 'after' | 'alongside';
    /** The objective or activity that declares the relation. */
    readonly from: ast.Objective | ast.Activity;
    readonly to: ast.Objective | ast.Activity;
    readonly index: number;
    /** Document offset of the reference, for "last in document order". */
    readonly offset: number;
}

export interface Relations {
    readonly all: readonly Relation[];
    /** Cycles: sets of `after` relations whose nodes form a strongly connected component. */
    readonly cycles: readonly (readonly Relation[])[];
    /** `after` relations that lie inside a cycle. */
    readonly inCycle: ReadonlySet<Relation>;
}

const cache = new WeakMap<StrategyModel, Relations>();

export function relationsOf(model: StrategyModel): Relations {
    let relations = cache.get(model);
    if (relations) return relations;
    const all: Relation[] = [];
    const owners: (ast.Objective | ast.Activity)[] = [...model.objectives, ...model.activities];
    for (const from of owners) {
        for (const kind of ['after', 'alongside'] as const) {
            from[kind].forEach((reference, index) => {
                const to = reference.ref;
                if (ast.isObjective(to) || ast.isActivity(to)) {
                    all.push({ kind, from, to, index, offset: reference.$refNode?.offset ?? 0 });
                }
            });
        }
    }
    const after = all.filter(r => r.kind === 'after');
    const components = stronglyConnected(owners, after);
    const cycles: Relation[][] = [];
    const inCycle = new Set<Relation>();
    for (const component of components) {
        const members = new Set<AstNode>(component);
        const edges = after.filter(r => members.has(r.from) && members.has(r.to));
        if (component.length > 1 || edges.some(e => e.from === e.to)) {
            cycles.push(edges);
            edges.forEach(e => inCycle.add(e));
        }
    }
    relations = { all, cycles, inCycle };
    cache.set(model, relations);
    return relations;
}

function stronglyConnected<N>(nodes: readonly N[], edges: readonly { from: N; to: N }[]): N[][] {
    const successors = new Map<N, N[]>();
    for (const e of edges) successors.set(e.from, [...(successors.get(e.from) ?? []), e.to]);
    const index = new Map<N, number>();
    const low = new Map<N, number>();
    const onStack = new Set<N>();
    const stack: N[] = [];
    const result: N[][] = [];
    let counter = 0;
    const visit = (v: N) => {
        index.set(v, counter); low.set(v, counter); counter++;
        stack.push(v); onStack.add(v);
        for (const w of successors.get(v) ?? []) {
            if (!index.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (onStack.has(w)) {
                low.set(v, Math.min(low.get(v)!, index.get(w)!));
            }
        }
        if (low.get(v) === index.get(v)) {
            const component: N[] = [];
            let w: N;
            do { w = stack.pop()!; onStack.delete(w); component.push(w); } while (w !== v);
            result.push(component);
        }
    };
    for (const node of nodes) if (!index.has(node)) visit(node);
    return result;
}

export const describeNode = (node: ast.Objective | ast.Activity): string =>
    ast.isActivity(node) ? `activity '${node.name}'` : `objective '${node.name}'`;
