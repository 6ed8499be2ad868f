/**
 * Scoping: names are visible in a strategy and the libraries it imports, so two strategies in one
 * folder may both declare `NNP`. Activities are visible by their own name and as `Objective.Activity`.
 */
import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, MultiMap, StreamScope, stream,
    type AstNode, type AstNodeDescription, type LangiumCoreServices, type LangiumDocument,
    type LangiumDocuments, type LocalSymbols, type ReferenceInfo, type Scope,
} from 'langium';
import * as ast from './generated/ast.js';
import { visibleUris } from './imports.js';

export class SsrScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        const root = document.parseResult.value;
        if (!ast.isDocument(root)) return exports;
        const add = (node: AstNode, name: string | undefined) => {
            if (name) exports.push(this.descriptions.createDescription(node, name, document));
        };
        for (const element of root.elements) {
            if (ast.isActor(element) || ast.isPhase(element) || ast.isBenchmark(element) || ast.isFunding(element)) {
                add(element, element.name);
            } else if (ast.isObjective(element)) {
                add(element, element.name);
                for (const activity of element.activities) {
                    add(activity, activity.name);
                    if (element.name && activity.name) add(activity, `${element.name}.${activity.name}`);
                }
            }
        }
        return exports;
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        // Every name is exported (see above) and filtered by the import closure in the scope provider.
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

export class SsrScopeProvider extends DefaultScopeProvider {
    protected readonly documents: LangiumDocuments;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        return new StreamScope(this.visibleElements(context.container, referenceType));
    }

    /** The declarations of the given type that a node's document can see. */
    visibleElements(node: AstNode, referenceType?: string) {
        const document = AstUtils.getDocument(node);
        const uris = visibleUris(document, this.documents);
        return stream(this.indexManager.allElements(referenceType, uris));
    }
}
