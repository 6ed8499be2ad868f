/**
 * `import "path.ssr"`: where an import points, and the import closure that decides which names a
 * strategy sees (its own declarations and those of the libraries it imports, transitively).
 * Closures are computed once per document per build and shared by scoping, the models and the
 * document builder (which re-checks the documents that import a changed library).
 */
import {
    DocumentState, UriUtils, WorkspaceCache,
    type LangiumCoreServices, type LangiumDocument, type LangiumDocuments, type URI,
} from 'langium';
import * as ast from '../generated/ast.js';

/** The URI an import names, relative to the importing document; undefined when it names none. */
export function resolveImportUri(document: LangiumDocument, importNode: ast.Import): URI | undefined {
    const path = importNode.path?.trim();
    if (!path) return undefined;
    return UriUtils.resolvePath(UriUtils.dirname(document.uri), path);
}

/** The imports of a document's root, in document order. */
export function importsOf(document: LangiumDocument): ast.Import[] {
    const root = document.parseResult?.value;
    return ast.isDocument(root) ? root.elements.filter(ast.isImport) : [];
}

interface Closure {
    /** The loaded documents a document imports, directly or not (without itself), nearest first. */
    readonly documents: readonly LangiumDocument[];
    /** URIs (as strings) of the document and everything it imports: the documents whose names it sees. */
    readonly visible: Set<string>;
    /** Every URI its closure names, loaded or not (a library that does not exist yet counts). */
    readonly named: ReadonlySet<string>;
}

export class SsrImports {
    protected readonly documents: LangiumDocuments;
    /** Cleared once the documents of a build have their exports (then linking reads it). */
    protected readonly closures: WorkspaceCache<string, Closure>;

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.closures = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    /** The libraries a document imports, transitively, without itself. */
    importedDocuments(document: LangiumDocument): readonly LangiumDocument[] {
        return this.closure(document).documents;
    }

    /** Not to be modified: it is shared. */
    visibleUris(document: LangiumDocument): Set<string> {
        return this.closure(document).visible;
    }

    /** Whether a change to any of these URIs can change what the document sees. */
    dependsOn(document: LangiumDocument, changed: ReadonlySet<string>): boolean {
        for (const uri of this.closure(document).named) {
            if (changed.has(uri)) return true;
        }
        return false;
    }

    protected closure(document: LangiumDocument): Closure {
        return this.closures.get(document.uri.toString(), () => this.computeClosure(document));
    }

    /** Breadth-first over the imports; linear in the number of imports of the closure. */
    protected computeClosure(document: LangiumDocument): Closure {
        const self = document.uri.toString();
        const named = new Set<string>([self]);
        const documents: LangiumDocument[] = [];
        const queue: LangiumDocument[] = [document];
        for (let i = 0; i < queue.length; i++) {
            const current = queue[i];
            for (const node of importsOf(current)) {
                const uri = resolveImportUri(current, node);
                if (!uri || named.has(uri.toString())) continue;
                named.add(uri.toString());
                const imported = this.documents.getDocument(uri);
                if (imported) {
                    documents.push(imported);
                    queue.push(imported);
                }
            }
        }
        return { documents, visible: new Set([self, ...documents.map(d => d.uri.toString())]), named };
    }
}
