/**
 * `.ssrrc.json` (RULES.md "Configuration"), found in the folder of a file or its nearest parent,
 * shared by the language server and the command line: severity overrides, settings, terms added
 * to the taxonomies, instrument restrictions, and `extends` chains of further files.
 *
 *   parse.ts      one file on its own: its keys, each mistake a problem at its line
 *   taxonomy.ts   "taxonomy": added terms        restrictions.ts  "restrictions" records
 *   resolve.ts    a chain of files merged into one ResolvedConfig
 *   this file     which configuration governs a document, cached per chain
 *
 * A broken file yields clear problems naming the file and line; unknown keys, ids, settings, lists,
 * categories and flags are reported with a did-you-mean, never ignored; the valid parts are used.
 */
import { UriUtils, type URI, type FileSystemProvider } from 'langium';
import { isConfiguredSeverity, type ConfiguredSeverity } from '../base/severity.js';
import { checkSeverityEntry, parseConfigFile, unreadableFile, type ParsedConfigFile } from './parse.js';
import type { ConfigProblem } from './problems.js';
import { EMPTY_CONFIG, resolveChain, type ResolvedConfig } from './resolve.js';

export type { ConfigProblem } from './problems.js';
export { formatProblem } from './problems.js';
export type { ResolvedConfig } from './resolve.js';
export { EMPTY_CONFIG } from './resolve.js';

export const CONFIG_FILE_NAME = '.ssrrc.json';

/** Why a file could not be read, in plain words. */
function readError(error: unknown): string {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'it is a folder';
    if (code === 'EACCES') return 'permission denied';
    return (error as Error).message;
}

/**
 * Finds and caches the configuration that applies to each document. The command line may fix one
 * file for all documents (`--config`); the editor adds `ssr.rules` overrides on top. Each file is
 * read once and each chain resolved once, until one of its files changes (`invalidate`).
 */
export class SsrConfigProvider {
    /** Resolved configurations by their file ('' for none). */
    private readonly resolved = new Map<string, ResolvedConfig>();
    /** Configuration files as read, by URI: a file several chains extend is read once. */
    private readonly files = new Map<string, ParsedConfigFile>();
    private explicitFile?: URI;
    private editorOverrides = new Map<string, ConfiguredSeverity>();
    private editorProblems: ConfigProblem[] = [];

    constructor(private readonly fileSystem: FileSystemProvider, private readonly ruleIds: () => readonly string[]) { }

    /** Use this file for every document (the command line's `--config`). */
    setExplicitConfig(file: URI | undefined): void {
        this.explicitFile = file;
        this.resolved.clear();
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
        this.resolved.clear();
    }

    get editorSettingProblems(): readonly ConfigProblem[] {
        return this.editorProblems;
    }

    /** Forget everything that was read. */
    clear(): void {
        this.resolved.clear();
        this.files.clear();
    }

    /**
     * Forget what was read of these files (URI strings; they changed on disk) and every
     * configuration whose chain read them (or tried to: a missing file may have appeared).
     * Returns the configurations forgotten, as they were. A new `.ssrrc.json` needs nothing
     * forgotten: the lookup of a document's configuration file is not cached.
     */
    invalidate(changed: readonly string[]): ResolvedConfig[] {
        const set = new Set(changed);
        for (const uri of set) this.files.delete(uri);
        const dropped: ResolvedConfig[] = [];
        for (const [key, config] of this.resolved) {
            if (config.chain.some(f => set.has(f))) {
                this.resolved.delete(key);
                dropped.push(config);
            }
        }
        return dropped;
    }

    /** Whether a file (URI string) is a configuration file: a `.ssrrc.json`, or a file a configuration in use read. */
    isConfigurationFile(uri: string): boolean {
        if (uri.endsWith('/' + CONFIG_FILE_NAME)) return true;
        for (const config of this.resolved.values()) if (config.chain.includes(uri)) return true;
        return false;
    }

    /** The configurations resolved so far (each chain once). */
    get configurations(): Iterable<ResolvedConfig> {
        return this.resolved.values();
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
        let config = this.resolved.get(key);
        if (!config) {
            config = file ? resolveChain(file, uri => this.readFile(uri)) : EMPTY_CONFIG;
            if (this.editorOverrides.size > 0) {
                config = { ...config, severities: new Map([...config.severities, ...this.editorOverrides]) };
            }
            this.resolved.set(key, config);
        }
        return config;
    }

    /** One configuration file, read and checked on its own (cached until it changes). */
    private readFile(uri: URI): ParsedConfigFile {
        const key = uri.toString();
        let file = this.files.get(key);
        if (!file) {
            try {
                file = parseConfigFile(uri, this.fileSystem.readFileSync(uri), this.ruleIds());
            } catch (error) {
                file = unreadableFile(uri, readError(error));
            }
            this.files.set(key, file);
        }
        return file;
    }
}

/** What the configuration layer adds to Langium's core services. */
export interface SsrConfigAddedServices {
    config: {
        ConfigProvider: SsrConfigProvider;
    };
}
