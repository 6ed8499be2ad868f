/**
 * The declarations of one strategy, gathered once per build so that no rule walks the whole
 * document per node: every rule, hover, code lens, the summary and the diff read these lists.
 * `services.model.StrategyModel` computes it and keeps it until the document (or a library it
 * imports) is linked again.
 */
import { DocumentCache, DocumentState, type LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import type { SsrImports } from '../parsing/imports.js';
import type { SsrParsingServices } from '../parsing/scope.js';

export interface StrategyModel {
    readonly document: LangiumDocument<ast.Document>;
    readonly root: ast.Document;
    /** True when the file starts with `library`. */
    readonly isLibrary: boolean;
    readonly strategy?: ast.Strategy;
    readonly strategies: readonly ast.Strategy[];
    readonly libraries: readonly ast.Library[];
    readonly imports: readonly ast.Import[];
    /** Actors declared in this file. */
    readonly actors: readonly ast.Actor[];
    /** Actors declared in this file and in the libraries it imports (transitively). */
    readonly allActors: readonly ast.Actor[];
    readonly phases: readonly ast.Phase[];
    readonly objectives: readonly ast.Objective[];
    readonly activities: readonly ast.Activity[];
    readonly benchmarks: readonly ast.Benchmark[];
    readonly fundings: readonly ast.Funding[];
    readonly fiscals: readonly ast.Fiscal[];
    readonly fiscal?: ast.Fiscal;
}

export class StrategyModelProvider {
    protected readonly imports: SsrImports;
    /** Cleared whenever the document is linked again: after its own change or a change to a library it imports. */
    protected readonly cache: DocumentCache<string, StrategyModel>;

    constructor(services: SsrParsingServices) {
        this.imports = services.references.Imports;
        this.cache = new DocumentCache(services.shared, DocumentState.Linked);
    }

    get(document: LangiumDocument): StrategyModel {
        return this.cache.get(document.uri, 'model', () => this.build(document as LangiumDocument<ast.Document>));
    }

    /** One pass over the document's elements, sorted by type. */
    protected build(document: LangiumDocument<ast.Document>): StrategyModel {
        const root = document.parseResult.value;
        const elements: readonly ast.Element[] = ast.isDocument(root) ? root.elements : [];
        const strategies: ast.Strategy[] = [], libraries: ast.Library[] = [], imports: ast.Import[] = [], actors: ast.Actor[] = [];
        const phases: ast.Phase[] = [], objectives: ast.Objective[] = [], activities: ast.Activity[] = [];
        const benchmarks: ast.Benchmark[] = [], fundings: ast.Funding[] = [], fiscals: ast.Fiscal[] = [];
        for (const element of elements) {
            switch (element.$type) {
                case ast.Strategy.$type: strategies.push(element); break;
                case ast.Library.$type: libraries.push(element); break;
                case ast.Import.$type: imports.push(element); break;
                case ast.Actor.$type: actors.push(element); break;
                case ast.Phase.$type: phases.push(element); break;
                case ast.Objective.$type: objectives.push(element); for (const activity of element.activities) activities.push(activity); break;
                case ast.Benchmark.$type: benchmarks.push(element); break;
                case ast.Funding.$type: fundings.push(element); break;
                case ast.Fiscal.$type: fiscals.push(element); break;
            }
        }
        const allActors = [...actors];
        for (const imported of this.imports.importedDocuments(document)) {
            const importedRoot = imported.parseResult.value;
            if (ast.isDocument(importedRoot)) for (const element of importedRoot.elements) if (ast.isActor(element)) allActors.push(element);
        }
        return {
            document, root,
            isLibrary: elements.length > 0 && ast.isLibrary(elements[0]),
            strategy: strategies[0], strategies, libraries, imports, actors, allActors,
            phases, objectives, activities, benchmarks, fundings, fiscals, fiscal: fiscals[0],
        };
    }
}
