/**
 * Scoping: names are visible in a strategy and the libraries it imports, so two strategies in one
 * folder may both declare `NNP`. Activities are visible by their own name and as `Objective.Activity`.
 *
 * Each document's visible names are indexed once per build and reference type (name → description),
 * so a reference resolves in constant time whatever the size of the strategy.
 */
import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultScopeComputation, DefaultScopeProvider, DocumentState, EMPTY_SCOPE, MultiMap, WorkspaceCache, stream,
    type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumCoreServices, type LangiumDocument, type LocalSymbols,
    type ReferenceInfo, type Scope, type Stream, type URI,
} from 'langium';
import * as ast from '../generated/ast.js';
import type { SsrImports } from './imports.js';
import type { SsrIndexManager } from './reference-index.js';

/** What the parsing layer adds to Langium's core services. */
export interface SsrParsingAddedServices {
    references: {
        ScopeProvider: SsrScopeProvider;
        Imports: SsrImports;
    };
}
export type SsrParsingServices = LangiumCoreServices & SsrParsingAddedServices;

export class SsrScopeComputation extends DefaultScopeComputation {
    override collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        const root = document.parseResult.value;
        if (!ast.isDocument(root)) return Promise.resolve(exports);
        const add = (node: AstNode, name: string | undefined) => {
            if (name) exports.push(this.descriptions.createDescription(node, name, document));
        };
        for (const element of root.elements) {
            if (ast.isNamedDeclaration(element)) add(element, element.name);
            if (ast.isObjective(element)) {
                for (const activity of element.activities) {
                    add(activity, activity.name);
                    if (element.name && activity.name) add(activity, `${element.name}.${activity.name}`);
                }
            }
        }
        return Promise.resolve(exports);
    }

    override collectLocalSymbols(): Promise<LocalSymbols> {
        // Every name is exported (see above) and filtered by the import closure in the scope provider.
        return Promise.resolve(new MultiMap<AstNode, AstNodeDescription>());
    }
}

/** A scope over names indexed in advance: the first declaration of a name wins, as in document order. */
class IndexedScope implements Scope {
    constructor(readonly byName: ReadonlyMap<string, readonly AstNodeDescription[]>) { }

    getElement(name: string): AstNodeDescription | undefined {
        return this.byName.get(name)?.[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const found = this.byName.get(name);
        return stream(found ?? []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.byName.values()).flatMap((list): readonly AstNodeDescription[] => list);
    }
}

export class SsrScopeProvider extends DefaultScopeProvider {
    protected readonly imports: SsrImports;
    protected readonly exports: SsrIndexManager;
    /**
     * Per document (by URI) and reference type; cleared once a build has indexed its documents'
     * exports. Two levels, so that a lookup hashes two strings that are already flat, not a key
     * built for each reference.
     */
    protected readonly scopes: WorkspaceCache<string, Map<string, IndexedScope>>;

    constructor(services: SsrParsingServices) {
        super(services);
        this.imports = services.references.Imports;
        this.exports = services.shared.workspace.IndexManager as SsrIndexManager;
        this.scopes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    override getScope(context: ReferenceInfo): Scope {
        let referenceType: string;
        try {
            referenceType = this.reflection.getReferenceType(context);
        } catch {
            // Parser recovery on half-written text can leave a reference where the grammar has none.
            return EMPTY_SCOPE;
        }
        return this.indexedScope(AstUtils.getDocument(context.container), referenceType);
    }

    /**
     * The names a document sees, each with its declarations (first the one a reference links to),
     * of one reference type or, without one, of every type. Indexed once per build.
     */
    visibleNames(document: LangiumDocument, referenceType?: string): ReadonlyMap<string, readonly AstNodeDescription[]> {
        return this.indexedScope(document, referenceType).byName;
    }

    protected indexedScope(document: LangiumDocument, referenceType: string | undefined): IndexedScope {
        const uri = document.uri.toString();
        let byType = this.scopes.get(uri);
        if (!byType) this.scopes.set(uri, byType = new Map<string, IndexedScope>());
        const type = referenceType ?? '';
        let scope = byType.get(type);
        if (!scope) byType.set(type, scope = this.buildIndexedScope(document, referenceType));
        return scope;
    }

    /**
     * The declarations of the given type (every type when omitted) that a document can see: its own
     * first, then those of its libraries, nearest first. The order decides which declaration a
     * duplicated name links to (the document's own), whatever order the documents were indexed in.
     */
    protected buildIndexedScope(document: LangiumDocument, referenceType: string | undefined): IndexedScope {
        const byName = new Map<string, AstNodeDescription[]>();
        const add = (uri: string) => {
            for (const description of this.exports.exportsOf(uri, referenceType)) {
                const list = byName.get(description.name);
                if (list) list.push(description); else byName.set(description.name, [description]);
            }
        };
        add(document.uri.toString());
        for (const library of this.imports.importedDocuments(document)) add(library.uri.toString());
        return new IndexedScope(byName);
    }
}

/**
 * Descriptions of exported names whose node path and selection range are worked out when first
 * read, as Langium already does for the name's range: indexing a document describes every
 * declaration on every build, while paths and ranges are read only by navigation and symbols.
 */
export class SsrAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyDescription(node, name, documentUri, this);
    }

    /** What a description works out when first read. */
    pathOf(node: AstNode): string {
        return this.astNodeLocator.getAstNodePath(node);
    }

    nameSegmentOf(node: AstNode): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.nameProvider.getNameNode(node) ?? node.$cstNode);
    }
}

/** One class for every description (no closures per description); its lazy fields are getters on the prototype. */
class LazyDescription implements AstNodeDescription {
    readonly type: string;
    private lazyPath?: string;
    private lazySelection?: DocumentSegment;
    private lazyName?: DocumentSegment;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI, private readonly provider: SsrAstNodeDescriptionProvider) {
        this.type = node.$type;
    }

    get path(): string {
        return this.lazyPath ??= this.provider.pathOf(this.node);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.lazySelection ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.lazyName ??= this.provider.nameSegmentOf(this.node);
    }
}
