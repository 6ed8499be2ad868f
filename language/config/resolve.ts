/**
 * A configuration chain (RULES.md *Configuration*, `extends`): the files a configuration extends
 * are read first, in order (each file once, however many files name it), then the file itself.
 * `rules` and `settings` of a later file override earlier ones key by key; taxonomy terms and
 * restrictions accumulate, and a term or restriction id defined twice is a problem on the later
 * definition. A missing file or a cycle is a problem on the `extends` entry that names it; an
 * entry naming a file that has problems of its own carries a pointer to them, so the editor shows
 * where to look. Whatever has a problem is left out; the valid rest is used.
 */
import type { URI } from 'langium';
import { BUILTIN_VOCABULARY, Vocabulary, type TaxonomyName, type TermInfo } from '../base/taxonomy.js';
import type { ConfiguredSeverity } from '../base/severity.js';
import { BUILTIN_RESTRICTIONS } from './builtin-restrictions.js';
import { DEFAULT_SETTINGS, type ParsedConfigFile, type Settings } from './parse.js';
import { relativeName, type ConfigProblem } from './problems.js';
import { ConfigReader } from './reader.js';
import { anchorOf, readRestriction, type Restriction } from './restrictions.js';

export interface ResolvedConfig {
    /** The file that was used, if any (the nearest `.ssrrc.json`, or `--config`). */
    readonly file?: URI;
    /** Every file the configuration read or tried to read (URI strings): a change to any of them changes it. */
    readonly chain: readonly string[];
    readonly severities: ReadonlyMap<string, ConfiguredSeverity>;
    readonly settings: Settings;
    /** The terms valid under this configuration: the built-in ones and those it adds. */
    readonly vocabulary: Vocabulary;
    /** The restrictions of `fiscal/instrument-restriction`: the built-in records, then the configured ones. */
    readonly restrictions: readonly Restriction[];
    /** The problems of every file of the chain, each on its own file. */
    readonly problems: readonly ConfigProblem[];
}

export const EMPTY_CONFIG: ResolvedConfig = {
    chain: [], severities: new Map(), settings: DEFAULT_SETTINGS, vocabulary: BUILTIN_VOCABULARY, restrictions: BUILTIN_RESTRICTIONS, problems: [],
};

/** Where something was defined, for "already defined in …" messages: a file and line, or built in. */
interface Definition { readonly file?: string; readonly line?: number }

const describeDefinition = (shownIn: string, at: Definition, builtIn: string): string =>
    at.file ? `${at.file === shownIn ? 'this file' : relativeName(shownIn, at.file)}${at.line !== undefined ? ` (line ${at.line + 1})` : ''}` : builtIn;

