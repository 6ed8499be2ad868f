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
        for (const kind of RELATION_KINDS) {
            const references = from[kind];
            for (let index = 0; index < references.length; index++) {
                const reference = references[index];
                const to = reference.ref;
                if (ast.isObjective(to) || ast.isActivity(to)) {
                    all.push({ kind, from, to, index, offset: reference.$refNode?.offset ?? 0 });
                }
            }
        }
    }
    const after = all.filter(r => r.kind === 'after');
    // Nodes are numbered: the owners in order, then targets outside them (declared elsewhere) as met.
    const ids = new Map<ast.Objective | ast.Activity, number>();
    for (const owner of owners) if (!ids.has(owner)) ids.set(owner, ids.size);
    const roots = ids.size;
    const edges = new Int32Array(after.length * 2);
    after.forEach((relation, i) => {
        let to = ids.get(relation.to);
        if (to === undefined) ids.set(relation.to, to = ids.size);
        edges[2 * i] = ids.get(relation.from) ?? 0;
        edges[2 * i + 1] = to;
    });
    const componentOf = stronglyConnected(ids.size, roots, edges);
    // Each `after` relation whose ends lie in one component belongs to that component's cycle.
    const sizes = new Int32Array(ids.size);
    for (let node = 0; node < ids.size; node++) sizes[componentOf[node]]++;
    const edgesOf = new Map<number, Relation[]>();
    after.forEach((relation, i) => {
        const component = componentOf[edges[2 * i]];
        if (component !== componentOf[edges[2 * i + 1]]) return;
        const list = edgesOf.get(component);
        if (list) list.push(relation); else edgesOf.set(component, [relation]);
    });
    const cycles: Relation[][] = [];
    const inCycle = new Set<Relation>();
    for (const [component, list] of [...edgesOf].sort((a, b) => a[0] - b[0])) {
        if (sizes[component] > 1 || list.some(e => e.from === e.to)) {
            cycles.push(list);
            list.forEach(e => inCycle.add(e));
        }
    }
    return { all, cycles, inCycle };
}

const RELATION_KINDS = ['after', 'alongside'] as const;

/**
 * Tarjan's strongly connected components over nodes numbered 0…count−1, without recursion (a
 * chain of thousands of `after` relations must not overflow the stack). `edges` holds pairs
 * (from, to); the search starts from the nodes 0…roots−1 in order and follows each node's edges
 * in their order. Returns each node's component number, numbered in the order the components
 * complete. Typed arrays throughout: no map or object per node.
 */
export function stronglyConnected(count: number, roots: number, edges: Int32Array): Int32Array {
    // Successors in compressed rows: those of node v are successors[first[v] … first[v + 1] − 1].
    const first = new Int32Array(count + 1);
    for (let e = 0; e < edges.length; e += 2) first[edges[e] + 1]++;
    for (let v = 0; v < count; v++) first[v + 1] += first[v];
    const successors = new Int32Array(edges.length / 2);
    const filled = first.slice(0, count);
    for (let e = 0; e < edges.length; e += 2) successors[filled[edges[e]]++] = edges[e + 1];

    const UNVISITED = -1;
    const index = new Int32Array(count).fill(UNVISITED), low = new Int32Array(count);
    const onStack = new Uint8Array(count);
    const stack = new Int32Array(count);
    let stackSize = 0;
    // The depth-first path: a node and the position of its next successor to look at.
    const frameNode = new Int32Array(count), frameNext = new Int32Array(count);
    const componentOf = new Int32Array(count);
    let counter = 0, components = 0;
    for (let root = 0; root < roots; root++) {
        if (index[root] !== UNVISITED) continue;
        let depth = 0;
        frameNode[0] = root; frameNext[0] = first[root];
        index[root] = low[root] = counter++;
        stack[stackSize++] = root; onStack[root] = 1;
        while (depth >= 0) {
            const v = frameNode[depth];
            if (frameNext[depth] < first[v + 1]) {
                const w = successors[frameNext[depth]++];
                if (index[w] === UNVISITED) {
                    index[w] = low[w] = counter++;
                    stack[stackSize++] = w; onStack[w] = 1;
                    depth++;
                    frameNode[depth] = w; frameNext[depth] = first[w];
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], index[w]);
                }
                continue;
            }
            depth--;
            if (depth >= 0) low[frameNode[depth]] = Math.min(low[frameNode[depth]], low[v]);
            if (low[v] === index[v]) {
                let w: number;
                do {
                    w = stack[--stackSize];
                    onStack[w] = 0;
                    componentOf[w] = components;
                } while (w !== v);
                components++;
            }
        }
    }
    return componentOf;
}
