import { closest, didYouMean } from '../../base/strings.js';
import { DIRECTIVE } from '../../parsing/suppression.js';
import type { Rule } from '../rule.js';

/**
 * Runs after every other rule's findings met the suppression comments (`afterSuppression`), since
 * whether a comment suppressed something depends on all of them.
 */
export const suppressionUnused: Rule = {
    id: 'suppression/unused',
    severity: 'warning',
    description: 'An ssr-ignore-next-line comment suppresses nothing, or gives no reason.',
    appliesToLibraries: true,
    afterSuppression: true,
    check({ document, suppressions, report }) {
        // Linear in the suppressions: includes() and closest() scan the fixed list of rule ids.
        if (!suppressions) return;
        const known = suppressions.knownRuleIds;
        const node = document.parseResult.value;
        for (const suppression of suppressions.all) {
            if (suppressions.used.has(suppression)) continue;
            let message: string;
            if (!suppression.reason) {
                message = `This ${DIRECTIVE} comment gives no reason, so it suppresses nothing. Add '-- <why this finding does not apply here>' after the rule id: reviewers need the reason.`;
            } else if (suppression.ruleIds.length === 0) {
                message = `This ${DIRECTIVE} comment names no rule, so it suppresses nothing. Write the rule id(s) before '--', or remove the comment.`;
            } else {
                const unknown = suppression.ruleIds.filter(id => !known.includes(id));
                message = unknown.length > 0
                    ? `Unknown rule id '${unknown[0]}' in ${DIRECTIVE}.${didYouMean(closest(unknown[0], known))} The comment suppresses nothing.`
                    : `This ${DIRECTIVE} comment suppresses nothing: no ${suppression.ruleIds.join(', ')} finding lies on the line or declaration after it. Remove it so that it does not hide a future finding.`;
            }
            report({ node, range: suppression.range, message, fix: { removeLine: suppression.range.start.line } });
        }
    },
};
