import type { Rule } from '../rule.js';

/**
 * Reported by the rule engine (validation/rule-engine.ts) once every other rule has run, because
 * whether a suppression was used depends on all their findings; this entry gives it its id,
 * severity and documentation.
 */
export const suppressionUnused: Rule = {
    id: 'suppression/unused',
    severity: 'warning',
    description: 'An ssr-ignore-next-line comment suppresses nothing, or gives no reason.',
    appliesToLibraries: true,
    check() { /* see rule-engine.ts applySuppressions */ },
};
