/**
 * One configuration file, read on its own (RULES.md *Configuration*): its `extends` entries, rule
 * severities, settings, added terms and restriction records, and a problem for every mistake at
 * the key or value that has it. What depends on the other files of a chain (the vocabulary the
 * restrictions are checked against, terms defined twice) is judged in resolve.ts.
 */
import { UriUtils, type URI } from 'langium';
import { closest, didYouMean } from '../base/strings.js';
import { canBeTurnedOff } from '../base/rule-ids.js';
import { isConfiguredSeverity, type ConfiguredSeverity } from '../base/severity.js';
import { elementsOf, kindOf, JsonFile, type JsonNode } from './json.js';
import type { ConfigProblem } from './problems.js';
import { ConfigReader } from './reader.js';
import { readTaxonomy, type ConfiguredTerm } from './taxonomy.js';

export interface Settings {
    /** `fiscal.maxExternalShare`, a fraction (0.5 = 50%). */
    readonly maxExternalShare: number;
}

export const DEFAULT_SETTINGS: Settings = { maxExternalShare: 0.5 };
const SETTING_NAMES: Record<string, keyof Settings> = { 'fiscal.maxExternalShare': 'maxExternalShare' };

/** The keys a configuration file may have (`$schema` lets an editor find the JSON schema). */
export const TOP_LEVEL_KEYS = ['extends', 'rules', 'settings', 'taxonomy', 'restrictions', '$schema'] as const;

interface ExtendsEntry {
    /** The path as written. */
    readonly path: string;
    /** The file it names, relative to the file that names it. */
    readonly target: URI;
    /** Where it is written: problems about the file it names point here. */
    readonly node: JsonNode;
}

export interface ParsedConfigFile {
    readonly uri: URI;
    /** The file's text, parsed (empty when it could not be read). */
    readonly json: JsonFile;
    /** Why the file could not be read, if it could not. */
    readonly unreadable?: string;
    readonly extends: readonly ExtendsEntry[];
    readonly severities: ReadonlyMap<string, ConfiguredSeverity>;
    readonly settings: Partial<Settings>;
    readonly terms: readonly ConfiguredTerm[];
    /** The entries of `"restrictions"`, checked once the chain's vocabulary is known. */
    readonly restrictions: readonly JsonNode[];
    /** The problems of the file on its own. */
    readonly problems: readonly ConfigProblem[];
}

const EMPTY: Omit<ParsedConfigFile, 'uri' | 'json' | 'problems'> = { extends: [], severities: new Map(), settings: {}, terms: [], restrictions: [] };

/** A file that could not be read. */
export function unreadableFile(uri: URI, reason: string): ParsedConfigFile {
    return { ...EMPTY, uri, json: new JsonFile(uri.toString(), ''), unreadable: reason, problems: [] };
}

/** An error message for one `"id": severity` entry, or undefined when it is valid. */
export function checkSeverityEntry(id: string, severity: unknown, ruleIds: readonly string[]): string | undefined {
    if (!ruleIds.includes(id)) {
        return `unknown rule id '${id}'.${didYouMean(closest(id, ruleIds))}`;
    }
    if (!isConfiguredSeverity(severity)) {
        return `rule '${id}': severity must be one of "error", "warning", "info", "hint", "off"`;
    }
    if (severity === 'off' && !canBeTurnedOff(id)) {
        return `rule '${id}' is a language rule and is always on`;
    }
    return undefined;
}

