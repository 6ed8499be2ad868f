/**
 * How completion and hover describe a taxonomy term: what the rules know about it (category,
 * source, flags) and, for a term a configuration adds, which file adds it.
 */
import { URI, UriUtils } from 'langium';
import type { TermInfo } from '../base/taxonomy.js';

/** `category: management`, `external source`, `capability activity`, `perception source`, or nothing. */
export function termFacts(term: TermInfo): string | undefined {
    if (term.category) return `category: ${term.category}`;
    if (term.external !== undefined) return term.external ? 'external source' : 'domestic source';
    if (term.capability) return 'capability activity';
    if (term.perception) return 'perception source';
    return undefined;
}

/** For a configured term, the file that adds it, relative to the document's folder: `org/eu-instruments.json`. */
export function definedInText(documentUri: URI, term: TermInfo): string | undefined {
    if (!term.definedIn) return undefined;
    const file = URI.parse(term.definedIn);
    return (documentUri.scheme === file.scheme ? UriUtils.relative(UriUtils.dirname(documentUri), file) : '') || term.definedIn;
}

/** A term's definition with, for a configured term, the file that adds it (Markdown). */
export function termDocumentation(documentUri: URI, term: TermInfo): string {
    const where = definedInText(documentUri, term);
    return where ? `${term.definition}\n\n*Added by \`${where}\`*` : term.definition;
}
