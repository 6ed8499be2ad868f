/**
 * Bad configuration as normal input (RULES.md *Configuration*, issue 12): one case per kind of
 * mistake, each a small folder of configuration files around a strategy, and the one problem it
 * must yield — in which file, on the line of which text, with which message. The command-line
 * tests (exit 2, one `file:line: message` on stderr) and the language-server tests (the problem
 * published on that file, at that line) run the same cases.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HEADER } from '../helpers.js';

export interface ProblemAt {
    /** The configuration file, relative to the case's folder. */
    readonly file: string;
    /** Text in that file on whose line the problem is (its first occurrence, or the `occurrence`-th). */
    readonly at: string;
    readonly occurrence?: number;
    readonly message: RegExp;
}

export interface ConfigCase {
    readonly name: string;
    /** Files relative to the case's folder: objects are written as JSON, two spaces per level. */
    readonly files: Readonly<Record<string, object | string>>;
    /** The one problem. */
    readonly problem: ProblemAt;
    /** In the editor, also this pointer on the `extends` entry naming the broken file. */
    readonly pointer?: ProblemAt;
}

const NDICI = { ndici: { source: 'external', description: 'NDICI-Global Europe' } };
const restriction = (fields: object) => ({
    id: 'eu/ndici-lethal', instruments: ['ndici'],
    when: [{ activity: { type: ['equipment'], targetKind: ['armed-forces'] } }],
    severity: 'warning', message: 'NDICI may not finance lethal equipment', ...fields,
});
const withRestriction = (fields: object) => ({ taxonomy: { instruments: NDICI }, restrictions: [restriction(fields)] });