/** Parses the text of a configuration file against the known rule ids. */
export function parseConfigFile(uri: URI, text: string, ruleIds: readonly string[]): ParsedConfigFile {
    const json = new JsonFile(uri.toString(), text);
    const reader = new ConfigReader(json);
    const root = json.root;
    if (!root) {
        const error = json.error ?? { message: 'the file is empty', range: json.range({ offset: 0, length: 0 }) };
        reader.problems.push({ ...json.problem(undefined, `not valid JSON: ${error.message}`, true), line: error.range.start.line, range: error.range });
        return { ...EMPTY, uri, json, problems: reader.problems };
    }
    if (root.type !== 'object') {
        reader.report(root, `expected a JSON object with any of ${TOP_LEVEL_KEYS.filter(k => k !== '$schema').map(k => `"${k}"`).join(', ')} (it is ${kindOf(root)})`, true);
        return { ...EMPTY, uri, json, problems: reader.problems };
    }
    let result: Omit<ParsedConfigFile, 'uri' | 'json' | 'problems'> = EMPTY;
    for (const { key, value } of reader.object(root, '', TOP_LEVEL_KEYS) ?? []) {
        if (!value) continue;
        if (key === 'extends') result = { ...result, extends: readExtends(reader, uri, value) };
        else if (key === 'rules') result = { ...result, severities: readRules(reader, value, ruleIds) };
        else if (key === 'settings') result = { ...result, settings: readSettings(reader, value) };
        else if (key === 'taxonomy') result = { ...result, terms: readTaxonomy(reader, value) };
        else if (key === 'restrictions') result = { ...result, restrictions: readRestrictionList(reader, value) };
        else reader.string(value, '"$schema"');
    }
    return { ...result, uri, json, problems: reader.problems };
}

function readExtends(reader: ConfigReader, uri: URI, node: JsonNode): ExtendsEntry[] {
    const entries = node.type === 'string' ? [node] : node.type === 'array' ? elementsOf(node) : undefined;
    if (!entries) {
        reader.report(node, `"extends" must be a list of paths to configuration files, relative to this one, e.g. ["../org/ssr-eu.json"] (it is ${kindOf(node)})`);
        return [];
    }
    const result: ExtendsEntry[] = [];
    for (const entry of entries) {
        const path = reader.string(entry, '"extends": each entry (a path relative to this file)');
        if (path !== undefined) result.push({ path, target: UriUtils.resolvePath(UriUtils.dirname(uri), path), node: entry });
    }
    return result;
}

function readRules(reader: ConfigReader, node: JsonNode, ruleIds: readonly string[]): Map<string, ConfiguredSeverity> {
    const severities = new Map<string, ConfiguredSeverity>();
    for (const { key, keyNode, value } of reader.object(node, '"rules"', undefined, '{ "coverage/subsectors": "off" } (rule ids to "error", "warning", "info", "hint" or "off")') ?? []) {
        const severity: unknown = value?.type === 'string' ? value.value : undefined;
        const error = checkSeverityEntry(key, severity, ruleIds);
        if (error) reader.report(ruleIds.includes(key) ? value : keyNode, error);
        else if (isConfiguredSeverity(severity)) severities.set(key, severity);
    }
    return severities;
}

function readSettings(reader: ConfigReader, node: JsonNode): Partial<Settings> {
    const settings: { -readonly [K in keyof Settings]?: Settings[K] } = {};
    for (const { key, keyNode, value } of reader.object(node, '"settings"', undefined, '{ "fiscal.maxExternalShare": 0.4 }') ?? []) {
        const field = SETTING_NAMES[key];
        if (!field) {
            reader.report(keyNode, `unknown setting '${key}'.${didYouMean(closest(key, Object.keys(SETTING_NAMES)))}`);
        } else if (value?.type !== 'number' || !(value.value as number >= 0 && value.value as number <= 1)) {
            reader.report(value, `setting '${key}' must be a number between 0 and 1 (a share: 0.4 = 40%)`);
        } else {
            settings[field] = value.value as number;
        }
    }
    return settings;
}

function readRestrictionList(reader: ConfigReader, node: JsonNode): JsonNode[] {
    if (node.type !== 'array') {
        reader.report(node, `"restrictions" must be a list of restriction records, e.g. [ { "id": "owner/name", "instruments": […], "when": […], "severity": "warning", "message": "…" } ] (it is ${kindOf(node)})`);
        return [];
    }
    return elementsOf(node);
}
