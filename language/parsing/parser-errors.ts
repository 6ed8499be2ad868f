/**
 * Parse errors in plain words, through Langium's message-provider hooks: "Expected a text in
 * quotes but found 'Police'. Titles are written in double quotes." rather than Chevrotain's
 * "Expecting token of type 'STRING'". `syntax/error` reports these messages as they are.
 */
import { DefaultLexerErrorMessageProvider, LangiumParserErrorMessageProvider } from 'langium';
import { DECLARATION_KEYWORDS } from '../base/declarations.js';
import { listInWords } from '../base/format.js';

type MismatchOptions = Parameters<LangiumParserErrorMessageProvider['buildMismatchTokenMessage']>[0];
type NotAllInputOptions = Parameters<LangiumParserErrorMessageProvider['buildNotAllInputParsedMessage']>[0];
type NoViableAltOptions = Parameters<LangiumParserErrorMessageProvider['buildNoViableAltMessage']>[0];
type EarlyExitOptions = Parameters<LangiumParserErrorMessageProvider['buildEarlyExitMessage']>[0];
type Token = MismatchOptions['actual'];
type TokenType = MismatchOptions['expected'];

/** Words for the terminals, so that messages read "expected a name" rather than "expecting ID". */
const TERMINAL_WORDS: Record<string, string> = {
    ID: 'a name or term',
    STRING: 'a text in quotes',
    NUMBER: 'a number or year',
    AMOUNT: 'an amount such as 24M',
    PERCENT: 'a percent such as 31%',
    MONTH: 'a month such as 2027-03',
    EOF: 'the end of the file',
};

const STRING_WORDS = TERMINAL_WORDS.STRING;

/** A terminal in words, a keyword in quotes. */
const words = (type: TokenType): string => TERMINAL_WORDS[type.name] ?? `'${type.name}'`;

/** What was found, quoted and shortened. */
function foundText(token: Token | undefined): string {
    if (!token || token.tokenType?.name === 'EOF' || !token.image) return 'the end of the file';
    return `'${token.image.length > 30 ? token.image.slice(0, 27) + '…' : token.image}'`;
}

/** "Expected X but found Y." for one or more expected token types. */
function expectedMessage(expected: readonly TokenType[], actual: Token | undefined): string {
    const all = [...new Set(expected.map(words))];
    const found = foundText(actual);
    if (all.length === 0) return `Unexpected ${found}.`;
    const what = all.length === 1
        ? all[0]
        : all.length > 6
            ? `a field of this declaration (${all.filter(w => w.startsWith("'") && w !== "'}'").join(', ')}) or '}'`
            : `one of ${listInWords(all, 'or')}`;
    const hint = actual?.tokenType?.name === 'ID' && (all.includes(STRING_WORDS) || all.includes("'{'")) ? ' Titles are written in double quotes.' : '';
    return `Expected ${what} but found ${found}.${hint}`;
}

export class SsrParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual }: MismatchOptions): string {
        return expectedMessage([expected], actual);
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: NotAllInputOptions): string {
        const keywords = DECLARATION_KEYWORDS.filter(k => k !== 'activity');
        return `Unexpected ${foundText(firstRedundant)}: expected a declaration (${[...keywords, 'import'].join(', ')}).`;
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: NoViableAltOptions): string {
        return expectedMessage(expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0]).filter(t => t !== undefined)), actual[0]);
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: EarlyExitOptions): string {
        return expectedMessage(expectedIterationPaths.map(path => path[0]).filter(t => t !== undefined), actual[0]);
    }
}

export class SsrLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        return `Unexpected character '${fullText.substr(startOffset, length || 1)}'. Names use letters, digits and '_'; texts go in double quotes.`;
    }
}
