/**
 * Formatting: 4-space indentation inside braces, one field per line, `{` on the declaration's
 * line, `}` on its own line, single spaces between the tokens of a field, `, ` in lists, at most
 * one blank line between declarations. One-line declarations (`actor NNP "…" { kind police }`)
 * stay on one line. It rewrites only the whitespace between tokens — never a token or a comment —
 * so it is safe on a half-written document, and formatting twice changes nothing.
 */
import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode, type Grammar, type LangiumDocument, type Lexer } from 'langium';
import type { Formatter, LangiumServices } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

interface Token { offset: number; end: number; image: string; comment: boolean; line: number; endLine: number }

const INDENT = '    ';

export class SsrFormatter implements Formatter {
    protected readonly lexer: Lexer;
    /** The grammar elements that start a field of a declaration (see fieldStarts). */
    protected readonly fieldStarts: FieldStarts;

    constructor(services: LangiumServices) {
        this.lexer = services.parser.Lexer;
        this.fieldStarts = fieldStarts(services.Grammar);
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const start = document.textDocument.offsetAt(params.range.start), end = document.textDocument.offsetAt(params.range.end);
        return this.edits(document).filter(e => document.textDocument.offsetAt(e.range.start) >= start && document.textDocument.offsetAt(e.range.end) <= end);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    /** The whitespace edits that lay the document out. */
    edits(document: LangiumDocument): TextEdit[] {
        const text = document.textDocument.getText();
        const lexed = this.lexer.tokenize(text);
        if (lexed.errors.length > 0) return []; // never reflow text the lexer cannot read
        const tokens: Token[] = [...lexed.tokens, ...lexed.hidden]
            .filter(t => t.tokenType.name !== 'WS')
            .map(t => ({ offset: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, image: t.image, comment: /COMMENT/.test(t.tokenType.name), line: (t.startLine ?? 1) - 1, endLine: (t.endLine ?? t.startLine ?? 1) - 1 }))
            .sort((a, b) => a.offset - b.offset);
        const layout = this.layout(document);
        const editable = this.editableRanges(document);
        const edits: TextEdit[] = [];
        let depth = 0;
        const oneLineBlocks: boolean[] = [];
        let range = 0; // the first editable range that does not end before the token (both in order of offset)
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i];
            const previous = tokens[i - 1];
            while (editable && range < editable.length && editable[range][1] < token.offset) range++;
            if (editable && range < editable.length && token.offset === editable[range][0]) {
                // A top-level declaration that parsed starts at depth 0, whatever braces the text
                // before it left open (counted, they indented every later line: a few thousand
                // unclosed braces made the output quadratic in size).
                depth = 0;
                oneLineBlocks.length = 0;
            }
            if (token.image === '}') depth = Math.max(0, depth - 1);
            let whitespace: string;
            if (!previous) {
                whitespace = '';
            } else {
                const originalLines = token.line - previous.endLine;
                const newline = (n: number) => '\n'.repeat(n) + INDENT.repeat(depth);
                const inOneLineBlock = oneLineBlocks.length > 0 && oneLineBlocks[oneLineBlocks.length - 1];
                if (previous.comment && previous.image.startsWith('//')) {
                    whitespace = newline(Math.min(Math.max(originalLines, 1), 2));
                } else if (token.comment) {
                    whitespace = originalLines === 0 ? ' ' : newline(Math.min(originalLines, 2));
                } else if (previous.comment && originalLines > 0) {
                    whitespace = newline(Math.min(originalLines, 2));
                } else if (depth === 0 && layout.topLevel.has(token.offset)) {
                    whitespace = newline(Math.min(Math.max(originalLines, 1), 2));
                } else if (token.image === '}') {
                    whitespace = inOneLineBlock ? ' ' : newline(1);
                } else if (previous.image === '{') {
                    whitespace = inOneLineBlock ? ' ' : newline(layout.lineStarts.has(token.offset) && layout.spacedStarts.has(token.offset) ? Math.min(Math.max(originalLines, 1), 2) : 1);
                } else if (layout.lineStarts.has(token.offset) && !inOneLineBlock) {
                    whitespace = newline(layout.spacedStarts.has(token.offset) ? Math.min(Math.max(originalLines, 1), 2) : 1);
                } else if (token.image === ',' || token.image === ':' || token.image === '.' || previous.image === '.') {
                    whitespace = '';
                } else {
                    whitespace = ' ';
                }
            }
            const gapStart = previous ? previous.end : 0;
            const inEditable = !editable || (range < editable.length && gapStart >= editable[range][0] && token.offset <= editable[range][1]);
            if (inEditable && text.slice(gapStart, token.offset) !== whitespace) {
                edits.push({ range: { start: document.textDocument.positionAt(gapStart), end: document.textDocument.positionAt(token.offset) }, newText: whitespace });
            }
            if (token.image === '{') {
                depth++;
                oneLineBlocks.push(layout.oneLineBlocks.has(token.offset));
            } else if (token.image === '}') {
                oneLineBlocks.pop();
            }
        }
        const last = tokens[tokens.length - 1];
        if (last && text.slice(last.end) !== '\n' && !editable) {
            edits.push({ range: { start: document.textDocument.positionAt(last.end), end: document.textDocument.positionAt(text.length) }, newText: '\n' });
        }
        return edits;
    }

    /**
     * On a document with parse errors, the formatter touches only the insides of the top-level
     * declarations that parsed without one (from their first to their last token): the text the
     * parser could not read, and the space around it, stay as the author left them, so formatting
     * never changes what the parser recovers. Undefined when the whole document parsed.
     */
    protected editableRanges(document: LangiumDocument): [number, number][] | undefined {
        const { parserErrors } = document.parseResult;
        if (parserErrors.length === 0) return undefined;
        // An error at the end of the file has no offset of its own: it belongs to the last token before it.
        const errors = parserErrors.map(e => Number.isFinite(e.token.startOffset) && e.token.startOffset >= 0 ? e.token.startOffset
            : (e as { previousToken?: { endOffset?: number } }).previousToken?.endOffset ?? document.textDocument.getText().length)
            .sort((a, b) => a - b);
        const root = document.parseResult.value;
        const ranges: [number, number][] = [];
        let next = 0; // the first error not before the declaration (declarations come in order of offset)
        for (const element of ast.isDocument(root) ? root.elements : []) {
            const cst = element.$cstNode;
            if (!cst) continue;
            while (next < errors.length && errors[next] < cst.offset) next++;
            if (next < errors.length && errors[next] <= cst.end) continue;
            ranges.push([cst.offset, cst.end]);
        }
        return ranges;
    }

    /** Which tokens start a line, which may keep a blank line before them, and which blocks stay on one line. */
    protected layout(document: LangiumDocument) {
        const lineStarts = new Set<number>();
        const spacedStarts = new Set<number>();
        const topLevel = new Set<number>();
        const oneLineBlocks = new Set<number>();
        const root = document.parseResult.value;
        if (ast.isDocument(root)) {
            for (const element of root.elements) if (element.$cstNode) topLevel.add(element.$cstNode.offset);
        }
        for (const node of AstUtils.streamAst(root)) {
            const cst = node.$cstNode;
            if (!cst || !ast.isDeclaration(node)) continue;
            for (const child of ownCst(cst, node)) {
                if (!child.grammarSource) continue;
                if (this.fieldStarts.all.has(child.grammarSource)) lineStarts.add(child.offset);
                if (this.fieldStarts.spaced.has(child.grammarSource)) spacedStarts.add(child.offset);
            }
            const open = GrammarUtils.findNodeForKeyword(cst, '{');
            if (open && ast.isActor(node) && cst.range.start.line === cst.range.end.line) oneLineBlocks.add(open.offset);
        }
        return { lineStarts, spacedStarts, topLevel, oneLineBlocks };
    }
}

