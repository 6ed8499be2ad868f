/** Semantic highlighting: declaration names, references by kind, taxonomy terms, amounts and dates. */
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { termsOf } from '../term-fields.js';

const DECLARATION_TYPES: Record<string, string> = {
    Actor: SemanticTokenTypes.class, Phase: SemanticTokenTypes.event, Objective: SemanticTokenTypes.namespace,
    Activity: SemanticTokenTypes.function, Benchmark: SemanticTokenTypes.variable, Funding: SemanticTokenTypes.property,
};
const REFERENCES: Record<string, string[]> = {
    Objective: ['lead', 'partners', 'in', 'after', 'alongside'], Activity: ['in', 'targets', 'after', 'alongside'],
    Benchmark: ['measures'], Funding: ['from', 'supports'],
};
const PROPERTY_OF_KEYWORD: Record<string, string> = { in: 'phases', from: 'source' };

export class SsrSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declarationType = DECLARATION_TYPES[node.$type];
        if (declarationType && (node as { name?: string }).name) {
            acceptor({ node, property: 'name', type: declarationType, modifier: [SemanticTokenModifiers.declaration] });
        }
        for (const keyword of REFERENCES[node.$type] ?? []) {
            const property = PROPERTY_OF_KEYWORD[keyword] ?? keyword;
            const value = (node as unknown as Record<string, unknown>)[property];
            const references = Array.isArray(value) ? value : value ? [value] : [];
            references.forEach((reference: { ref?: AstNode }, index: number) => {
                const target = reference?.ref;
                const type = target ? DECLARATION_TYPES[target.$type] ?? SemanticTokenTypes.variable : SemanticTokenTypes.variable;
                acceptor({ node, property, index: Array.isArray(value) ? index : undefined, type });
            });
        }
        for (const term of termsOf(node)) {
            acceptor({ node, property: term.field.property, index: term.index, type: SemanticTokenTypes.enumMember });
        }
        if (ast.isAmount(node) || ast.isPercent(node) || ast.isQuantity(node) || ast.isYear(node) || ast.isTimePoint(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        }
    }
}
