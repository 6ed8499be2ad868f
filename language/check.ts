/**
 * Checking files outside the editor (command line, tests, benchmarks): load the strategies and,
 * through their imports, their libraries; build them with the same services as the language
 * server; return the findings per file.
 */
import { type URI, type LangiumDocument } from 'langium';
import * as ast from './generated/ast.js';
import type { SsrServices } from './ssr-module.js';
import { importsOf, resolveImportUri } from './parsing/imports.js';
import { toFinding, type FileFinding } from './validation/findings.js';


export interface FileReport {
    readonly uri: URI;
    readonly isLibrary: boolean;
    /** Whether the file was named on the command line (not only reached through an import). */
    readonly requested: boolean;
    readonly findings: FileFinding[];
    readonly document: LangiumDocument<ast.Document>;
}

/**
 * Loads `uris` and every library they import (transitively), builds and validates them all, and
 * returns one report per document in the order given (imported libraries after).
 */
export async function checkUris(services: SsrServices, uris: URI[], texts?: Map<string, string>): Promise<FileReport[]> {
    const shared = services.shared;
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const imports = services.references.Imports;
    const requested = new Set(uris.map(u => u.toString()));
    const loaded: LangiumDocument[] = [];
    const queue = [...uris];
    const seen = new Set<string>();
    for (let i = 0; i < queue.length; i++) {
        const uri = queue[i];
        const key = uri.toString();
        if (seen.has(key)) continue;
        seen.add(key);
        let document = documents.getDocument(uri);
        if (!document) {
            const text = texts?.get(key);
            if (text !== undefined) {
                document = factory.fromString(text, uri);
            } else {
                // An import that cannot be read as a library is a finding (reference/import), not an exception.
                if (!requested.has(key) && imports.loadProblem(uri) !== undefined) continue;
                document = await factory.fromUri(uri);
            }
            documents.addDocument(document);
        }
        loaded.push(document);
        for (const node of importsOf(document)) {
            const target = resolveImportUri(document, node);
            if (target) queue.push(target);
        }
    }
    await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    return loaded.map(document => {
        const root = document.parseResult.value as ast.Document;
        return {
            uri: document.uri,
            isLibrary: root.elements.length > 0 && ast.isLibrary(root.elements[0]),
            requested: requested.has(document.uri.toString()),
            findings: (document.diagnostics ?? []).map(toFinding),
            document: document as LangiumDocument<ast.Document>,
        };
    });
}
