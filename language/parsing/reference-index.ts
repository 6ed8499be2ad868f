/**
 * The index of references (what "find references" and rename search) built only when something
 * asks for it, from the links the linker already made: a keystroke does not pay for describing
 * every reference of the document, nor does the memory hold those descriptions until then.
 */
import {
    DefaultIndexManager, DefaultReferenceDescriptionProvider,
    type AstNode, type AstNodeDescription, type LangiumDocument, type ReferenceDescription, type Stream, type URI,
} from 'langium';

export class SsrReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /** A document's resolved references as index entries: linear in its references, no walk over the AST. */
    describe(document: LangiumDocument): ReferenceDescription[] {
        const result: ReferenceDescription[] = [];
        for (const reference of document.references) {
            const container = reference.$refNode?.astNode;
            if (reference.error || !container) continue;
            result.push(...this.createInfoDescriptions({ reference, container, property: '' }));
        }
        return result;
    }

    override createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        return Promise.resolve(this.describe(document));
    }
}

export class SsrIndexManager extends DefaultIndexManager {
    /** Documents linked since their references were last indexed. */
    protected readonly pending = new Map<string, LangiumDocument>();

    override updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.pending.set(uri, document);
        return Promise.resolve();
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.pending.delete(uri.toString());
    }

    /**
     * The exports of one document of the given type (every type when omitted), as an array: the
     * scope provider reads them without going through `allElements`' streams over all documents.
     */
    exportsOf(uri: string, nodeType?: string): readonly AstNodeDescription[] {
        return this.getFileDescriptions(uri, nodeType);
    }

    /** As Langium's, with one subtype test per distinct type of export rather than one per export. */
    protected override getFileDescriptions(uri: string, nodeType?: string): AstNodeDescription[] {
        if (!nodeType) return super.getFileDescriptions(uri);
        return this.symbolByTypeIndex.get(uri, nodeType, () => {
            const isSubtype = new Map<string, boolean>();
            return (this.symbolIndex.get(uri) ?? []).filter(description => {
                let is = isSubtype.get(description.type);
                if (is === undefined) isSubtype.set(description.type, is = this.astReflection.isSubtype(description.type, nodeType));
                return is;
            });
        });
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        this.indexPending();
        return super.findAllReferences(targetNode, astNodePath);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.indexPending();
        return super.isAffected(document, changedUris);
    }

    protected indexPending(): void {
        for (const [uri, document] of this.pending) {
            const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
            this.referenceIndex.set(uri, provider instanceof SsrReferenceDescriptionProvider ? provider.describe(document) : []);
        }
        this.pending.clear();
    }
}
