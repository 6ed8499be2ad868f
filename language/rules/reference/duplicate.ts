import { AstUtils, type AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import { declarationKind } from '../../base/declarations.js';
import type { Rule } from '../rule.js';


export const referenceDuplicate: Rule = {
    id: 'reference/duplicate',
    severity: 'error',
    description: 'Two declarations of the same kind share a name.',
    appliesToLibraries: true,
    check({ document, model, services, report }) {
        const own = (node: AstNode) => AstUtils.findRootNode(node) === model.root;
        // Declarations of the imported libraries (of any kind) count as declared first: the finding
        // belongs to this file's declaration. Linear in the number of declarations.
        const byKind = new Map<string, ast.NamedDeclaration[]>();
        const add = (node: ast.NamedDeclaration) => {
            const list = byKind.get(node.$type);
            if (list) list.push(node); else byKind.set(node.$type, [node]);
        };
        for (const imported of services.references.Imports.importedDocuments(document)) {
            const root = imported.parseResult.value;
            for (const node of ast.isDocument(root) ? root.elements : []) {
                if (ast.isNamedDeclaration(node)) add(node);
                if (ast.isObjective(node)) node.activities.forEach(add);
            }
        }
        [...model.actors, ...model.phases, ...model.objectives, ...model.activities, ...model.benchmarks, ...model.fundings].forEach(add);
        for (const group of byKind.values()) {
            const first = new Map<string, ast.NamedDeclaration>();
            for (const node of group) {
                if (!node.name) continue;
                const previous = first.get(node.name);
                if (!previous) {
                    first.set(node.name, node);
                    continue;
                }
                if (!own(node)) continue;
                const where = own(previous) ? `on line ${(previous.$cstNode?.range.start.line ?? 0) + 1}` : 'in an imported library';
                report({
                    message: `Another ${declarationKind(node).label} named '${node.name}' is declared ${where}. Names must be unique per kind so that every reference is unambiguous: rename one of them.`,
                    node, property: 'name',
                });
            }
        }
        for (const extra of model.strategies.slice(1)) {
            report({ message: 'A file holds one strategy header; merge this one into the first.', node: extra, keyword: 'strategy' });
        }
        for (const extra of model.fiscals.slice(1)) {
            report({ message: 'A strategy has at most one fiscal block; merge this one into the first.', node: extra, keyword: 'fiscal' });
        }
    },
};
