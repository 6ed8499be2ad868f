/**
 * `"taxonomy"` in a configuration file (LANGUAGE.md 6.8): terms added to the lists of section 6,
 * each with a description and what the rules need to reason about it (an actor kind's category,
 * an instrument's source, an activity type's capability flag, a benchmark source's perception
 * flag). The terms of a whole `extends` chain make one `Vocabulary` (resolve.ts).
 */
import { AstUtils, GrammarAST } from 'langium';
import { SsrGrammar } from '../generated/grammar.js';
import { ACTOR_CATEGORIES, BUILTIN_VOCABULARY, type TaxonomyName, type TermInfo } from '../base/taxonomy.js';
import type { JsonNode } from './json.js';
import type { ConfigReader } from './reader.js';

interface TermFlag {
    /** The key in the term's object. */
    readonly key: string;
    readonly required: boolean;
    /** What the value is, for "needs a …" messages. */
    readonly expected: string;
    /** The value as a term's property, or undefined (reported) when it is unusable. */
    readonly read: (reader: ConfigReader, node: JsonNode, what: string) => Partial<TermInfo> | undefined;
}

interface TaxonomyList {
    /** The key under `"taxonomy"`. */
    readonly key: string;
    readonly list: TaxonomyName;
    readonly flags: readonly TermFlag[];
}

const category: TermFlag = {
    key: 'category', required: true, expected: `one of ${ACTOR_CATEGORIES.map(c => `"${c}"`).join(', ')}`,
    read: (reader, node, what) => {
        const value = reader.choice(node, `${what}: "category"`, ACTOR_CATEGORIES);
        return value && { category: value };
    },
};
const source: TermFlag = {
    key: 'source', required: true, expected: '"external" or "domestic" (a domestic instrument\'s funding counts as domestic whatever its actor)',
    read: (reader, node, what) => {
        const value = reader.choice(node, `${what}: "source"`, ['external', 'domestic']);
        return value && { external: value === 'external' };
    },
};
const capability: TermFlag = {
    key: 'capability', required: false, expected: 'true for a capability activity',
    read: (reader, node, what) => {
        const value = reader.boolean(node, `${what}: "capability"`);
        return value === undefined ? undefined : { capability: value };
    },
};
const perception: TermFlag = {
    key: 'perception', required: false, expected: 'true for a perception source',
    read: (reader, node, what) => {
        const value = reader.boolean(node, `${what}: "perception"`);
        return value === undefined ? undefined : { perception: value };
    },
};

/** The lists a configuration may add terms to, in the order of LANGUAGE.md section 6. */
export const TAXONOMY_LISTS: readonly TaxonomyList[] = [
    { key: 'actor-kinds', list: 'actorKind', flags: [category] },
    { key: 'sectors', list: 'sector', flags: [] },
    { key: 'activity-types', list: 'activityType', flags: [capability] },
    { key: 'themes', list: 'theme', flags: [] },
    { key: 'benchmark-sources', list: 'source', flags: [perception] },
    { key: 'instruments', list: 'instrument', flags: [source] },
];

/** The fields a term of a list takes: its description and its flags. */
export const termFieldsOf = (list: TaxonomyList): string[] => ['description', ...list.flags.map(f => f.key)];

/** A term as the language writes it (LANGUAGE.md section 3): lower case letters and digits, words joined by `-`. */
const TERM_FORM = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

let keywords: Set<string> | undefined;
/** The keywords of the grammar: a term spelled like one could not be written (the parser reads the keyword). */
function languageKeywords(): Set<string> {
    return keywords ??= new Set(AstUtils.streamAllContents(SsrGrammar()).filter(GrammarAST.isKeyword).map(k => k.value).toArray());
}

/** A term a configuration file adds, with where its name is written (for problems about it). */
export interface ConfiguredTerm {
    readonly list: TaxonomyName;
    readonly term: TermInfo;
    readonly keyNode: JsonNode;
}

/** Reads `"taxonomy"`: the terms that are well-formed; every mistake is a problem on the reader. */
export function readTaxonomy(reader: ConfigReader, node: JsonNode): ConfiguredTerm[] {
    const terms: ConfiguredTerm[] = [];
    const lists = reader.object(node, '"taxonomy"', TAXONOMY_LISTS.map(l => l.key),
        '{ "instruments": { "ndici": { "source": "external", "description": "…" } } }') ?? [];
    for (const { key, value } of lists) {
        const list = TAXONOMY_LISTS.find(l => l.key === key);
        if (!list) continue; // `object` reported it
        const label = BUILTIN_VOCABULARY.label(list.list);
        const fields = termFieldsOf(list);
        for (const entry of reader.object(value, `"taxonomy"."${key}"`, undefined, `{ "my-term": { ${fields.map(f => `"${f}": …`).join(', ')} } }`) ?? []) {
            const id = entry.key;
            const what = `${label} '${id}'`;
            if (!TERM_FORM.test(id)) {
                reader.report(entry.keyNode, `${what}: a term is written in lower case letters and digits, words joined by '-' (e.g. 'gender-ministry')`);
                continue;
            }
            if (languageKeywords().has(id)) {
                reader.report(entry.keyNode, `${what}: '${id}' is a keyword of the language and cannot be written as a term; choose another`);
                continue;
            }
            if (BUILTIN_VOCABULARY.find(list.list, id)) {
                reader.report(entry.keyNode, `${what} is a built-in term and cannot be redefined; remove it, or add a term of your own under another name`);
                continue;
            }
            const term = readTerm(reader, list, entry.keyNode, entry.value, what, fields);
            if (term) terms.push({ list: list.list, term: { id, ...term, definedIn: reader.file.uri }, keyNode: entry.keyNode });
        }
    }
    return terms;
}

/** A term's description and flags; undefined when a required field is missing or unusable. */
function readTerm(reader: ConfigReader, list: TaxonomyList, keyNode: JsonNode, node: JsonNode | undefined, what: string, fields: readonly string[]): Omit<TermInfo, 'id'> | undefined {
    const example = `{ ${fields.map(f => `"${f}": …`).join(', ')} }`;
    const read = reader.fields(node, what, fields, example);
    if (!read) return undefined;
    const given = new Map(read.properties.map(p => [p.key, p]));
    let usable = true;
    const description = given.get('description');
    const definition = description ? reader.string(description.value, `${what}: "description"`) : undefined;
    if (!description && !read.meant.has('description')) reader.report(keyNode, `${what} needs a "description": one line in plain words, shown on hover and in completion`);
    if (definition === undefined) usable = false;
    let term: Omit<TermInfo, 'id'> = { definition: definition ?? '' };
    for (const flag of list.flags) {
        const property = given.get(flag.key);
        if (!property) {
            if (flag.required) {
                if (!read.meant.has(flag.key)) reader.report(keyNode, `${what} needs a "${flag.key}": ${flag.expected}`);
                usable = false;
            }
            continue;
        }
        const value = property.value && flag.read(reader, property.value, what);
        if (value) term = { ...term, ...value };
        else if (flag.required) usable = false;
    }
    return usable ? term : undefined;
}
