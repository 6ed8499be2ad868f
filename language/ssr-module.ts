/**
 * The language core's dependency-injection module: parsing, scoping, the rule engine, the config
 * provider and the editor services. The language server, the command line and the tests all
 * create their services here.
 */
import {
    inject, type Module,
} from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
} from 'langium/lsp';
import { SsrGeneratedModule, SsrGeneratedSharedModule } from './generated/module.js';
import { SsrScopeComputation, SsrScopeProvider } from './scope.js';
import { SsrDocumentValidator } from './validation/rule-engine.js';
import { RuleRegistry } from './rules/registry.js';
import { SsrConfigProvider } from './config.js';
import { SsrCompletionProvider } from './lsp/completion.js';
import { SsrHoverProvider } from './lsp/hover.js';
import { SsrFormatter } from './lsp/formatter.js';
import { SsrDocumentSymbolProvider } from './lsp/document-symbols.js';
import { SsrSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { SsrCodeActionProvider } from './lsp/code-actions.js';
import { SsrRenameProvider } from './lsp/rename.js';
import { SsrCodeLensProvider } from './lsp/code-lens.js';

export interface SsrAddedServices {
    references: {
        ScopeProvider: SsrScopeProvider;
    };
    validation: {
        DocumentValidator: SsrDocumentValidator;
    };
    rules: {
        RuleRegistry: RuleRegistry;
    };
    config: {
        ConfigProvider: SsrConfigProvider;
    };
}

export type SsrServices = LangiumServices & SsrAddedServices;

export const SsrModule: Module<SsrServices, PartialLangiumServices & SsrAddedServices> = {
    references: {
        ScopeComputation: (services) => new SsrScopeComputation(services),
        ScopeProvider: (services) => new SsrScopeProvider(services),
    },
    validation: {
        DocumentValidator: (services) => new SsrDocumentValidator(services),
    },
    rules: {
        RuleRegistry: () => new RuleRegistry(),
    },
    lsp: {
        CompletionProvider: (services) => new SsrCompletionProvider(services),
        HoverProvider: (services) => new SsrHoverProvider(services),
        Formatter: (services) => new SsrFormatter(services),
        DocumentSymbolProvider: () => new SsrDocumentSymbolProvider(),
        SemanticTokenProvider: (services) => new SsrSemanticTokenProvider(services),
        CodeActionProvider: () => new SsrCodeActionProvider(),
        RenameProvider: (services) => new SsrRenameProvider(services),
        CodeLensProvider: (services) => new SsrCodeLensProvider(services as SsrServices),
    },
    config: {
        ConfigProvider: (services) => new SsrConfigProvider(services.shared.workspace.FileSystemProvider, () => services.rules.RuleRegistry.ids),
    },
};

export function createSsrServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices,
    Ssr: SsrServices
} {
    const shared = inject(
        createDefaultSharedModule(context),
        SsrGeneratedSharedModule,
    );
    const Ssr = inject(
        createDefaultModule({ shared }),
        SsrGeneratedModule,
        SsrModule,
    );
    shared.ServiceRegistry.register(Ssr);
    return { shared, Ssr };
}
