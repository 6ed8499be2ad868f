import { closest, didYouMean } from '../../base/strings.js';
import type { Rule } from '../rule.js';
import { candidateNames, failedReferences } from './lookup.js';

export const referenceUnresolved: Rule = {
    id: 'reference/unresolved',
    severity: 'error',
    description: 'A name refers to nothing; the closest name is suggested.',
    appliesToLibraries: true,
    check(context) {
        for (const failed of failedReferences(context)) {
            if (failed.otherKinds.length > 0) continue; // reference/wrong-kind
            const suggestion = closest(failed.text, candidateNames(context, failed));
            context.report({
                message: `No ${failed.expected} named '${failed.text}' is declared in this strategy or the libraries it imports.${didYouMean(suggestion)}`,
                node: failed.info.container, property: failed.info.property, index: failed.info.index,
                range: failed.reference.$refNode?.range,
                fix: suggestion ? { replacements: [suggestion] } : undefined,
            });
        }
    },
};
