/**
 * schemas/ssrrc.schema.json, which VS Code's JSON support applies to `.ssrrc.json` (completion and
 * validation while writing the configuration itself): it knows every key the checker reads and no
 * other, offers the built-in terms, accepts the spec's configurations and rejects every bad
 * configuration a schema can see (the rest, such as a term no list has, only the checker knows).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import AjvModule from 'ajv';
import { ACTOR_CATEGORIES, BUILTIN_VOCABULARY } from '../language/base/taxonomy.js';
import { TOP_LEVEL_KEYS } from '../language/config/parse.js';
import { ACTIVITY_CONDITION_KEYS, CONDITION_KEYS, RESTRICTION_KEYS } from '../language/config/restrictions.js';
import { TAXONOMY_LISTS, termFieldsOf } from '../language/config/taxonomy.js';
import { ROOT, SHARED, SPEC_EXAMPLES } from './helpers.js';
import { CONFIG_CASES } from './support/config-cases.js';

type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (options: object) => { compile(schema: object): Validator };

interface Schema {
    properties?: Record<string, Schema>;
    additionalProperties?: Schema | boolean;
    items?: Schema;
    anyOf?: Schema[];
    allOf?: Schema[];
    not?: Schema;
    enum?: unknown[];
    propertyNames?: Schema;
    definitions?: Record<string, Schema>;
    $ref?: string;
}

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'ssrrc.schema.json'), 'utf8')) as Schema;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const keys = (s: Schema | undefined) => Object.keys(s?.properties ?? {}).sort();
const sorted = (list: readonly string[]) => [...list].sort();
const definitions = schema.definitions ?? {};
const restriction = definitions.restriction;
const builtInsOf = (list: Schema | undefined) => list?.items?.anyOf?.[0]?.enum;

/** Bad configurations only the checker can see: names no list has, files, chains, JSON syntax. */
const SEMANTIC = new Set([
    'an unknown rule id', 'a term defined twice in a chain', 'an unknown instrument in a restriction',
    'an unknown actor kind in a condition', 'a duplicate restriction id', 'the id of a built-in restriction',
    'a missing extended file', 'a cycle of extends', 'an extended file that is not JSON',
]);

describe('JSON schema of .ssrrc.json (schemas/ssrrc.schema.json)', () => {
    it('has exactly the keys the checker reads, each with a description', () => {
        assert.deepEqual(keys(schema), sorted(TOP_LEVEL_KEYS));
        const taxonomy = schema.properties?.taxonomy;
        assert.deepEqual(keys(taxonomy), sorted(TAXONOMY_LISTS.map(l => l.key)));
        for (const list of TAXONOMY_LISTS) {
            const term = taxonomy?.properties?.[list.key]?.additionalProperties as Schema;
            assert.deepEqual(keys(term), sorted(termFieldsOf(list)), list.key);
        }
        assert.deepEqual(keys(restriction), sorted(RESTRICTION_KEYS));
        const alternative = restriction.properties?.when?.items;
        assert.deepEqual(keys(alternative), sorted(CONDITION_KEYS));
        assert.deepEqual(keys(alternative?.properties?.activity), sorted(ACTIVITY_CONDITION_KEYS));
        const undocumented: string[] = [];
        const visit = (s: Schema | undefined, where: string) => {
            for (const [key, value] of Object.entries(s?.properties ?? {})) {
                if (!(value as { description?: string }).description && !value.$ref) undocumented.push(`${where}.${key}`);
                visit(value, `${where}.${key}`);
                visit(value.items, `${where}.${key}[]`);
                if (typeof value.additionalProperties === 'object') visit(value.additionalProperties, `${where}.${key}.*`);
            }
        };
        visit(schema, '');
        visit(restriction, 'restriction');
        assert.deepEqual(undocumented, []);
    });

    it('offers the built-in terms and refuses to redefine them', () => {
        const alternative = restriction.properties?.when?.items?.properties;
        assert.deepEqual(builtInsOf(restriction.properties?.instruments), BUILTIN_VOCABULARY.ids('instrument'));
        assert.deepEqual(builtInsOf(alternative?.sector), BUILTIN_VOCABULARY.ids('sector'));
        assert.deepEqual(builtInsOf(alternative?.activity?.properties?.type), BUILTIN_VOCABULARY.ids('activityType'));
        assert.deepEqual(builtInsOf(alternative?.activity?.properties?.targetKind), BUILTIN_VOCABULARY.ids('actorKind'));
        assert.deepEqual(alternative?.activity?.properties?.targetCategory?.items?.enum, [...ACTOR_CATEGORIES]);
        assert.deepEqual(restriction.properties?.contextSeverity?.propertyNames?.enum, BUILTIN_VOCABULARY.ids('context'));
        for (const list of TAXONOMY_LISTS) {
            const names = schema.properties?.taxonomy?.properties?.[list.key]?.propertyNames?.allOf?.[1]?.not?.enum;
            assert.deepEqual(names, BUILTIN_VOCABULARY.ids(list.list), list.key);
        }
    });

    it("accepts the spec's configurations", () => {
        const rules = fs.readFileSync(path.join(SHARED, 'spec', 'RULES.md'), 'utf8');
        const example = /## Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(rules)?.[1];
        assert.ok(example, 'the RULES.md example');
        const files = {
            'RULES.md': JSON.parse(example) as unknown,
            'westmoor/.ssrrc.json': JSON.parse(fs.readFileSync(path.join(SPEC_EXAMPLES, 'westmoor', '.ssrrc.json'), 'utf8')) as unknown,
            'westmoor/org/eu-instruments.json': JSON.parse(fs.readFileSync(path.join(SPEC_EXAMPLES, 'westmoor', 'org', 'eu-instruments.json'), 'utf8')) as unknown,
        };
        for (const [name, config] of Object.entries(files)) assert.ok(validate(config), `${name}: ${JSON.stringify(validate.errors)}`);
    });

    for (const configCase of CONFIG_CASES) {
        const semantic = SEMANTIC.has(configCase.name);
        it(`${semantic ? 'leaves to the checker' : 'rejects'} ${configCase.name}`, () => {
            const objects = Object.values(configCase.files).filter((f): f is object => typeof f === 'object');
            const valid = objects.every(config => validate(config));
            assert.equal(valid, semantic, JSON.stringify(validate.errors));
        });
    }
});
