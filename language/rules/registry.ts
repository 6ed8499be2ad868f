/**
 * Every rule the checker knows, in the order they run. To add a rule: write it in
 * `rules/<family>/<name>.ts`, list it in its family's `index.ts`, and document it in `docs/rules/<family>/<name>.md`.
 */
import type { Rule } from './rule.js';
import { syntaxError } from './syntax/error.js';
import { referenceUnresolved } from './reference/unresolved.js';
import { referenceDuplicate } from './reference/duplicate.js';
import { referenceWrongKind } from './reference/wrong-kind.js';
import { referenceImport } from './reference/import.js';
import { taxonomyUnknownTerm } from './taxonomy/unknown-term.js';
import { structureMissingField } from './structure/missing-field.js';
import { structureBadRange } from './structure/bad-range.js';
import { suppressionUnused } from './suppression/unused.js';
import { COVERAGE_RULES } from './coverage/index.js';
import { SEQUENCING_RULES } from './sequencing/index.js';
import { FISCAL_RULES } from './fiscal/index.js';
import { MONITORING_RULES } from './monitoring/index.js';
import { OWNERSHIP_RULES } from './ownership/index.js';

const ALL_RULES: readonly Rule[] = [
    syntaxError,
    referenceUnresolved,
    referenceDuplicate,
    referenceWrongKind,
    referenceImport,
    taxonomyUnknownTerm,
    structureMissingField,
    structureBadRange,
    suppressionUnused,
    ...COVERAGE_RULES,
    ...SEQUENCING_RULES,
    ...FISCAL_RULES,
    ...MONITORING_RULES,
    ...OWNERSHIP_RULES,
];

export class RuleRegistry {
    readonly all: readonly Rule[];
    readonly ids: readonly string[];
    private readonly byId: ReadonlyMap<string, Rule>;

    constructor(rules: readonly Rule[] = ALL_RULES) {
        this.all = rules;
        this.ids = rules.map(r => r.id);
        this.byId = new Map(rules.map(r => [r.id, r]));
    }

    get(id: string): Rule | undefined {
        return this.byId.get(id);
    }
}

/** What the rules layer adds to the services. */
export interface SsrRulesAddedServices {
    rules: {
        RuleRegistry: RuleRegistry;
    };
}