interface FieldStarts {
    /** Each starts a line: the first keyword of a field, or the rule call of a field that is a node of its own. */
    readonly all: ReadonlySet<GrammarAST.AbstractElement>;
    /** Fields that may keep one blank line before them: the list-valued nodes (activities, costs). */
    readonly spaced: ReadonlySet<GrammarAST.AbstractElement>;
}

/**
 * Derived from the grammar rather than listed: in every declaration rule, the fields are the
 * alternatives of its repeated `( … )*` group, and a field starts with its first keyword
 * (`sector`, `lead`…), is a flag (`rolling?='rolling'`) or is a node of its own
 * (`activities+=Activity`, `range=Range`).
 */
function fieldStarts(grammar: Grammar): FieldStarts {
    const all = new Set<GrammarAST.AbstractElement>();
    const spaced = new Set<GrammarAST.AbstractElement>();
    for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
        for (const group of AstUtils.streamAllContents(rule).filter(GrammarAST.isAlternatives)) {
            if (group.cardinality !== '*' && (group.$container as GrammarAST.AbstractElement | undefined)?.cardinality !== '*') continue;
            for (const alternative of group.elements) {
                const first = firstElement(alternative);
                if (GrammarAST.isKeyword(first)) all.add(first);
                else if (GrammarAST.isAssignment(first) && GrammarAST.isKeyword(first.terminal)) all.add(first.terminal); // a flag: `rolling`
                else if (GrammarAST.isAssignment(first) && GrammarAST.isRuleCall(first.terminal) && GrammarAST.isParserRule(first.terminal.rule.ref)) {
                    all.add(first.terminal);
                    if (first.operator === '+=') spaced.add(first.terminal);
                }
            }
        }
    }
    return { all, spaced };
}

function firstElement(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement {
    return GrammarAST.isGroup(element) && element.elements.length > 0 ? firstElement(element.elements[0]) : element;
}

/** The CST nodes of a declaration's own text: its tokens, and the first node of each child it contains. */
function* ownCst(cst: CstNode, node: AstNode): Generator<CstNode> {
    for (const child of isCompositeCstNode(cst) ? cst.content : []) {
        yield child;
        if (child.astNode === node) yield* ownCst(child, node);
    }
}
