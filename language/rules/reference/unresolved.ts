import { closest, didYouMean } from '../../base/strings.js';
import type { Rule } from '../rule.js';
import { candidateNames, failedReferences } from './lookup.js';

/** How many distinct unresolved names get a did-you-mean per check (a missing library fails them all). */
const MAX_SUGGESTED = 200;

export const referenceUnresolved: Rule = {
    id: 'reference/unresolved',
    severity: 'error',
    description: 'A name refers to nothing; the closest name is suggested.',
    appliesToLibraries: true,
    check(context) {
        // Linear: each distinct unresolved name is compared (closest) with the V visible names of its
        // type once, and at most MAX_SUGGESTED names get a suggestion per check: O(references + MAX_SUGGESTED·V).
        const suggestions = new Map<string, string | undefined>();
        for (const failed of failedReferences(context)) {
            if (failed.otherKinds.length > 0) continue; // reference/wrong-kind
            const key = `${failed.expected}\u0000${failed.text}`;
            if (!suggestions.has(key) && suggestions.size < MAX_SUGGESTED) suggestions.set(key, closest(failed.text, candidateNames(context, failed)));
            const suggestion = suggestions.get(key);
            context.report({
                message: `No ${failed.expected} named '${failed.text}' is declared in this strategy or the libraries it imports.${didYouMean(suggestion)}`,
                node: failed.info.container, property: failed.info.property, index: failed.info.index,
                range: failed.reference.$refNode?.range,
                fix: suggestion ? { replacements: [suggestion] } : undefined,
            });
        }
    },
};
