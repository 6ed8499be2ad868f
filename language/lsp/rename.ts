/**
 * Rename across a strategy and its libraries. Qualified references (`Objective.Activity`) keep
 * their qualifier: only the segment that names the renamed declaration changes.
 */
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import type { LangiumDocuments } from 'langium';
import type { RenameParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { isDeclaration } from '../base/declarations.js';

export class SsrRenameProvider extends DefaultRenameProvider {
    protected readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const edit = await super.rename(document, params);
        if (!edit?.changes) return edit;
        const documents = this.documents;
        for (const [uri, edits] of Object.entries(edit.changes)) {
            const target = documents.all.find(d => d.textDocument.uri === uri);
            if (!target) continue;
            edit.changes[uri] = edits.map((e: TextEdit) => {
                const text = target.textDocument.getText(e.range);
                const dot = text.lastIndexOf('.');
                if (dot < 0) return e;
                const start = target.textDocument.positionAt(target.textDocument.offsetAt(e.range.start) + dot + 1);
                const renamedIsQualifier = this.renamesQualifier(document, params);
                if (renamedIsQualifier) return { range: { start: e.range.start, end: target.textDocument.positionAt(target.textDocument.offsetAt(e.range.start) + dot) }, newText: e.newText };
                return { range: { start, end: e.range.end }, newText: e.newText };
            });
        }
        return edit;
    }

    /** Whether the declaration being renamed is an objective (the qualifier of `Objective.Activity`). */
    protected renamesQualifier(document: LangiumDocument, params: RenameParams): boolean {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (!leaf) return false;
        const text = leaf.text;
        const offsetInLeaf = document.textDocument.offsetAt(params.position) - leaf.offset;
        const dot = text.indexOf('.');
        if (dot >= 0) return offsetInLeaf <= dot;
        let node: AstNode | undefined = leaf.astNode;
        while (node && !isDeclaration(node)) node = node.$container;
        return node?.$type === 'Objective' && this.nameProvider.getNameNode(node)?.offset === leaf.offset;
    }
}
