import type { Range } from 'vscode-languageserver-types';
import type { Rule, RuleContext } from '../rule.js';

/**
 * At most this many parse errors are reported per document, then one "and N more": text the
 * parser cannot read at all (a pasted binary, another language) must not flood the editor.
 */
const MAX_SYNTAX_ERRORS = 100;

interface TokenPosition { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number; startOffset: number }

function tokenRange(token: TokenPosition | undefined): Range | undefined {
    if (!token || token.startLine === undefined || isNaN(token.startLine) || token.startOffset < 0 || token.endColumn === undefined || isNaN(token.endColumn)) return undefined;
    return {
        start: { line: token.startLine - 1, character: (token.startColumn ?? 1) - 1 },
        end: { line: (token.endLine ?? token.startLine) - 1, character: token.endColumn },
    };
}

/**
 * Lexer and parser errors as findings. Their messages are already in plain words: Langium builds
 * them with the language's message providers (parsing/parser-errors.ts).
 */
export const syntaxError: Rule = {
    id: 'syntax/error',
    severity: 'error',
    description: 'The text does not parse; the message says in plain words what was expected.',
    appliesToLibraries: true,
    check({ document, report }: RuleContext) {
        const node = document.parseResult.value;
        const { lexerErrors, parserErrors } = document.parseResult;
        const errors: { message: string; range: Range }[] = [];
        for (const error of lexerErrors) {
            const line = (error.line ?? 1) - 1, character = (error.column ?? 1) - 1;
            errors.push({ message: error.message, range: { start: { line, character }, end: { line, character: character + (error.length || 1) } } });
        }
        for (const error of parserErrors) {
            let range = tokenRange(error.token);
            if (!range) {
                const previous = (error as { previousToken?: TokenPosition }).previousToken;
                const position = tokenRange(previous)?.end ?? { line: 0, character: 0 };
                range = { start: position, end: position };
            }
            errors.push({ message: error.message, range });
        }
        for (const error of errors.slice(0, MAX_SYNTAX_ERRORS)) report({ node, ...error });
        if (errors.length > MAX_SYNTAX_ERRORS) {
            const last = errors[MAX_SYNTAX_ERRORS - 1];
            report({ node, range: last.range, message: `… and ${errors.length - MAX_SYNTAX_ERRORS} more syntax errors after this one. Fix the first ones: the rest often follow from them.` });
        }
    },
};
