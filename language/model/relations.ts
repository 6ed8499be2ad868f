/**
 * The `after` / `alongside` relations of a strategy (between objectives, between activities, or
 * mixed) and the cycles among `after` relations, computed once per build by
 * `services.model.Relations` and shared by sequencing/cycle and sequencing/order.
 * Linear in the number of objectives, activities and relations (iterative Tarjan).
 */
import { DocumentCache, DocumentState, type LangiumCoreServices, type LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import type { StrategyModelProvider } from './strategy-model.js';

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

export class RelationsProvider {
    protected readonly strategyModels: StrategyModelProvider;
    protected readonly cache: DocumentCache<string, Relations>;

    constructor(services: LangiumCoreServices & { model: { StrategyModel: StrategyModelProvider } }) {
        this.strategyModels = services.model.StrategyModel;
        this.cache = new DocumentCache(services.shared, DocumentState.Linked);
    }

    get(document: LangiumDocument): Relations {
        return this.cache.get(document.uri, 'relations', () => {
            const model = this.strategyModels.get(document);
            return computeRelations([...model.objectives, ...model.activities]);
        });
    }
}

function computeRelations(owners: readonly (ast.Objective | ast.Activity)[]): Relations {
    const all: Relation[] = [];
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
    const componentOf = stronglyConnected(owners, after);
    // Each `after` relation whose ends lie in one component belongs to that component's cycle.
    const edgesOf = new Map<number, Relation[]>();
    const sizes = new Map<number, number>();
    for (const component of componentOf.values()) sizes.set(component, (sizes.get(component) ?? 0) + 1);
    for (const relation of after) {
        const component = componentOf.get(relation.from);
        if (component === undefined || component !== componentOf.get(relation.to)) continue;
        const list = edgesOf.get(component);
        if (list) list.push(relation); else edgesOf.set(component, [relation]);
    }
    const cycles: Relation[][] = [];
    const inCycle = new Set<Relation>();
    for (const [component, edges] of [...edgesOf].sort((a, b) => a[0] - b[0])) {
        if ((sizes.get(component) ?? 0) > 1 || edges.some(e => e.from === e.to)) {
            cycles.push(edges);
            edges.forEach(e => inCycle.add(e));
        }
    }
    return { all, cycles, inCycle };
}

/**
 * Tarjan's strongly connected components, without recursion (a chain of thousands of `after`
 * relations must not overflow the stack). Returns each node's component number, numbered in the
 * order the components complete.
 */
function stronglyConnected<N>(nodes: readonly N[], edges: readonly { from: N; to: N }[]): Map<N, number> {
    const successors = new Map<N, N[]>();
    for (const e of edges) {
        const list = successors.get(e.from);
        if (list) list.push(e.to); else successors.set(e.from, [e.to]);
    }
    const index = new Map<N, number>();
    const low = new Map<N, number>();
    const lowOf = (node: N) => low.get(node) ?? 0;
    const indexOf = (node: N) => index.get(node) ?? 0;
    const onStack = new Set<N>();
    const stack: N[] = [];
    const componentOf = new Map<N, number>();
    let counter = 0;
    let components = 0;
    for (const root of nodes) {
        if (index.has(root)) continue;
        // Each frame: a node and the position of the next successor to look at.
        const frames: { node: N; next: number }[] = [{ node: root, next: 0 }];
        index.set(root, counter); low.set(root, counter); counter++;
        stack.push(root); onStack.add(root);
        while (frames.length > 0) {
            const frame = frames[frames.length - 1];
            const next = successors.get(frame.node) ?? [];
            if (frame.next < next.length) {
                const w = next[frame.next++];
                if (!index.has(w)) {
                    index.set(w, counter); low.set(w, counter); counter++;
                    stack.push(w); onStack.add(w);
                    frames.push({ node: w, next: 0 });
                } else if (onStack.has(w)) {
                    low.set(frame.node, Math.min(lowOf(frame.node), indexOf(w)));
                }
                continue;
            }
            frames.pop();
            const v = frame.node;
            if (frames.length > 0) {
                const parent = frames[frames.length - 1].node;
                low.set(parent, Math.min(lowOf(parent), lowOf(v)));
            }
            if (low.get(v) === index.get(v)) {
                let w: N | undefined;
                do {
                    w = stack.pop();
                    if (w === undefined) break;
                    onStack.delete(w);
                    componentOf.set(w, components);
                } while (w !== v);
                components++;
            }
        }
    }
    return componentOf;
}
