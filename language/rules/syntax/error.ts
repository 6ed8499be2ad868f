import type { IRecognitionException, IToken } from 'chevrotain';
import type { Range } from 'vscode-languageserver-types';
import type { Rule, RuleContext } from '../rule.js';

/** Words for the token types, so that messages read "expected a name" rather than "expecting ID". */
const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name or term',
    STRING: 'a text in quotes',
    NUMBER: 'a number or year',
    AMOUNT: 'an amount such as 24M',
    PERCENT: 'a percent such as 31%',
    MONTH: 'a month such as 2027-03',
    EOF: 'the end of the file',
};

function tokenWords(name: string): string {
    return TOKEN_WORDS[name] ?? `'${name.replace(/^'|'$/g, '')}'`;
}

function found(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF' || token.image === undefined || token.image === '') return 'the end of the file';
    const image = token.image.length > 30 ? token.image.slice(0, 27) + '…' : token.image;
    return `'${image}'`;
}

/** Turns a Chevrotain message into plain words. */
export function plainParserMessage(error: IRecognitionException): string {
    const message = error.message;
    const foundText = found(error.token);
    if (error.name === 'NotAllInputParsedException') {
        return `Unexpected ${foundText}: expected a declaration (strategy, actor, phase, objective, benchmark, funding, fiscal, import or library).`;
    }
    const expectedNames = new Set<string>();
    const single = /Expecting token of type '([^']+)'/.exec(message);
    if (single) expectedNames.add(single[1]);
    for (const line of message.split('\n')) {
        const seq = /^\s*\d+\.\s*\[(.*)\]\s*$/.exec(line);
        if (seq) {
            const first = seq[1].split(',')[0]?.trim();
            if (first) expectedNames.add(first);
        }
    }
    if (expectedNames.size === 0) {
        const tokenMatch = /Expecting: (?:expecting at least one iteration which starts with one of these possible Token sequences::)?\s*<\[([^\]]+)\]>/.exec(message);
        tokenMatch?.[1].split(',').forEach(t => expectedNames.add(t.trim()));
    }
    const words = [...expectedNames].map(tokenWords);
    if (words.length === 0) return `Unexpected ${foundText}.`;
    const fieldWords = words.filter(w => w.startsWith("'"));
    const expected = words.length === 1
        ? words[0]
        : words.length > 6
            ? `a field of this declaration (${fieldWords.filter(w => w !== "'}'").join(', ')}) or '}'`
            : `one of ${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
    let hint = '';
    if (error.token?.tokenType?.name === 'ID' && (words.includes(tokenWords('STRING')) || words.includes("'{'"))) hint = ' Titles are written in double quotes.';
    return `Expected ${expected} but found ${foundText}.${hint}`;
}

function tokenRange(token: IToken): Range | undefined {
    if (token.startLine === undefined || isNaN(token.startLine) || token.startOffset < 0 || token.endColumn === undefined || isNaN(token.endColumn)) return undefined;
    return {
        start: { line: token.startLine - 1, character: (token.startColumn ?? 1) - 1 },
        end: { line: (token.endLine ?? token.startLine) - 1, character: token.endColumn },
    };
}

export const syntaxError: Rule = {
    id: 'syntax/error',
    severity: 'error',
    description: 'The text does not parse; the message says in plain words what was expected.',
    appliesToLibraries: true,
    check({ document, report }: RuleContext) {
        const { lexerErrors, parserErrors } = document.parseResult;
        for (const error of lexerErrors) {
            const text = document.textDocument.getText().substr(error.offset, error.length || 1);
            report({
                message: `Unexpected character '${text}'. Names use letters, digits and '_'; texts go in double quotes.`,
                range: {
                    start: { line: (error.line ?? 1) - 1, character: (error.column ?? 1) - 1 },
                    end: { line: (error.line ?? 1) - 1, character: (error.column ?? 1) - 1 + (error.length || 1) },
                },
            });
        }
        for (const error of parserErrors) {
            let range = tokenRange(error.token);
            if (!range) {
                const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
                const prevRange = previous && tokenRange(previous);
                const position = prevRange ? prevRange.end : { line: 0, character: 0 };
                range = { start: position, end: position };
            }
            report({ message: plainParserMessage(error), range });
        }
    },
};