/** Resolves the configuration whose file is `top`, reading each file of its chain with `load`. */
export function resolveChain(top: URI, load: (uri: URI) => ParsedConfigFile): ResolvedConfig {
    const problems: ConfigProblem[] = [];
    /** The files in merge order (the extended ones first), each once. */
    const order: ParsedConfigFile[] = [];
    const chain: string[] = [];
    /** Each visited file and the files it brings in, itself included. */
    const reach = new Map<string, Set<string>>();
    const visiting: string[] = [];
    /** `extends` entries that already carry a problem of their own (missing file, cycle). */
    const reported = new Set<object>();

    const visit = (uri: URI): void => {
        const key = uri.toString();
        const file = load(uri);
        chain.push(key);
        visiting.push(key);
        const reached = new Set([key]);
        for (const entry of file.extends) {
            const target = entry.target.toString();
            const json = file.json;
            if (visiting.includes(target)) {
                const loop = [...visiting.slice(visiting.indexOf(target)), target].map(f => relativeName(key, f));
                problems.push(json.problem(entry.node, `"extends": '${entry.path}' leads back to itself (${loop.join(' → ')}); a chain of configurations cannot be a cycle`));
                reported.add(entry.node);
                continue;
            }
            if (!reach.has(target)) visit(entry.target);
            const extended = load(entry.target);
            if (extended.unreadable) {
                problems.push(json.problem(entry.node, `"extends": '${entry.path}' cannot be read (${extended.unreadable})`));
                reported.add(entry.node);
            }
            for (const f of reach.get(target) ?? []) reached.add(f);
        }
        visiting.pop();
        reach.set(key, reached);
        if (!file.unreadable) order.push(file);
    };

    const topFile = load(top);
    if (topFile.unreadable) {
        return { ...EMPTY_CONFIG, file: top, chain: [top.toString()], problems: [{ file: top.toString(), message: `cannot be read (${topFile.unreadable})`, fatal: true }] };
    }
    visit(top);

    // rules and settings: later files override earlier ones key by key; terms accumulate.
    const severities = new Map<string, ConfiguredSeverity>();
    const settings: { -readonly [K in keyof Settings]: Settings[K] } = { ...DEFAULT_SETTINGS };
    const added: Partial<Record<TaxonomyName, TermInfo[]>> = {};
    const termsDefined = new Map<string, Definition>();
    for (const file of order) {
        problems.push(...file.problems);
        for (const [id, severity] of file.severities) severities.set(id, severity);
        Object.assign(settings, file.settings);
        for (const { list, term, keyNode } of file.terms) {
            const key = `${list}\n${term.id}`;
            const earlier = termsDefined.get(key);
            const uri = file.uri.toString();
            if (earlier) {
                problems.push(file.json.problem(keyNode, `${BUILTIN_VOCABULARY.label(list)} '${term.id}' is already defined in ${describeDefinition(uri, earlier, 'the built-in list')}; a term is defined once in a chain of configurations`));
                continue;
            }
            termsDefined.set(key, { file: uri, line: file.json.range(keyNode).start.line });
            (added[list] ??= []).push(term);
        }
    }
    const vocabulary = order.some(f => f.terms.length > 0) ? new Vocabulary(added) : BUILTIN_VOCABULARY;

    // restrictions: checked against the whole chain's vocabulary; ids are unique, built-in ones included.
    const restrictions: Restriction[] = [...BUILTIN_RESTRICTIONS];
    const taken = new Map<string, Definition>(BUILTIN_RESTRICTIONS.map(r => [r.id, {}]));
    for (const file of order) {
        if (file.restrictions.length === 0) continue;
        const reader = new ConfigReader(file.json);
        const uri = file.uri.toString();
        const takenHere = new Map([...taken].map(([id, at]) => [id, describeDefinition(uri, at, 'a built-in restriction')]));
        file.restrictions.forEach((node, index) => {
            const restriction = readRestriction(reader, node, index, vocabulary, takenHere);
            if (!restriction) return;
            restrictions.push(restriction);
            const at: Definition = { file: uri, line: file.json.range(anchorOf(node)).start.line };
            taken.set(restriction.id, at);
            takenHere.set(restriction.id, describeDefinition(uri, at, ''));
        });
        problems.push(...reader.problems);
    }

    // an extends entry naming a file with problems points at them
    const broken = new Set(problems.map(p => p.file));
    for (const file of order) {
        for (const entry of file.extends) {
            if (reported.has(entry.node)) continue;
            const files = [...(reach.get(entry.target.toString()) ?? [])].filter(f => broken.has(f));
            if (files.length === 0) continue;
            const count = problems.filter(p => files.includes(p.file)).length;
            const where = files.map(f => relativeName(file.uri.toString(), f)).join(', ');
            problems.push({
                ...file.json.problem(entry.node, `"extends": '${entry.path}' has ${count === 1 ? 'a problem' : `${count} problems`} (shown on ${where}); its valid parts are used`),
                via: files,
            });
        }
    }

    return { file: top, chain, severities, settings, vocabulary, restrictions, problems };
}
