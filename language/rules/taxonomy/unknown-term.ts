import { AstUtils } from 'langium';
import { TAXONOMIES, findTerm, termIds } from '../../base/taxonomy.js';
import { termsOf } from '../../base/term-fields.js';
import { closest, didYouMean } from '../../base/strings.js';
import type { Rule } from '../rule.js';

export const taxonomyUnknownTerm: Rule = {
    id: 'taxonomy/unknown-term',
    severity: 'error',
    description: 'A term is not in the taxonomy; the closest term is suggested.',
    appliesToLibraries: true,
    check({ model, report }) {
        for (const node of AstUtils.streamAst(model.root)) {
            for (const { field, value, index } of termsOf(node)) {
                if (findTerm(field.taxonomy, value)) continue;
                const ids = termIds(field.taxonomy);
                const suggestion = closest(value, ids);
                const label = TAXONOMIES[field.taxonomy].label;
                const listed = ids.length <= 8 ? ` Valid terms here: ${ids.join(", ")}.` : "";
                report({
                    message: `'${value}' is not a known ${label}.${didYouMean(suggestion)}${suggestion ? '' : listed} Terms come from a fixed taxonomy so that the checker can reason about them.`,
                    node, property: field.property, index,
                    fix: suggestion ? { replacements: [suggestion] } : undefined,
                });
            }
        }
    },
};