export const CONFIG_CASES: readonly ConfigCase[] = [
    {
        name: 'an unknown key',
        files: { '.ssrrc.json': { taxonmy: {} } },
        problem: { file: '.ssrrc.json', at: '"taxonmy"', message: /unknown key "taxonmy".*Did you mean 'taxonomy'\?/ },
    },
    {
        name: 'an unknown rule id',
        files: { '.ssrrc.json': { rules: { 'coverage/gendre': 'off' } } },
        problem: { file: '.ssrrc.json', at: '"coverage/gendre"', message: /unknown rule id 'coverage\/gendre'\. Did you mean 'coverage\/gender'\?/ },
    },
    {
        name: 'a setting out of range',
        files: { '.ssrrc.json': { settings: { 'fiscal.maxExternalShare': 40 } } },
        problem: { file: '.ssrrc.json', at: '40', message: /must be a number between 0 and 1/ },
    },
    {
        name: 'an unknown taxonomy list',
        files: { '.ssrrc.json': { taxonomy: { instrument: NDICI } } },
        problem: { file: '.ssrrc.json', at: '"instrument"', message: /unknown key "instrument".*Did you mean 'instruments'\?/ },
    },
    {
        name: 'a wrong category',
        files: { '.ssrrc.json': { taxonomy: { 'actor-kinds': { 'gender-ministry': { category: 'managment', description: 'Gender ministry' } } } } },
        problem: { file: '.ssrrc.json', at: '"managment"', message: /actor kind 'gender-ministry': "category" must be one of .*Did you mean 'management'\?/ },
    },
    {
        name: 'a misspelt required field',
        files: { '.ssrrc.json': { taxonomy: { 'actor-kinds': { 'gender-ministry': { categroy: 'management', description: 'Gender ministry' } } } } },
        problem: { file: '.ssrrc.json', at: '"categroy"', message: /unknown key "categroy".*Did you mean 'category'\?/ },
    },
    {
        name: 'a wrong source',
        files: { '.ssrrc.json': { taxonomy: { instruments: { ndici: { source: 'externl', description: 'NDICI' } } } } },
        problem: { file: '.ssrrc.json', at: '"externl"', message: /funding instrument 'ndici': "source" must be one of "external", "domestic".*Did you mean 'external'\?/ },
    },
    {
        name: 'a flag that is not true or false',
        files: { '.ssrrc.json': { taxonomy: { 'activity-types': { mentoring: { capability: 'yes', description: 'Mentoring' } } } } },
        problem: { file: '.ssrrc.json', at: '"yes"', message: /activity type 'mentoring': "capability" must be true or false/ },
    },
    {
        name: 'a flag on a list that has none',
        files: { '.ssrrc.json': { taxonomy: { sectors: { cyber: { description: 'Cyber security', capability: true } } } } },
        problem: { file: '.ssrrc.json', at: '"capability"', message: /sector 'cyber': unknown key "capability"; expected "description"/ },
    },
    {
        name: 'a term without a description',
        files: { '.ssrrc.json': { taxonomy: { sectors: { cyber: {} } } } },
        problem: { file: '.ssrrc.json', at: '"cyber"', message: /sector 'cyber' needs a "description"/ },
    },
    {
        name: 'a term not written as a term',
        files: { '.ssrrc.json': { taxonomy: { instruments: { NDICI: { source: 'external', description: 'NDICI' } } } } },
        problem: { file: '.ssrrc.json', at: '"NDICI"', message: /lower case letters and digits/ },
    },
    {
        name: 'a redefined built-in term',
        files: { '.ssrrc.json': { taxonomy: { 'actor-kinds': { police: { category: 'justice', description: 'Police' } } } } },
        problem: { file: '.ssrrc.json', at: '"police"', message: /actor kind 'police' is a built-in term and cannot be redefined/ },
    },
    {
        name: 'a term defined twice in a chain',
        files: {
            '.ssrrc.json': { extends: ['org/eu.json'], taxonomy: { instruments: NDICI } },
            'org/eu.json': { taxonomy: { instruments: NDICI } },
        },
        problem: { file: '.ssrrc.json', at: '"ndici"', message: /funding instrument 'ndici' is already defined in org\/eu\.json \(line 4\)/ },
    },
    {
        name: 'an unknown instrument in a restriction',
        files: { '.ssrrc.json': withRestriction({ instruments: ['ndicl'] }) },
        problem: { file: '.ssrrc.json', at: '"ndicl"', message: /restriction 'eu\/ndici-lethal': "instruments": unknown funding instrument 'ndicl'\. Did you mean 'ndici'\?/ },
    },
    {
        name: 'an unknown actor kind in a condition',
        files: { '.ssrrc.json': withRestriction({ when: [{ activity: { targetKind: ['armed-force'] } }] }) },
        problem: { file: '.ssrrc.json', at: '"armed-force"', message: /unknown actor kind 'armed-force'\. Did you mean 'armed-forces'\?/ },
    },
    {
        name: '"when" that is not a list',
        files: { '.ssrrc.json': withRestriction({ when: { sector: ['defence'] } }) },
        problem: { file: '.ssrrc.json', at: '"when"', message: /restriction 'eu\/ndici-lethal': "when" must be a non-empty list of alternatives/ },
    },
    {
        name: 'an unknown condition in "when"',
        files: { '.ssrrc.json': withRestriction({ when: [{ sectors: ['defence'] }] }) },
        problem: { file: '.ssrrc.json', at: '"sectors"', message: /alternative 1: unknown key "sectors".*Did you mean 'sector'\?/ },
    },
    {
        name: 'an alternative without a condition',
        files: { '.ssrrc.json': withRestriction({ when: [{ sector: ['defence'] }, {}] }) },
        problem: { file: '.ssrrc.json', at: '{}', message: /alternative 2 has no condition/ },
    },
    {
        name: 'a restriction without a message',
        files: { '.ssrrc.json': { taxonomy: { instruments: NDICI }, restrictions: [{ id: 'eu/x', instruments: ['ndici'], when: [{ sector: ['defence'] }], severity: 'warning' }] } },
        problem: { file: '.ssrrc.json', at: '"id": "eu/x"', message: /restriction 'eu\/x' needs "message"/ },
    },
    {
        name: 'a wrong severity',
        files: { '.ssrrc.json': withRestriction({ severity: 'hint' }) },
        problem: { file: '.ssrrc.json', at: '"hint"', message: /"severity" must be one of "error", "warning", "info"/ },
    },
    {
        name: 'a duplicate restriction id',
        files: { '.ssrrc.json': { taxonomy: { instruments: NDICI }, restrictions: [restriction({}), restriction({ severity: 'error' })] } },
        problem: { file: '.ssrrc.json', at: '"eu/ndici-lethal"', occurrence: 2, message: /the id 'eu\/ndici-lethal' is already taken by this file \(line 12\)/ },
    },
    {
        name: 'the id of a built-in restriction',
        files: { '.ssrrc.json': withRestriction({ id: 'us/military-to-policing' }) },
        problem: { file: '.ssrrc.json', at: '"us/military-to-policing"', message: /already taken by a built-in restriction/ },
    },
    {
        name: 'an id not of the form owner/name',
        files: { '.ssrrc.json': withRestriction({ id: 'ndici-lethal' }) },
        problem: { file: '.ssrrc.json', at: '"ndici-lethal"', message: /"id" must have the form owner\/name/ },
    },
    {
        name: 'an extends entry that is not a path',
        files: { '.ssrrc.json': { extends: 5 } },
        problem: { file: '.ssrrc.json', at: '5', message: /"extends" must be a list of paths/ },
    },
    {
        name: 'a missing extended file',
        files: { '.ssrrc.json': { extends: ['org/missing.json'] } },
        problem: { file: '.ssrrc.json', at: '"org/missing.json"', message: /"extends": 'org\/missing\.json' cannot be read \(no such file\)/ },
    },
    {
        name: 'a cycle of extends',
        files: {
            '.ssrrc.json': { extends: ['org/a.json'] },
            'org/a.json': { extends: ['../.ssrrc.json'] },
        },
        problem: { file: 'org/a.json', at: '"../.ssrrc.json"', message: /'\.\.\/\.ssrrc\.json' leads back to itself \(\.\.\/\.ssrrc\.json → a\.json → \.\.\/\.ssrrc\.json\)/ },
    },
    {
        name: 'an extended file that is not JSON',
        files: {
            '.ssrrc.json': { extends: ['org/eu.json'] },
            'org/eu.json': '{\n  "rules": {\n    "coverage/gender": "off",\n  }\n}\n',
        },
        problem: { file: 'org/eu.json', at: '  }', message: /not valid JSON: a property name in double quotes was expected/ },
        pointer: { file: '.ssrrc.json', at: '"org/eu.json"', message: /"extends": 'org\/eu\.json' has a problem \(shown on org\/eu\.json\)/ },
    },
    {
        name: 'a mistake in an extended file',
        files: {
            '.ssrrc.json': { extends: ['org/eu.json'] },
            'org/eu.json': { taxonomy: { instruments: { ndici: { source: 'external' } } } },
        },
        problem: { file: 'org/eu.json', at: '"ndici"', message: /funding instrument 'ndici' needs a "description"/ },
        pointer: { file: '.ssrrc.json', at: '"org/eu.json"', message: /has a problem \(shown on org\/eu\.json\)/ },
    },
];

/** A strategy for every case: clean of configuration, so only the configuration is judged. */
const CASE_STRATEGY = `${HEADER}\nactor NNP "National Police" { kind police }\n`;

/** Writes a case's files (and plan.ssr) into `dir`. */
export function writeCase(dir: string, configCase: ConfigCase): void {
    for (const [name, content] of [...Object.entries(configCase.files), ['plan.ssr', CASE_STRATEGY] as const]) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
    }
}

/** The 0-based line of a problem's text in its file as written in `dir`. */
export function lineOf(dir: string, at: ProblemAt): number {
    const text = fs.readFileSync(path.join(dir, at.file), 'utf8');
    let offset = -1;
    for (let i = 0; i < (at.occurrence ?? 1); i++) {
        offset = text.indexOf(at.at, offset + 1);
        if (offset < 0) throw new Error(`'${at.at}' (occurrence ${at.occurrence ?? 1}) is not in ${at.file}`);
    }
    return text.slice(0, offset).split('\n').length - 1;
}
