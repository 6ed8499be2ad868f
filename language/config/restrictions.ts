/**
 * Instrument restrictions (RULES.md, *Configuration* and `fiscal/instrument-restriction`): legal
 * limits on what a funding instrument may pay for, as data. The built-in records (US legal
 * authorities, builtin-restrictions.ts) and the records of `.ssrrc.json` `"restrictions"` have one
 * form; the rule is an engine over them.
 */
import { ACTOR_CATEGORIES, type Vocabulary } from '../base/taxonomy.js';
import { closest, didYouMean } from '../base/strings.js';
import { elementsOf, kindOf, propertiesOf, type JsonNode } from './json.js';
import type { ConfigReader } from './reader.js';

export type RestrictionSeverity = 'error' | 'warning' | 'info';
const SEVERITIES: readonly RestrictionSeverity[] = ['error', 'warning', 'info'];

/** The activity part of an alternative: one activity of the objective matches every list given. */
interface ActivityCondition {
    /** The activity's type is one of these. */
    readonly type?: readonly string[];
    /** The activity targets an actor of one of these kinds. */
    readonly targetKind?: readonly string[];
    /** The activity targets an actor of one of these categories. */
    readonly targetCategory?: readonly string[];
}

/** One alternative of `when`: every field it gives must match. */
export interface RestrictionCondition {
    /** The objective's sector is one of these. */
    readonly sector?: readonly string[];
    readonly activity?: ActivityCondition;
}

/** A restriction as written in JSON (and as the built-in records are written). */
export interface RestrictionRecord {
    /** `owner/name`, unique. */
    readonly id: string;
    readonly instruments: readonly string[];
    /** Alternatives: the restriction applies when at least one matches. */
    readonly when: readonly RestrictionCondition[];
    readonly severity: RestrictionSeverity;
    /** A severity per strategy `context`, replacing `severity` in that context. */
    readonly contextSeverity?: Readonly<Record<string, RestrictionSeverity>>;
    /** Why, in one clause; the finding adds the names. */
    readonly message: string;
    /** The legal source, shown on hover and in SARIF. */
    readonly source?: string;
}

/** A restriction in force: a record and where it was defined. */
export interface Restriction extends RestrictionRecord {
    /** The configuration file (URI) that defined it; undefined for a built-in record. */
    readonly definedIn?: string;
}

export const RESTRICTION_KEYS = ['id', 'instruments', 'when', 'severity', 'contextSeverity', 'message', 'source'] as const;
export const CONDITION_KEYS = ['sector', 'activity'] as const;
export const ACTIVITY_CONDITION_KEYS = ['type', 'targetKind', 'targetCategory'] as const;
const ID_FORM = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;

/** The severity of a restriction in a strategy of this context. */
export const severityIn = (restriction: RestrictionRecord, context: string | undefined): RestrictionSeverity =>
    (context !== undefined ? restriction.contextSeverity?.[context] : undefined) ?? restriction.severity;

/** Where a record is named: its id, or the record itself. */
export const anchorOf = (node: JsonNode): JsonNode => propertiesOf(node).find(p => p.key === 'id')?.value ?? node;

/**
 * Reads one restriction record against the vocabulary of its configuration chain (its instruments,
 * sectors, activity types and actor kinds may be added terms). A record with any mistake is
 * reported and left out: half a legal limit would judge wrongly. `taken` holds the ids already
 * defined (built-in and earlier records) with where: a repeated id is a problem.
 */
export function readRestriction(reader: ConfigReader, node: JsonNode, index: number, vocabulary: Vocabulary, taken: ReadonlyMap<string, string>): Restriction | undefined {
    const start = reader.problems.length;
    const idProperty = propertiesOf(node).find(p => p.key === 'id');
    const idNode = idProperty?.value;
    const named = idNode?.type === 'string' ? `restriction '${String(idNode.value)}'` : `restriction ${index + 1}`;
    const read = reader.fields(node, named, RESTRICTION_KEYS,
        '{ "id": "owner/name", "instruments": […], "when": [ { "sector": […] } ], "severity": "warning", "message": "…" }');
    if (!read) return undefined;
    const given = new Map(read.properties.map(p => [p.key, p]));
    for (const key of ['id', 'instruments', 'when', 'severity', 'message'] as const) {
        if (!given.has(key) && !read.meant.has(key)) reader.report(idProperty?.keyNode ?? node, `${named} needs "${key}"${REQUIRED_HINT[key]}`);
    }
    const id = reader.string(idNode, `${named}: "id"`);
    if (id !== undefined) {
        if (!ID_FORM.test(id)) reader.report(idNode, `${named}: "id" must have the form owner/name in lower case, e.g. 'eu/ndici-lethal'`);
        else if (taken.has(id)) reader.report(idNode, `${named}: the id '${id}' is already taken by ${taken.get(id)}; give each restriction its own id`);
    }
    const instruments = reader.list(given.get('instruments')?.value, `${named}: "instruments"`, 'funding instrument', vocabulary.ids('instrument'), '["ndici"]');
    const when = readWhen(reader, given.get('when')?.value, named, vocabulary);
    const severity = reader.choice(given.get('severity')?.value, `${named}: "severity"`, SEVERITIES);
    const contextSeverity = readContextSeverity(reader, given.get('contextSeverity')?.value, named, vocabulary);
    const message = reader.string(given.get('message')?.value, `${named}: "message"`);
    const source = reader.string(given.get('source')?.value, `${named}: "source"`);
    if (reader.problems.length > start || !id || !instruments || !when || !severity || !message) return undefined;
    return {
        id, instruments, when, severity, message,
        ...(contextSeverity ? { contextSeverity } : {}),
        ...(source ? { source } : {}),
        definedIn: reader.file.uri,
    };
}

