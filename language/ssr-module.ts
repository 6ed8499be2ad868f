/**
 * The language core's dependency-injection module: it assembles what each layer defines
 * (parsing and scoping, configuration, models, rules, validation, editor services). The language
 * server, the command line and the tests all create their services here. Each layer declares the
 * services it adds beside its own code; this file only puts them together.
 */
import { type Cancellation, DefaultDocumentBuilder, inject, isOperationCancelled, type DocumentState, type LangiumDocument, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices,
} from 'langium/lsp';
import { SsrGeneratedModule, SsrGeneratedSharedModule } from './generated/module.js';
import { SsrValueConverter } from './parsing/value-converter.js';
import { SsrLexerErrorMessageProvider, SsrParserErrorMessageProvider } from './parsing/parser-errors.js';
import { SsrImports } from './parsing/imports.js';
import { SsrTokenBuilder, createSsrParser } from './parsing/parser.js';
import { SsrIndexManager, SsrReferenceDescriptionProvider } from './parsing/reference-index.js';
import { SsrLinker } from './parsing/linker.js';
import { SsrLangiumDocumentFactory } from './parsing/text-document.js';
import { SsrAstNodeDescriptionProvider, SsrScopeComputation, SsrScopeProvider, type SsrParsingAddedServices } from './parsing/scope.js';
import { SsrConfigProvider, type SsrConfigAddedServices } from './config/config.js';
import { StrategyModelProvider } from './model/strategy-model.js';
import { TimeModelProvider } from './model/time-model.js';
import { FiscalModelProvider } from './model/fiscal-model.js';
import { RelationsProvider } from './model/relations.js';
import type { SsrModelAddedServices } from './model/services.js';
import { RuleRegistry, type SsrRulesAddedServices } from './rules/registry.js';
import { SsrDocumentValidator, type SsrValidationAddedServices } from './validation/rule-engine.js';
import { SsrCompletionProvider } from './lsp/completion.js';
import { SsrHoverProvider } from './lsp/hover.js';
import { SsrFormatter } from './lsp/formatter.js';
import { SsrDocumentSymbolProvider } from './lsp/document-symbols.js';
import { SsrSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { SsrCodeActionProvider } from './lsp/code-actions.js';
import { SsrRenameProvider } from './lsp/rename.js';
import { SsrCodeLensProvider } from './lsp/code-lens.js';

type SsrAddedServices = SsrParsingAddedServices & SsrConfigAddedServices & SsrModelAddedServices & SsrRulesAddedServices & SsrValidationAddedServices;
export type SsrServices = LangiumServices & SsrAddedServices;

const SsrModule: Module<SsrServices, PartialLangiumServices & SsrAddedServices> = {
    parser: {
        LangiumParser: (services) => createSsrParser(services),
        TokenBuilder: () => new SsrTokenBuilder(),
        ValueConverter: () => new SsrValueConverter(),
        ParserErrorMessageProvider: () => new SsrParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new SsrLexerErrorMessageProvider(),
    },
    references: {
        ScopeComputation: (services) => new SsrScopeComputation(services),
        ScopeProvider: (services) => new SsrScopeProvider(services),
        Linker: (services) => new SsrLinker(services),
        Imports: (services) => new SsrImports(services),
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new SsrAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: (services) => new SsrReferenceDescriptionProvider(services),
    },
    config: {
        ConfigProvider: (services) => new SsrConfigProvider(services.shared.workspace.FileSystemProvider, () => services.rules.RuleRegistry.ids),
    },
    model: {
        StrategyModel: (services) => new StrategyModelProvider(services),
        TimeModel: (services) => new TimeModelProvider(services),
        FiscalModel: (services) => new FiscalModelProvider(services),
        Relations: (services) => new RelationsProvider(services),
    },
    rules: {
        RuleRegistry: () => new RuleRegistry(),
    },
    validation: {
        DocumentValidator: (services) => new SsrDocumentValidator(services),
    },
    lsp: {
        CompletionProvider: (services) => new SsrCompletionProvider(services),
        HoverProvider: (services) => new SsrHoverProvider(services),
        Formatter: (services) => new SsrFormatter(services),
        DocumentSymbolProvider: () => new SsrDocumentSymbolProvider(),
        SemanticTokenProvider: (services) => new SsrSemanticTokenProvider(services),
        CodeActionProvider: () => new SsrCodeActionProvider(),
        RenameProvider: (services) => new SsrRenameProvider(services),
        CodeLensProvider: (services) => new SsrCodeLensProvider(services),
    },
};

/**
 * A document is re-linked and re-checked when a document of its import closure changed (the
 * libraries it imports, or a library file it names that appears or disappears), and only then: a
 * keystroke in one strategy does not re-check every other strategy of the workspace.
 */
class SsrDocumentBuilder extends DefaultDocumentBuilder {
    /**
     * Every listener of a document's phase runs, even when the build is being cancelled: the
     * document has reached the phase, and the listeners keep what depends on it true (the
     * diagnostics the editor shows, the model caches cleared at Linked, requests waiting for the
     * document). Langium's default checks cancellation before each listener and skips the rest,
     * which left a validated document unpublished, and a request waiting on it unanswered, when
     * an edit to another document arrived at that moment. Cancellation takes effect right after.
     */
    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        for (const listener of this.documentPhaseListeners.get(state).slice()) {
            try {
                await listener(document, cancelToken);
            } catch (error) {
                if (!isOperationCancelled(error)) throw error;
            }
        }
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const services = this.serviceRegistry.getServices(document.uri) as Partial<SsrServices>;
        const imports = services.references?.Imports;
        return imports ? imports.dependsOn(document, changedUris) : super.shouldRelink(document, changedUris);
    }
}

const SsrSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (shared) => new SsrDocumentBuilder(shared),
        IndexManager: (shared) => new SsrIndexManager(shared),
        LangiumDocumentFactory: (shared) => new SsrLangiumDocumentFactory(shared),
    },
};

export function createSsrServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices,
    Ssr: SsrServices
} {
    const shared = inject(
        createDefaultSharedModule(context),
        SsrGeneratedSharedModule,
        SsrSharedModule,
    );
    const Ssr = inject(
        createDefaultModule({ shared }),
        SsrGeneratedModule,
        SsrModule,
    );
    shared.ServiceRegistry.register(Ssr);
    return { shared, Ssr };
}
