/**
 * What a declaration is, defined once. The grammar's `Declaration` and `NamedDeclaration` unions
 * (language/ssr.langium) say which nodes are declarations; this table says how each kind is
 * called, which keyword starts it, and how the outline and semantic highlighting show it. The
 * outline, semantic tokens, suppression scopes, the formatter, hovers and messages read it.
 */
import { AstUtils, type AstNode } from 'langium';
import { SemanticTokenTypes, SymbolKind } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';

export interface DeclarationKind {
    /** How the author calls it, in messages and hovers: `funding line`. */
    readonly label: string;
    /** The keyword that starts it. */
    readonly keyword: string;
    /** Its kind in the outline. */
    readonly symbol: SymbolKind;
    /** Its semantic token type, for named declarations (their names and the references to them). */
    readonly token?: string;
}

export const DECLARATION_KINDS: Readonly<Record<ast.Declaration['$type'], DeclarationKind>> = {
    Strategy: { label: 'strategy', keyword: 'strategy', symbol: SymbolKind.File },
    Library: { label: 'library', keyword: 'library', symbol: SymbolKind.Package },
    Fiscal: { label: 'fiscal block', keyword: 'fiscal', symbol: SymbolKind.Struct },
    Actor: { label: 'actor', keyword: 'actor', symbol: SymbolKind.Class, token: SemanticTokenTypes.class },
    Phase: { label: 'phase', keyword: 'phase', symbol: SymbolKind.Event, token: SemanticTokenTypes.event },
    Objective: { label: 'objective', keyword: 'objective', symbol: SymbolKind.Namespace, token: SemanticTokenTypes.namespace },
    Activity: { label: 'activity', keyword: 'activity', symbol: SymbolKind.Method, token: SemanticTokenTypes.function },
    Benchmark: { label: 'benchmark', keyword: 'benchmark', symbol: SymbolKind.Constant, token: SemanticTokenTypes.variable },
    Funding: { label: 'funding line', keyword: 'funding', symbol: SymbolKind.Property, token: SemanticTokenTypes.property },
};

/** The keywords that start a declaration (suppression scopes, the formatter). */
export const DECLARATION_KEYWORDS: readonly string[] = Object.values(DECLARATION_KINDS).map(k => k.keyword);

export const isDeclaration = ast.isDeclaration;
export const isNamedDeclaration = ast.isNamedDeclaration;

export function declarationKind(node: ast.Declaration): DeclarationKind {
    return DECLARATION_KINDS[node.$type];
}

/** How a reference type is called in messages: `actor`, `objective or activity`. */
export function referenceTypeLabel(type: string): string {
    if (type === ast.Orderable.$type) return 'objective or activity';
    return (DECLARATION_KINDS as Record<string, DeclarationKind | undefined>)[type]?.label ?? type.toLowerCase();
}

/** A title as written, without its quotes (`"…"` or `"""…"""`): the value converter already removed them. */
export const titleOf = (node: { title?: string }): string | undefined => node.title?.trim() || undefined;

/**
 * How a message names a declaration, even mid-edit: `'PoliceReform'`, else its title in quotes,
 * else its kind and line (`the objective on line 34`).
 */
export function nameOf(node: ast.Declaration): string {
    if (ast.isNamedDeclaration(node) && node.name) return `'${node.name}'`;
    const title = titleOf(node as { title?: string });
    if (title) return `"${title}"`;
    const line = node.$cstNode ? node.$cstNode.range.start.line + 1 : undefined;
    return `the ${declarationKind(node).label}${line !== undefined ? ` on line ${line}` : ''}`;
}

/**
 * `objective 'PoliceReform'`, `objective "Accountable police"`, `the objective on line 34`;
 * `the strategy`, `the fiscal block`, `the library` (one per file).
 */
export function describe(node: ast.Declaration): string {
    if (ast.isStrategy(node) || ast.isFiscal(node) || ast.isLibrary(node)) return `the ${declarationKind(node).label}`;
    const name = nameOf(node);
    return name.startsWith('the ') ? name : `${declarationKind(node).label} ${name}`;
}

/** The declaration a node belongs to (itself if it is one). */
export function declarationOf(node: AstNode): ast.Declaration | undefined {
    return ast.isDeclaration(node) ? node : AstUtils.getContainerOfType(node, ast.isDeclaration);
}
