import type { AstNode } from 'langium';
import { forEachTerm } from '../../base/term-fields.js';
import { closest, didYouMean } from '../../base/strings.js';
import type { Rule } from '../rule.js';

export const taxonomyUnknownTerm: Rule = {
    id: 'taxonomy/unknown-term',
    severity: 'error',
    description: 'A term is not in the taxonomy; the closest term is suggested.',
    appliesToLibraries: true,
    check({ model, vocabulary, report }) {
        // O(n + u·T): one Map lookup per term; each of the u unknown terms is compared with the T terms of its taxonomy.
        // Terms are written only on declarations and a strategy's scope: visit those, not the whole AST.
        const judge = (node: AstNode) => forEachTerm(node, (field, value, index) => {
            if (vocabulary.find(field.taxonomy, value)) return;
            const ids = vocabulary.ids(field.taxonomy);
            const suggestion = closest(value, ids);
            const label = vocabulary.label(field.taxonomy);
            const listed = ids.length <= 8 ? ` Valid terms here: ${ids.join(", ")}.` : "";
            report({
                message: `'${value}' is not a known ${label}.${didYouMean(suggestion)}${suggestion ? '' : listed} Terms come from a fixed taxonomy so that the checker can reason about them.`,
                node, property: field.property, index,
                fix: suggestion ? { replacements: [suggestion] } : undefined,
            });
        });
        for (const strategy of model.strategies) {
            judge(strategy);
            if (strategy.scope) judge(strategy.scope);
        }
        for (const list of [model.actors, model.phases, model.objectives, model.activities, model.benchmarks, model.fundings]) {
            for (const node of list) judge(node);
        }
    },
};
