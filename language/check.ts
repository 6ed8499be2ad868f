/**
 * Checking files outside the editor (command line, tests, benchmarks): load the strategies and,
 * through their imports, their libraries; build them with the same services as the language
 * server; return the findings per file.
 */
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import * as ast from './generated/ast.js';
import type { SsrServices } from './ssr-module.js';
import { resolveImportUri } from './imports.js';
import { severityOf, type SsrDiagnosticData } from './validation/rule-engine.js';
import type { Severity } from './rules/rule.js';

export interface FileFinding {
    readonly ruleId: string;
    readonly severity: Severity;
    readonly message: string;
    /** 0-based, as in LSP. */
    readonly range: Diagnostic['range'];
    /** The rule's own key for this finding, if it reports several per declaration (see Finding.key). */
    readonly key?: string;
}

export interface FileReport {
    readonly uri: URI;
    readonly isLibrary: boolean;
    /** Whether the file was named on the command line (not only reached through an import). */
    readonly requested: boolean;
    readonly findings: FileFinding[];
    readonly document: LangiumDocument<ast.Document>;
}

export function toFinding(diagnostic: Diagnostic): FileFinding {
    const data = diagnostic.data as SsrDiagnosticData | undefined;
    return {
        ruleId: data?.ruleId ?? String(diagnostic.code ?? 'unknown'),
        severity: severityOf(diagnostic),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        range: diagnostic.range,
        ...(data?.key !== undefined ? { key: data.key } : {}),
    };
}

/**
 * Loads `uris` and every library they import (transitively), builds and validates them all, and
 * returns one report per document in the order given (imported libraries after).
 */
export async function checkUris(services: SsrServices, uris: URI[], texts?: Map<string, string>): Promise<FileReport[]> {
    const shared = services.shared;
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const fileSystem = shared.workspace.FileSystemProvider;
    const requested = new Set(uris.map(u => u.toString()));
    const loaded: LangiumDocument[] = [];
    const queue = [...uris];
    const seen = new Set<string>();
    while (queue.length > 0) {
        const uri = queue.shift()!;
        const key = uri.toString();
        if (seen.has(key)) continue;
        seen.add(key);
        let document = documents.getDocument(uri);
        if (!document) {
            const text = texts?.get(key);
            if (text !== undefined) {
                document = factory.fromString(text, uri);
            } else {
                if (!requested.has(key) && !(await exists(fileSystem, uri))) continue;
                document = await factory.fromUri(uri);
            }
            documents.addDocument(document);
        }
        loaded.push(document);
        const root = document.parseResult.value;
        if (ast.isDocument(root)) {
            for (const element of root.elements) {
                if (ast.isImport(element)) {
                    const target = resolveImportUri(document, element);
                    if (target) queue.push(target);
                }
            }
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

async function exists(fileSystem: { exists(uri: URI): Promise<boolean> }, uri: URI): Promise<boolean> {
    try {
        return await fileSystem.exists(uri);
    } catch {
        return false;
    }
}
