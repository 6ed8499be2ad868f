/**
 * The open document a request of the extension names (`ssr/summary`, `ssr/export`), once it is
 * checked, with the file name the summary shows.
 */
import { DocumentState, URI, type Cancellation, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type * as ast from '../language/generated/ast.js';

export async function validatedDocument(shared: LangiumSharedServices, uriText: string, token: Cancellation.CancellationToken): Promise<{ document: LangiumDocument<ast.Document>; label: string }> {
    const uri = URI.parse(uriText);
    await shared.workspace.WorkspaceManager.ready;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
    const document = shared.workspace.LangiumDocuments.getDocument(uri);
    if (!document) throw new Error(`${uriText} is not an open .ssr document`);
    return { document: document as LangiumDocument<ast.Document>, label: uri.path.split('/').pop() ?? uri.toString() };
}
