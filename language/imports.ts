/**
 * `import "path.ssr"`: resolution relative to the importing file, and the import closure that
 * decides which names a strategy sees (its own declarations and those of the libraries it imports).
 */
import { AstUtils, UriUtils, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import * as ast from './generated/ast.js';

export function resolveImportUri(document: LangiumDocument, importNode: ast.Import): URI | undefined {
    if (!importNode.path) return undefined;
    const path = unquote(importNode.path).trim();
    if (!path) return undefined;
    return UriUtils.resolvePath(UriUtils.dirname(document.uri), path);
}

export function unquote(text: string): string {
    if (text.startsWith('"""') && text.endsWith('"""') && text.length >= 6) return text.slice(3, -3);
    if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) return text.slice(1, -1).replace(/\\(.)/g, '$1');
    return text;
}

/** The documents a document imports, directly or through other imports (without itself). */
export function importedDocuments(document: LangiumDocument, documents: LangiumDocuments): LangiumDocument[] {
    const seen = new Set<string>([document.uri.toString()]);
    const result: LangiumDocument[] = [];
    const queue: LangiumDocument[] = [document];
    while (queue.length > 0) {
        const current = queue.shift()!;
        const root = current.parseResult?.value;
        if (!ast.isDocument(root)) continue;
        for (const element of root.elements) {
            if (!ast.isImport(element)) continue;
            const uri = resolveImportUri(current, element);
            if (!uri || seen.has(uri.toString())) continue;
            seen.add(uri.toString());
            const imported = documents.getDocument(uri);
            if (imported) {
                result.push(imported);
                queue.push(imported);
            }
        }
    }
    return result;
}

/** URIs (as strings) of a document and everything it imports: the documents whose names it sees. */
export function visibleUris(document: LangiumDocument, documents: LangiumDocuments): Set<string> {
    return new Set([document.uri.toString(), ...importedDocuments(document, documents).map(d => d.uri.toString())]);
}

export function documentOf(node: ast.Import): LangiumDocument {
    return AstUtils.getDocument(node);
}
