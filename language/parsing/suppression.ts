/**
 * `// ssr-ignore-next-line <ruleId>[, <ruleId>…] -- <reason>` (LANGUAGE.md section 7, RULES.md
 * "Suppression"). A directive covers the next line that holds code (comment and blank lines in
 * between are skipped, so it may stand above a declaration's doc comment) and, when that line
 * starts a declaration, the whole declaration.
 */
import { CstUtils, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type Lexer } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isDeclaration } from '../base/declarations.js';

export const DIRECTIVE = 'ssr-ignore-next-line';

/**
 * Which suppression hides a finding of `ruleId` on `line`: one that gives a reason, names the rule
 * and covers the line; of several, the first in the document. Built once per check and answered
 * by binary search, so hiding findings is n·log n, not findings × comments. The lines a
 * suppression covers are one line or a whole declaration, so two of them are nested or apart: the
 * first in the document that covers a line is the outermost one, and the outermost ones are apart.
 */
export function suppressionIndex(all: readonly Suppression[]): (ruleId: string, line: number) => Suppression | undefined {
    type Entry = { suppression: Suppression; start: number; end: number };
    const byRule = new Map<string, Entry[]>();
    for (const suppression of all) {
        if (!suppression.reason || !suppression.covers) continue;
        const entry = { suppression, start: suppression.covers.startLine, end: suppression.covers.endLine };
        for (const id of new Set(suppression.ruleIds)) {
            let list = byRule.get(id);
            if (!list) byRule.set(id, list = []);
            list.push(entry);
        }
    }
    const outermost = new Map<string, Entry[]>();
    for (const [id, list] of byRule) {
        // Stable: of two that cover the same lines, the first in the document stays first.
        list.sort((a, b) => a.start - b.start || b.end - a.end);
        const outer: Entry[] = [];
        for (const entry of list) {
            if (outer.length === 0 || entry.start > outer[outer.length - 1].end) outer.push(entry);
        }
        outermost.set(id, outer);
    }
    return (ruleId, line) => {
        const outer = outermost.get(ruleId) ?? [];
        let low = 0, high = outer.length - 1, found: Entry | undefined;
        while (low <= high) {
            const middle = (low + high) >> 1;
            if (outer[middle].start <= line) { found = outer[middle]; low = middle + 1; } else high = middle - 1;
        }
        return found && line <= found.end ? found.suppression : undefined;
    };
}

export interface Suppression {
    /** The comment's range. */
    readonly range: Range;
    readonly ruleIds: readonly string[];
    /** Ranges of the rule ids inside the comment, in the same order. */
    readonly ruleIdRanges: readonly Range[];
    readonly reason?: string;
    /** The lines it covers, 0-based and inclusive; undefined when nothing follows it. */
    readonly covers?: { readonly startLine: number; readonly endLine: number };
}

/** A directive comment and where the code after it starts (undefined when nothing follows). */
interface DirectiveComment {
    readonly offset: number;
    readonly image: string;
    /** The offset and line of the first code token after the comment. */
    readonly next?: { readonly offset: number; readonly line: number };
}

const DIRECTIVE_PATTERN = /\/\/[ \t]*ssr-ignore-next-line\b[^\n\r]*/g;

export function findSuppressions(document: LangiumDocument, lexer: Lexer): Suppression[] {
    const text = document.textDocument.getText();
    if (!text.includes(DIRECTIVE)) return [];
    const root = document.parseResult.value.$cstNode;
    const comments = (root && directivesFromCst(text, root)) ?? directivesFromTokens(text, lexer);
    return comments.map(comment => toSuppression(document, root, comment));
}

/**
 * The directive comments, read from the CST the parser built (comments are hidden leaves of it):
 * each candidate the text pattern finds must be a comment leaf there, so `//` inside a text in
 * quotes is not a directive. Undefined when a candidate is not in the CST at all (text the parser
 * skipped while recovering): then the lexer decides.
 */
function directivesFromCst(text: string, root: CstNode): DirectiveComment[] | undefined {
    const result: DirectiveComment[] = [];
    for (const match of text.matchAll(DIRECTIVE_PATTERN)) {
        const leaf = CstUtils.findLeafNodeAtOffset(root, match.index);
        if (!leaf) return undefined;
        if (!leaf.hidden || leaf.offset !== match.index || !leaf.text.startsWith('//')) continue;
        let next = CstUtils.getNextNode(leaf, false);
        while (next && isCompositeCstNode(next)) next = next.content.find(child => !child.hidden);
        result.push({ offset: leaf.offset, image: leaf.text, next: next ? { offset: next.offset, line: next.range.start.line } : undefined });
    }
    return result;
}

function directivesFromTokens(text: string, lexer: Lexer): DirectiveComment[] {
    const lexed = lexer.tokenize(text);
    const tokens = lexed.tokens;
    return lexed.hidden.filter(token => /^\/\/[ \t]*ssr-ignore-next-line\b/.test(token.image)).map(token => {
        const next = tokens[firstTokenAfter(tokens, token.startOffset)];
        return { offset: token.startOffset, image: token.image, next: next ? { offset: next.startOffset, line: (next.startLine ?? 1) - 1 } : undefined };
    });
}

function toSuppression(document: LangiumDocument, root: CstNode | undefined, comment: DirectiveComment): Suppression {
    const match = /^\/\/\s*ssr-ignore-next-line\b(.*)$/.exec(comment.image);
    const start = document.textDocument.positionAt(comment.offset);
    const line = start.line, column = start.character;
    const rest = match?.[1] ?? '';
    const restOffset = comment.image.length - rest.length;
    const separator = rest.indexOf('--');
    const idsText = separator >= 0 ? rest.slice(0, separator) : rest;
    const reason = separator >= 0 ? rest.slice(separator + 2).trim() : undefined;
    const ruleIds: string[] = [];
    const ruleIdRanges: Range[] = [];
    for (const idMatch of idsText.matchAll(/[^\s,]+/g)) {
        ruleIds.push(idMatch[0]);
        const from = column + restOffset + idMatch.index;
        ruleIdRanges.push({ start: { line, character: from }, end: { line, character: from + idMatch[0].length } });
    }
    // The next line that holds code (comments and blank lines in between are skipped), and the
    // declaration that starts there, if any.
    let covers: Suppression['covers'];
    if (comment.next) {
        const declaration = root ? declarationStartingAt(root, comment.next.offset, comment.next.line) : undefined;
        covers = { startLine: comment.next.line, endLine: declaration?.$cstNode?.range.end.line ?? comment.next.line };
    }
    return {
        range: { start: { line, character: column }, end: { line, character: column + comment.image.length } },
        ruleIds, ruleIdRanges, reason: reason || undefined, covers,
    };
}

/** The index of the first token that starts after `offset` (binary search: tokens are in document order). */
function firstTokenAfter(tokens: readonly { startOffset: number }[], offset: number): number {
    let low = 0, high = tokens.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (tokens[middle].startOffset > offset) high = middle; else low = middle + 1;
    }
    return low;
}

/** The outermost declaration whose text starts on `line`, found from the token at `offset`. */
function declarationStartingAt(root: CstNode, offset: number, line: number): AstNode | undefined {
    let node: AstNode | undefined = CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
    let found: AstNode | undefined;
    for (; node; node = node.$container) {
        const start = node.$cstNode?.range.start.line;
        if (start !== line) break;
        if (isDeclaration(node)) found = node;
    }
    return found;
}
