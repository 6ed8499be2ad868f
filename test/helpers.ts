/** Shared test helpers: services, parsing with validation, paths. */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { clearDocuments, parseHelper } from 'langium/test';
import { createSsrServices, type SsrServices } from '../language/ssr-module.js';
import type { Document } from '../language/generated/ast.js';
import { toFinding, type FileFinding } from '../language/validation/findings.js';

/** The repository root (tests are compiled to out/test/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(ROOT, '../shared');
export const SPEC_EXAMPLES = path.join(SHARED, 'spec', 'examples');

export function createServices(fileSystem: 'empty' | 'node' = 'empty'): SsrServices {
    return createSsrServices(fileSystem === 'node' ? NodeFileSystem : EmptyFileSystem).Ssr;
}

let counter = 0;

/** Parses (and validates) a document; every test URI ends in `.ssr`. */
export function parser(services: SsrServices) {
    const parse = parseHelper<Document>(services);
    return (text: string, documentUri?: string): Promise<LangiumDocument<Document>> =>
        parse(text, { validation: true, documentUri: documentUri ?? `file:///test/doc${++counter}.ssr` });
}

export async function reset(services: SsrServices): Promise<void> {
    await clearDocuments(services.shared);
}

export function findingsOf(document: LangiumDocument): FileFinding[] {
    return (document.diagnostics ?? []).map(toFinding);
}

export function idsOf(document: LangiumDocument, ruleId?: string): string[] {
    return findingsOf(document).map(f => f.ruleId).filter(id => !ruleId || id === ruleId);
}


/** A complete, clean strategy header to build test documents on. */
export const HEADER = `strategy "Test" {
    country "Testland"
    period from 2026 to 2030
    currency USD
}
`;
