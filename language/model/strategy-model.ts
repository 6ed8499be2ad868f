/**
 * The declarations of one strategy, gathered once per check so that no rule walks the whole
 * document per node: every rule reads these lists and maps.
 */
import type { AstNode, LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';

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

export function buildStrategyModel(document: LangiumDocument<ast.Document>, importedDocuments: Iterable<LangiumDocument>): StrategyModel {
    const root = document.parseResult.value;
    const elements = root.elements ?? [];
    const of = <T extends AstNode>(guard: (n: unknown) => n is T): T[] => elements.filter((e): e is ast.Element & T => guard(e));
    const objectives = of(ast.isObjective);
    const actors = of(ast.isActor);
    const importedActors: ast.Actor[] = [];
    for (const imported of importedDocuments) {
        const importedRoot = imported.parseResult.value;
        if (ast.isDocument(importedRoot)) {
            importedActors.push(...importedRoot.elements.filter(ast.isActor));
        }
    }
    const strategies = of(ast.isStrategy);
    const libraries = of(ast.isLibrary);
    const fiscals = of(ast.isFiscal);
    return {
        document,
        root,
        isLibrary: elements.length > 0 && ast.isLibrary(elements[0]),
        strategy: strategies[0],
        strategies,
        libraries,
        imports: of(ast.isImport),
        actors,
        allActors: [...actors, ...importedActors],
        phases: of(ast.isPhase),
        objectives,
        activities: objectives.flatMap(o => o.activities),
        benchmarks: of(ast.isBenchmark),
        fundings: of(ast.isFunding),
        fiscals,
        fiscal: fiscals[0],
    };
}

/** The declaration kinds that carry a name, as the author calls them. */
export function kindOf(node: AstNode): string {
    switch (node.$type) {
        case ast.Actor.$type: return 'actor';
        case ast.Phase.$type: return 'phase';
        case ast.Objective.$type: return 'objective';
        case ast.Activity.$type: return 'activity';
        case ast.Benchmark.$type: return 'benchmark';
        case ast.Funding.$type: return 'funding line';
        case ast.Strategy.$type: return 'strategy';
        case ast.Fiscal.$type: return 'fiscal block';
        case ast.Library.$type: return 'library';
        default: return node.$type.toLowerCase();
    }
}

/** The keywords that start a declaration (for suppression scopes and the formatter). */
export const DECLARATION_KEYWORDS = ['strategy', 'library', 'import', 'actor', 'phase', 'objective', 'activity', 'benchmark', 'funding', 'fiscal'] as const;
