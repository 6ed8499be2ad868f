/**
 * Completion: keywords from the grammar (Langium's default), names of the right kind at each
 * reference (through the scope provider, so only what the file and its imports declare), and at
 * a term position the taxonomy terms valid there, each with its definition.
 */
import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import { keywordDoc } from './keyword-docs.js';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature,
} from 'langium/lsp';
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import { termField } from '../base/term-fields.js';
import { isNamedDeclaration, titleOf } from '../base/declarations.js';
import type { SsrLspServices } from './services.js';
import { definedInText, termDocumentation } from './terms.js';

export class SsrCompletionProvider extends DefaultCompletionProvider {
    constructor(protected readonly services: SsrLspServices) {
        super(services);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const field = this.termFieldAt(context, next);
        if (field) {
            const vocabulary = this.services.config.ConfigProvider.getConfig(context.document.uri).vocabulary;
            const label = vocabulary.label(field.taxonomy);
            for (const term of vocabulary.terms(field.taxonomy)) {
                acceptor(context, {
                    label: term.id,
                    kind: CompletionItemKind.EnumMember,
                    detail: label + (term.category ? ` (${term.category})` : '') + (term.definedIn ? ` · ${definedInText(context.document.uri, term)}` : ''),
                    documentation: { kind: MarkupKind.Markdown, value: termDocumentation(context.document.uri, term) },
                    sortText: '0' + term.id,
                });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** Keywords whose meaning for the rules is not obvious (`rolling`, `implements`, `by`…) carry their documentation. */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const doc = keywordDoc(keyword);
        if (!doc) return super.completionForKeyword(context, keyword, acceptor);
        if (!this.filterKeyword(context, keyword)) return;
        acceptor(context, { label: keyword.value, kind: this.getKeywordCompletionItemKind(keyword), detail: 'Keyword', documentation: { kind: MarkupKind.Markdown, value: doc }, sortText: '1' });
    }

    /** The term field a grammar position belongs to, if it is one. */
    protected termFieldAt(context: CompletionContext, next: NextFeature) {
        if (!GrammarAST.isRuleCall(next.feature) || GrammarAST.isCrossReference(next.feature.$container)) return undefined;
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        const property = next.property ?? assignment?.feature;
        const type = next.type ?? (assignment ? rule?.name : context.node?.$type);
        return property && type ? termField(type, property) : undefined;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const title = isNamedDeclaration(description.node) ? titleOf(description.node) : undefined;
        return { ...item, detail: title ?? item.detail };
    }
}