const REQUIRED_HINT: Record<string, string> = {
    id: ": a unique name of the form owner/name, e.g. 'eu/ndici-lethal'",
    instruments: ': the funding instruments it restricts, e.g. ["ndici"]',
    when: ': a list of alternatives, e.g. [ { "sector": ["defence"] } ]',
    severity: ': "error", "warning" or "info"',
    message: ': why, in one clause (the finding adds the names)',
};

function readWhen(reader: ConfigReader, node: JsonNode | undefined, named: string, vocabulary: Vocabulary): RestrictionCondition[] | undefined {
    if (!node) return undefined;
    const what = `${named}: "when"`;
    if (node.type !== 'array' || elementsOf(node).length === 0) {
        reader.report(node, `${what} must be a non-empty list of alternatives, e.g. [ { "sector": ["defence"] }, { "activity": { "targetKind": ["armed-forces"] } } ] (it is ${kindOf(node)})`);
        return undefined;
    }
    const alternatives: RestrictionCondition[] = [];
    let ok = true;
    elementsOf(node).forEach((element, i) => {
        const alternative = `${what}, alternative ${i + 1}`;
        const read = reader.fields(element, alternative, CONDITION_KEYS, '{ "sector": ["defence"] }');
        if (!read) { ok = false; return; }
        const properties = read.properties;
        if (properties.length === 0) {
            if (read.meant.size === 0) reader.report(element, `${alternative} has no condition; give "sector" and/or "activity" (an empty alternative would match every objective)`);
            ok = false;
            return;
        }
        let condition: RestrictionCondition = {};
        for (const { key, value } of properties) {
            if (key === 'sector') {
                const sectors = reader.list(value, `${alternative}: "sector"`, 'sector', vocabulary.ids('sector'), '["defence"]');
                if (sectors) condition = { ...condition, sector: sectors }; else ok = false;
            } else {
                const activity = readActivityCondition(reader, value, `${alternative}: "activity"`, vocabulary);
                if (activity) condition = { ...condition, activity }; else ok = false;
            }
        }
        alternatives.push(condition);
    });
    return ok ? alternatives : undefined;
}

function readActivityCondition(reader: ConfigReader, node: JsonNode | undefined, what: string, vocabulary: Vocabulary): ActivityCondition | undefined {
    const read = reader.fields(node, what, ACTIVITY_CONDITION_KEYS, '{ "type": ["equipment"], "targetKind": ["armed-forces"] }');
    if (!read) return undefined;
    const properties = read.properties;
    if (properties.length === 0) {
        if (read.meant.size === 0) reader.report(node, `${what} has no condition; give "type", "targetKind" and/or "targetCategory"`);
        return undefined;
    }
    let condition: ActivityCondition = {};
    let ok = true;
    for (const { key, value } of properties) {
        const [label, candidates, example] = key === 'type' ? ['activity type', vocabulary.ids('activityType'), '["equipment"]']
            : key === 'targetKind' ? ['actor kind', vocabulary.ids('actorKind'), '["armed-forces"]']
                : ['actor category', [...ACTOR_CATEGORIES], '["provider"]'];
        const values = reader.list(value, `${what}: "${key}"`, label, candidates, example);
        if (values) condition = { ...condition, [key]: values }; else ok = false;
    }
    return ok ? condition : undefined;
}

function readContextSeverity(reader: ConfigReader, node: JsonNode | undefined, named: string, vocabulary: Vocabulary): Record<string, RestrictionSeverity> | undefined {
    const what = `${named}: "contextSeverity"`;
    const properties = reader.object(node, what, undefined, '{ "post-conflict": "info" }');
    if (!properties) return undefined;
    const contexts = vocabulary.ids('context');
    const result: Record<string, RestrictionSeverity> = {};
    for (const { key, keyNode, value } of properties) {
        if (!contexts.includes(key)) {
            reader.report(keyNode, `${what}: unknown context '${key}'.${didYouMean(closest(key, contexts))}`);
            continue;
        }
        const severity = reader.choice(value, `${what}: "${key}"`, SEVERITIES);
        if (severity) result[key] = severity;
    }
    return result;
}
