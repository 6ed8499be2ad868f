/**
 * Linking: Langium's `DefaultLinker`, with a walk over the AST that costs about a property read per
 * property. Langium's `link` streams every node (`streamAst`) and, for each, every reference
 * (`streamReferences`), through generic stream objects and an `await` per node: about three
 * quarters of the linking time of a 20k-line strategy went to the walk, a quarter to resolving.
 * The references are found and resolved in the same order as Langium's (document order: a node's
 * own references, then its children's), each exactly as `DefaultLinker.doLink` resolves it.
 */
import {
    Cancellation, DefaultLinker, interruptAndCheck, isAstNode, isMultiReference, isReference,
    type AstNode, type LangiumDocument,
} from 'langium';

/** How many nodes are linked between two checks for cancellation (each check is an `await`). */
const NODES_PER_CHECK = 512;

const DOLLAR = 36; // '$': Langium's own properties ($container, $cstNode…) are not content

export class SsrLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        // Depth first, in document order: the children of a node are pushed last to first.
        const stack: AstNode[] = [document.parseResult.value];
        let visited = 0;
        for (let node = stack.pop(); node; node = stack.pop()) {
            if (++visited % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            const firstChild = stack.length;
            for (const property in node) {
                if (property.charCodeAt(0) === DOLLAR) continue;
                const value: unknown = (node as unknown as Record<string, unknown>)[property];
                if (typeof value !== 'object' || value === null) continue;
                if (Array.isArray(value)) {
                    for (let index = 0; index < value.length; index++) {
                        const item: unknown = value[index];
                        if (isAstNode(item)) stack.push(item);
                        else if (isReference(item) || isMultiReference(item)) this.doLink({ reference: item, container: node, property, index }, document);
                    }
                } else if (isAstNode(value)) {
                    stack.push(value);
                } else if (isReference(value) || isMultiReference(value)) {
                    this.doLink({ reference: value, container: node, property }, document);
                }
            }
            reverseFrom(stack, firstChild);
        }
    }
}

/** Reverses `items[from…]` in place. */
function reverseFrom<T>(items: T[], from: number): void {
    for (let i = from, j = items.length - 1; i < j; i++, j--) {
        const item = items[i];
        items[i] = items[j];
        items[j] = item;
    }
}
