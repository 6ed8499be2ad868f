import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';

/**
 * An import must name a library the checker can read: a UTF-8 `.ssr` file inside the workspace
 * that does not import the importing file back. Any other import is a finding on its path, never
 * an exception; the rest of the document is still checked. Linear in the number of imports.
 */
export const referenceImport: Rule = {
    id: 'reference/import',
    severity: 'error',
    description: 'An import names a file that cannot be used as a library (missing, a folder, not .ssr, not UTF-8, too large, outside the workspace, or a cycle).',
    appliesToLibraries: true,
    check({ document, model, services, report }) {
        const imports = services.references.Imports;
        for (const node of model.imports) {
            const problem = imports.problemOf(document, node);
            if (!problem) continue;
            report({
                node, property: ast.Import.path,
                message: `The library '${node.path ?? ''}' ${problem}. A strategy imports .ssr libraries of actors by a path relative to its own file.`,
            });
        }
    },
};
