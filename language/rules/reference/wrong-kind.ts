import { listInWords } from '../../base/format.js';
import { referenceTypeLabel } from '../../base/declarations.js';
import type { Rule } from '../rule.js';
import { failedReferences } from './lookup.js';

export const referenceWrongKind: Rule = {
    id: 'reference/wrong-kind',
    severity: 'error',
    description: 'A reference names the wrong kind of thing (for example `lead` names a phase).',
    appliesToLibraries: true,
    check(context) {
        // Linear: each failed reference is one lookup in the per-build name index (its same-name declarations filtered).
        for (const failed of failedReferences(context)) {
            if (failed.otherKinds.length === 0) continue;
            const kinds = [...new Set(failed.otherKinds.map(d => referenceTypeLabel(d.type)))];
            context.report({
                message: `'${failed.text}' is ${kinds.length === 1 ? `a${/^[aeiou]/.test(kinds[0]) ? 'n' : ''} ${kinds[0]}` : listInWords(kinds, 'or')}, but '${failed.info.property}' needs a${/^[aeiou]/.test(failed.expected) ? 'n' : ''} ${failed.expected} here.`,
                node: failed.info.container, property: failed.info.property, index: failed.info.index,
                range: failed.reference.$refNode?.range,
            });
        }
    },
};
