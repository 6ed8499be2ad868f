/** The outline: strategy, actors, phases, objectives containing their activities, benchmarks, funding, fiscal. */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { unquote } from '../imports.js';

const KINDS: Record<string, SymbolKind> = {
    Strategy: SymbolKind.File, Library: SymbolKind.Package, Import: SymbolKind.Module, Actor: SymbolKind.Class, Phase: SymbolKind.Event,
    Objective: SymbolKind.Namespace, Activity: SymbolKind.Method, Benchmark: SymbolKind.Constant, Funding: SymbolKind.Property, Fiscal: SymbolKind.Struct,
};

export class SsrDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const root = document.parseResult.value;
        if (!ast.isDocument(root)) return [];
        return root.elements.flatMap(element => this.symbol(element));
    }

    protected symbol(node: AstNode): DocumentSymbol[] {
        const cst = node.$cstNode;
        if (!cst) return [];
        const named = node as AstNode & { name?: string; title?: string };
        let name = named.name;
        let detail = named.title ? unquote(named.title) : undefined;
        if (ast.isStrategy(node)) { name = detail ?? 'strategy'; detail = 'strategy'; }
        if (ast.isLibrary(node)) { name = detail ?? 'library'; detail = 'library'; }
        if (ast.isImport(node)) { name = `import ${node.path ?? ''}`; }
        if (ast.isFiscal(node)) { name = 'fiscal'; }
        if (!name) return [];
        const selection = GrammarUtils.findNodeForProperty(cst, 'name')?.range ?? GrammarUtils.findNodeForProperty(cst, 'title')?.range ?? cst.range;
        const children = ast.isObjective(node) ? node.activities.flatMap(a => this.symbol(a)) : [];
        return [{ name, detail, kind: KINDS[node.$type] ?? SymbolKind.Object, range: cst.range, selectionRange: selection, children }];
    }

}
