/**
 * `.ssrrc.json`: severity overrides and settings (RULES.md "Configuration"), found in the folder
 * of a file or its nearest parent, shared by the language server and the command line.
 * A broken file yields one clear problem naming the file; unknown ids and settings are reported
 * with a did-you-mean, never ignored.
 */
import { UriUtils, type URI, type FileSystemProvider } from 'langium';
import { closest, didYouMean } from '../base/strings.js';
import { canBeTurnedOff } from '../base/rule-ids.js';
import { isConfiguredSeverity, type ConfiguredSeverity } from '../base/severity.js';
import { BUILTIN_VOCABULARY, type Vocabulary } from '../base/taxonomy.js';

export const CONFIG_FILE_NAME = '.ssrrc.json';

interface Settings {
    /** `fiscal.maxExternalShare`, a fraction (0.5 = 50%). */
    readonly maxExternalShare: number;
}

const DEFAULT_SETTINGS: Settings = { maxExternalShare: 0.5 };
const SETTING_NAMES: Record<string, keyof Settings> = { 'fiscal.maxExternalShare': 'maxExternalShare' };

export interface ConfigProblem {
    /** The config file (as a URI string), or the editor setting that is wrong. */
    readonly file: string;
    readonly message: string;
    /** True when the file could not be used at all (unreadable, not JSON, wrong shape). */
    readonly fatal: boolean;
    /** 0-based line of the offending text in the file, when known. */
    readonly line?: number;
}

export interface ResolvedConfig {
    /** The file that was used, if any. */
    readonly file?: URI;
    readonly severities: ReadonlyMap<string, ConfiguredSeverity>;
    readonly settings: Settings;
    /** The terms valid under this configuration: the built-in ones and those it adds. */
    readonly vocabulary: Vocabulary;
    readonly problems: readonly ConfigProblem[];
}

export const EMPTY_CONFIG: ResolvedConfig = { severities: new Map(), settings: DEFAULT_SETTINGS, vocabulary: BUILTIN_VOCABULARY, problems: [] };

/** Parses the text of a config file against the known rule ids. */
function parseConfig(text: string, file: URI, ruleIds: readonly string[]): ResolvedConfig {
    const where = file.scheme === 'file' ? file.fsPath : file.toString();
    const problems: ConfigProblem[] = [];
    const fatal = (message: string): ResolvedConfig =>
        ({ file, severities: new Map(), settings: DEFAULT_SETTINGS, vocabulary: BUILTIN_VOCABULARY, problems: [{ file: file.toString(), message: `${where}: ${message}`, fatal: true }] });
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        return fatal(`not valid JSON (${(error as Error).message})`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return fatal('expected a JSON object with "rules" and/or "settings"');
    }
    const lineOf = (needle: string): number | undefined => {
        const index = text.indexOf(JSON.stringify(needle));
        return index < 0 ? undefined : text.slice(0, index).split('\n').length - 1;
    };
    const problem = (message: string, key: string) => problems.push({ file: file.toString(), message: `${where}: ${message}`, fatal: false, line: lineOf(key) });
    const severities = new Map<string, ConfiguredSeverity>();
    const settings: { -readonly [K in keyof Settings]: Settings[K] } = { ...DEFAULT_SETTINGS };
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
        if (key === 'rules') {
            if (typeof value !== 'object' || value === null || Array.isArray(value)) {
                return fatal('"rules" must be an object mapping rule ids to "error", "warning", "info", "hint" or "off"');
            }
            for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
                const error = checkSeverityEntry(id, severity, ruleIds);
                if (error) problem(error, id);
                else if (isConfiguredSeverity(severity)) severities.set(id, severity);
            }
        } else if (key === 'settings') {
            if (typeof value !== 'object' || value === null || Array.isArray(value)) {
                return fatal('"settings" must be an object');
            }
            for (const [name, setting] of Object.entries(value as Record<string, unknown>)) {
                const field = SETTING_NAMES[name];
                if (!field) {
                    problem(`unknown setting '${name}'.${didYouMean(closest(name, Object.keys(SETTING_NAMES)))}`, name);
                } else if (typeof setting !== 'number' || !(setting >= 0 && setting <= 1)) {
                    problem(`setting '${name}' must be a number between 0 and 1 (a share: 0.4 = 40%)`, name);
                } else {
                    settings[field] = setting;
                }
            }
        } else {
            problem(`unknown key '${key}'; expected "rules" or "settings".${didYouMean(closest(key, ['rules', 'settings']))}`, key);
        }
    }
    return { file, severities, settings, vocabulary: BUILTIN_VOCABULARY, problems };
}

