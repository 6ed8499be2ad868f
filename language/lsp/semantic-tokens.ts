/** Semantic highlighting: declaration names, references by the kind they name, taxonomy terms, amounts and dates. */
import { AstUtils, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { DECLARATION_KINDS, isNamedDeclaration } from '../base/declarations.js';
import { termsOf } from '../base/term-fields.js';

/** The token type of a named declaration (its name and the references to it). */
const tokenOf = (node: AstNode | undefined): string =>
    (isNamedDeclaration(node) ? DECLARATION_KINDS[node.$type].token : undefined) ?? SemanticTokenTypes.variable;

export class SsrSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isNamedDeclaration(node) && node.name) {
            acceptor({ node, property: 'name', type: tokenOf(node), modifier: [SemanticTokenModifiers.declaration] });
        }
        for (const reference of AstUtils.streamReferences(node)) {
            const target = 'ref' in reference.reference ? reference.reference.ref : undefined;
            acceptor({ node, property: reference.property, index: reference.index, type: tokenOf(target) });
        }
        for (const term of termsOf(node)) {
            acceptor({ node, property: term.field.property, index: term.index, type: SemanticTokenTypes.enumMember });
        }
        if (ast.isAmount(node) || ast.isPercent(node) || ast.isQuantity(node) || ast.isYear(node) || ast.isTimePoint(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        }
    }
}
