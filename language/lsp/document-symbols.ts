/** The outline: strategy, imports, actors, phases, objectives containing their activities, benchmarks, funding, fiscal. */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { declarationKind, isNamedDeclaration, titleOf } from '../base/declarations.js';

export class SsrDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const root = document.parseResult.value;
        if (!ast.isDocument(root)) return [];
        return root.elements.flatMap(element => this.symbol(element));
    }

    protected symbol(node: AstNode): DocumentSymbol[] {
        const cst = node.$cstNode;
        if (!cst) return [];
        let name: string | undefined;
        let detail: string | undefined;
        let kind: SymbolKind;
        if (ast.isImport(node)) {
            name = `import ${node.path ?? ''}`;
            kind = SymbolKind.Module;
        } else if (ast.isDeclaration(node)) {
            const declaration = declarationKind(node);
            kind = declaration.symbol;
            const title = ast.isFiscal(node) ? undefined : titleOf(node);
            if (isNamedDeclaration(node)) {
                name = node.name;
                // An activity's implementer and `rolling` are part of what it is.
                const facts = ast.isActivity(node) ? [...(node.by ? [`by ${node.by.$refText}`] : []), ...(node.rolling ? ['rolling'] : [])] : [];
                detail = [title, ...facts].filter(Boolean).join(' · ') || undefined;
            } else {
                name = title ?? declaration.keyword;
                detail = declaration.label === name ? undefined : declaration.label;
                if (ast.isStrategy(node) && node.implements?.trim()) detail = `${detail ?? declaration.label} · implements ${node.implements.trim()}`;
            }
        } else {
            return [];
        }
        if (!name) return [];
        const selection = GrammarUtils.findNodeForProperty(cst, 'name')?.range ?? GrammarUtils.findNodeForProperty(cst, 'title')?.range ?? cst.range;
        const children = ast.isObjective(node) ? node.activities.flatMap(a => this.symbol(a)) : [];
        return [{ name, detail, kind, range: cst.range, selectionRange: selection, children }];
    }
}
