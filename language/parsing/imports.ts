/**
 * `import "path.ssr"`: where an import points, and the import closure that decides which names a
 * strategy sees (its own declarations and those of the libraries it imports, transitively).
 * Closures are computed once per document per build and shared by scoping, the models and the
 * document builder (which re-checks the documents that import a changed library).
 */
import {
    DocumentState, URI, UriUtils, WorkspaceCache,
    type FileSystemProvider, type LangiumCoreServices, type LangiumDocument, type LangiumDocuments,
} from 'langium';
import * as ast from '../generated/ast.js';

/** A library holds actors: a file larger than this is not one (and would stall every check that imports it). */
export const MAX_LIBRARY_BYTES = 5 * 1024 * 1024;

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
    protected readonly fileSystem: FileSystemProvider;
    protected readonly workspaceFolders: () => readonly { uri: string }[] | undefined;
    /** The folders the command line treats as the workspace (the editor has its workspace folders). */
    protected workspaceRoots: URI[] = [];
    /** Cleared once the documents of a build have their exports (then linking reads it). */
    protected readonly closures: WorkspaceCache<string, Closure>;
    protected readonly problems: WorkspaceCache<string, string | undefined>;

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.workspaceFolders = () => services.shared.workspace.WorkspaceManager.workspaceFolders;
        this.closures = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.problems = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    /** Outside the editor: imports must stay inside this folder. */
    setWorkspaceRoot(root: URI | undefined): void {
        this.workspaceRoots = root ? [root] : [];
    }

    /** Outside the editor: one more folder imports may lie in (a git revision's counterpart of the workspace). */
    addWorkspaceRoot(root: URI): void {
        this.workspaceRoots.push(root);
    }

    /**
     * Why an import cannot be used as a library, in words that complete "The library 'x.ssr' …",
     * or undefined when it can: it is not a .ssr file, lies outside the workspace, does not exist,
     * is a folder, is too large or is not UTF-8 text, or it imports the importing file back.
     */
    problemOf(document: LangiumDocument, node: ast.Import): string | undefined {
        const uri = resolveImportUri(document, node);
        if (!uri) return undefined;
        const loaded = this.documents.getDocument(uri);
        if (loaded) {
            if (loaded === document) return 'is this file itself';
            return this.closure(loaded).visible.has(document.uri.toString()) ? 'imports this file back (directly or through its own imports): imports must not form a cycle' : undefined;
        }
        return this.loadProblem(uri);
    }

    /** Why the file at `uri` cannot be loaded as a library, or undefined when it can. Read once per build. */
    loadProblem(uri: URI): string | undefined {
        return this.problems.get(uri.toString(), () => this.computeLoadProblem(uri));
    }

    protected computeLoadProblem(uri: URI): string | undefined {
        const roots = this.workspaceFolders()?.map(f => URI.parse(f.uri)) ?? this.workspaceRoots;
        if (roots.length > 0 && !roots.some(root => UriUtils.relative(root, uri).split('/')[0] !== '..' && uri.scheme === root.scheme)) {
            return 'lies outside the workspace: imports must stay inside it';
        }
        if (!uri.path.endsWith('.ssr')) return 'is not a .ssr file';
        let node;
        try {
            node = this.fileSystem.statSync(uri);
        } catch {
            return 'does not exist';
        }
        if (node.isDirectory) return 'is a folder, not a .ssr file';
        if (!node.isFile) return 'is not a file';
        let bytes: Uint8Array;
        try {
            bytes = this.fileSystem.readBinarySync(uri);
        } catch (error) {
            return `cannot be read (${(error as Error).message})`;
        }
        if (bytes.byteLength > MAX_LIBRARY_BYTES) return `is too large (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; a library of actors is at most ${MAX_LIBRARY_BYTES / 1024 / 1024} MB)`;
        try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
            return 'is not UTF-8 text';
        }
        return undefined;
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
