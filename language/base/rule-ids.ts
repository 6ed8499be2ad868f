/**
 * Rule ids (`family/name`), the families, and where each rule's page lives. The rules themselves
 * are in language/rules/; configuration, the command line and the summary need only these names.
 */

type RuleFamily = 'syntax' | 'reference' | 'taxonomy' | 'structure' | 'suppression'
    | 'coverage' | 'sequencing' | 'fiscal' | 'monitoring' | 'ownership';

/** Families of the "Language rules (always on)" table of RULES.md. */
export const LANGUAGE_FAMILIES: ReadonlySet<string> = new Set<RuleFamily>(['syntax', 'reference', 'taxonomy', 'structure', 'suppression']);

export const familyOf = (id: string): string => id.split('/')[0];
const ruleName = (id: string): string => id.split('/').slice(1).join('/');

/** A language rule cannot be turned off; `suppression/unused` is the exception (RULES.md). */
export const canBeTurnedOff = (id: string): boolean => !LANGUAGE_FAMILIES.has(familyOf(id)) || id === 'suppression/unused';

/** Where rule pages are published; a rule's page is `<base><family>/<name>.md`. */
const DOCS_BASE_URL = 'https://github.com/ssr-tools/ssr-strategy/blob/main/docs/rules/';
export const docsUrl = (id: string): string => `${DOCS_BASE_URL}${familyOf(id)}/${ruleName(id)}.md`;
