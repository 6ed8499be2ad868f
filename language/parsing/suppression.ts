/**
 * `// ssr-ignore-next-line <ruleId>[, <ruleId>…] -- <reason>` (LANGUAGE.md section 7, RULES.md
 * "Suppression"). A directive covers the next line that holds code (comment and blank lines in
 * between are skipped, so it may stand above a declaration's doc comment) and, when that line
 * starts a declaration, the whole declaration.
 */
import { CstUtils, type AstNode, type CstNode, type LangiumDocument, type Lexer } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isDeclaration } from '../base/declarations.js';

export const DIRECTIVE = 'ssr-ignore-next-line';

/** A suppression covers a finding when it gives a reason, names the finding's rule and covers its line. */
export function covers(suppression: Suppression, ruleId: string, line: number): boolean {
    return !!suppression.reason && !!suppression.covers && line >= suppression.covers.startLine && line <= suppression.covers.endLine
        && suppression.ruleIds.includes(ruleId);
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

export function findSuppressions(document: LangiumDocument, lexer: Lexer): Suppression[] {
    const text = document.textDocument.getText();
    if (!text.includes(DIRECTIVE)) return [];
    const lexed = lexer.tokenize(text);
    const tokens = lexed.tokens;
    const root = document.parseResult.value.$cstNode;
    const result: Suppression[] = [];
    for (const token of lexed.hidden) {
        const match = /^\/\/\s*ssr-ignore-next-line\b(.*)$/.exec(token.image);
        if (!match) continue;
        const line = (token.startLine ?? 1) - 1;
        const column = (token.startColumn ?? 1) - 1;
        const rest = match[1];
        const restOffset = token.image.length - rest.length;
        const separator = rest.indexOf('--');
        const idsText = separator >= 0 ? rest.slice(0, separator) : rest;
        const reason = separator >= 0 ? rest.slice(separator + 2).trim() : undefined;
        const ruleIds: string[] = [];
        const ruleIdRanges: Range[] = [];
        for (const idMatch of idsText.matchAll(/[^\s,]+/g)) {
            ruleIds.push(idMatch[0]);
            const start = column + restOffset + (idMatch.index ?? 0);
            ruleIdRanges.push({ start: { line, character: start }, end: { line, character: start + idMatch[0].length } });
        }
        // The next line that holds code: the line of the first code token after the comment (comments
        // and blank lines in between are skipped); the declaration that starts there, if any.
        const next = tokens[firstTokenAfter(tokens, token.startOffset)];
        let covers: Suppression['covers'];
        if (next) {
            const target = (next.startLine ?? 1) - 1;
            const declaration = root ? declarationStartingAt(root, next.startOffset, target) : undefined;
            covers = { startLine: target, endLine: declaration?.$cstNode?.range.end.line ?? target };
        }
        result.push({
            range: { start: { line, character: column }, end: { line, character: column + token.image.length } },
            ruleIds, ruleIdRanges, reason: reason || undefined, covers,
        });
    }
    return result;
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
