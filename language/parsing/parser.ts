/**
 * The parser: Langium's, with a CST builder that never passes a whole run of hidden tokens as
 * call arguments. Langium's `CstNodeBuilder` adds the comments before a token with
 * `push(...nodes)` / `splice(i, 0, ...nodes)`, which overflows the stack from about 100,000
 * comment lines in a row (issue 15), and finds the node the comments go before with `indexOf` from
 * the start of a long list. The same nodes end up in the same places here.
 */
import { CstNodeBuilder, DefaultTokenBuilder, createLangiumParser, type CompositeCstNode, type CstNode, type GrammarAST, type LangiumCoreServices, type LangiumParser } from 'langium';

type Mutable = { content: CstNode[] };

/** Runs up to this long go in one call, as in Langium (fast); longer ones without spreading. */
const SPREAD_LIMIT = 1000;

class SsrCstNodeBuilder extends CstNodeBuilder {
    /**
     * As Langium's, but a new node is looked for from the end of its container, where it was just
     * added: Langium's `indexOf` from the start made the comments before each top-level
     * declaration cost the length of the document (quadratic in the number of declarations).
     */
    override addHiddenNodes(tokens: Parameters<CstNodeBuilder['addHiddenNodes']>[0]): void {
        if (tokens.length === 0) return;
        const nodes = tokens.map(token => this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        // A newly created node: the comments go before it, in the first container that has content before it.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        this.insertChildren((this as unknown as { rootNode: CompositeCstNode }).rootNode, 0, nodes);
    }

    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        for (const child of children) (child as { container?: CompositeCstNode }).container = parent;
        if (parent.content.length === 0) {
            (parent as unknown as Mutable).content = children.slice();
        } else {
            const content = parent.content as CstNode[];
            if (children.length <= SPREAD_LIMIT) content.push(...children);
            else for (const child of children) content.push(child);
        }
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        for (const child of children) (child as { container?: CompositeCstNode }).container = parent;
        if (children.length <= SPREAD_LIMIT) {
            (parent.content as CstNode[]).splice(index, 0, ...children);
        } else {
            (parent as unknown as Mutable).content = parent.content.slice(0, index).concat(children, parent.content.slice(index));
        }
    }
}

export function createSsrParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // Langium creates its builder in the parser's constructor and offers no service for it.
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new SsrCstNodeBuilder();
    // Chevrotain keeps the last input's tokens until the next parse, which nothing needs once the
    // CST is built: about 7 MB held at rest for a 20k-line document.
    const parse = parser.parse.bind(parser);
    const wrapper = (parser as unknown as { wrapper: { input: unknown[] } }).wrapper;
    parser.parse = (input, options) => {
        try {
            return parse(input, options);
        } finally {
            wrapper.input = [];
        }
    };
    return parser;
}

/**
 * Where the next `needle` starts at or after `from` in `text`, or -1. Remembers, for the last
 * text, the earliest position from which the needle no longer occurs: an unclosed `/*` or `"""`
 * is then tried at each later opener in constant time, not by a search to the end of the text
 * (which made a text with many unclosed openers quadratic to lex).
 */
class ClosingFinder {
    private text?: string;
    private notFoundFrom = Infinity;

    constructor(private readonly needle: string) { }

    find(text: string, from: number): number {
        if (text !== this.text) {
            this.text = text;
            this.notFoundFrom = Infinity;
        }
        if (from >= this.notFoundFrom) return -1;
        const at = text.indexOf(this.needle, from);
        if (at < 0) this.notFoundFrom = from;
        return at;
    }
}

const match = (image: string) => [image] as unknown as RegExpExecArray;

/** Chevrotain's token type, as Langium's token builder returns it (chevrotain is Langium's dependency, not ours). */
type TokenType = Extract<ReturnType<DefaultTokenBuilder['buildTokens']>, readonly unknown[]>[number];

/**
 * Tokens as the grammar defines them, with block comments and triple-quoted texts matched by a
 * search for their closing delimiter (ClosingFinder) instead of the lazy regexes
 * `/\*[\s\S]*?\*\/` and `"""[\s\S]*?"""`, which scan to the end of the text for every opener that
 * is never closed. The tokens match the same text.
 */
export class SsrTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name === 'ML_COMMENT') {
            const closing = new ClosingFinder('*/');
            token.PATTERN = (text: string, offset: number) => {
                if (!text.startsWith('/*', offset)) return null;
                const end = closing.find(text, offset + 2);
                return end < 0 ? null : match(text.slice(offset, end + 2));
            };
            token.START_CHARS_HINT = ['/'];
            token.LINE_BREAKS = true;
        } else if (terminal.name === 'STRING') {
            const closing = new ClosingFinder('"""');
            const oneLine = /"(\\.|[^"\\\r\n])*"/y;
            token.PATTERN = (text: string, offset: number) => {
                if (text.startsWith('"""', offset)) {
                    const end = closing.find(text, offset + 3);
                    if (end >= 0) return match(text.slice(offset, end + 3));
                }
                oneLine.lastIndex = offset;
                return oneLine.exec(text);
            };
            token.START_CHARS_HINT = ['"'];
            token.LINE_BREAKS = true;
        }
        return token;
    }
}
