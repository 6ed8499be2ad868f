/**
 * The parser: Langium's, with a CST builder that never passes a whole run of hidden tokens as
 * call arguments. Langium's `CstNodeBuilder` adds the comments before a token with
 * `push(...nodes)` / `splice(i, 0, ...nodes)`, which overflows the stack from about 100,000
 * comment lines in a row (issue 15). The same nodes end up in the same places here.
 */
import { CstNodeBuilder, createLangiumParser, type CompositeCstNode, type CstNode, type LangiumCoreServices, type LangiumParser } from 'langium';

type Mutable = { content: CstNode[] };

/** Runs up to this long go in one call, as in Langium (fast); longer ones without spreading. */
const SPREAD_LIMIT = 1000;

class SsrCstNodeBuilder extends CstNodeBuilder {
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
    return parser;
}