/** An error message for one `"id": severity` entry, or undefined when it is valid. */
function checkSeverityEntry(id: string, severity: unknown, ruleIds: readonly string[]): string | undefined {
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

/**
 * Finds and caches the configuration that applies to each document. The command line may fix one
 * file for all documents (`--config`); the editor adds `ssr.rules` overrides on top.
 */
export class SsrConfigProvider {
    private readonly cache = new Map<string, ResolvedConfig>();
    private explicitFile?: URI;
    private editorOverrides = new Map<string, ConfiguredSeverity>();
    private editorProblems: ConfigProblem[] = [];

    constructor(private readonly fileSystem: FileSystemProvider, private readonly ruleIds: () => readonly string[]) { }

    /** Use this file for every document (the command line's `--config`). */
    setExplicitConfig(file: URI | undefined): void {
        this.explicitFile = file;
        this.cache.clear();
    }

    /** `ssr.rules` from the editor's settings: severities that override the files, in the editor only. */
    setEditorOverrides(rules: unknown): void {
        this.editorOverrides = new Map();
        this.editorProblems = [];
        if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
            for (const [id, severity] of Object.entries(rules as Record<string, unknown>)) {
                const error = checkSeverityEntry(id, severity, this.ruleIds());
                if (error) this.editorProblems.push({ file: 'ssr.rules', message: `Setting ssr.rules: ${error}`, fatal: false });
                else if (isConfiguredSeverity(severity)) this.editorOverrides.set(id, severity);
            }
        }
        this.cache.clear();
    }

    get editorSettingProblems(): readonly ConfigProblem[] {
        return this.editorProblems;
    }

    /** Forget what was read (a config file changed). */
    clear(): void {
        this.cache.clear();
    }

    /** The config file that governs a document: the explicit one, or the nearest `.ssrrc.json` up the folders. */
    findConfigFile(documentUri: URI): URI | undefined {
        if (this.explicitFile) return this.explicitFile;
        if (documentUri.scheme !== 'file') return undefined;
        let folder = UriUtils.dirname(documentUri);
        for (;;) {
            const candidate = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
            try {
                if (this.fileSystem.existsSync(candidate)) return candidate;
            } catch {
                return undefined;
            }
            const parent = UriUtils.dirname(folder);
            if (parent.path === folder.path) return undefined;
            folder = parent;
        }
    }

    getConfig(documentUri: URI): ResolvedConfig {
        const file = this.findConfigFile(documentUri);
        const key = file?.toString() ?? '';
        let config = this.cache.get(key);
        if (!config) {
            config = file ? this.load(file) : EMPTY_CONFIG;
            if (this.editorOverrides.size > 0) {
                config = { ...config, severities: new Map([...config.severities, ...this.editorOverrides]) };
            }
            this.cache.set(key, config);
        }
        return config;
    }

    /** Reads and checks one config file. */
    load(file: URI): ResolvedConfig {
        let text: string;
        try {
            text = this.fileSystem.readFileSync(file);
        } catch (error) {
            const where = file.scheme === 'file' ? file.fsPath : file.toString();
            return { file, severities: new Map(), settings: DEFAULT_SETTINGS, vocabulary: BUILTIN_VOCABULARY, problems: [{ file: file.toString(), message: `${where}: cannot be read (${(error as Error).message})`, fatal: true }] };
        }
        return parseConfig(text, file, this.ruleIds());
    }
}

/** What the configuration layer adds to Langium's core services. */
export interface SsrConfigAddedServices {
    config: {
        ConfigProvider: SsrConfigProvider;
    };
}
