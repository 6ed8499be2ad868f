/**
 * A problem in the configuration: which file, where in it, and what is wrong in plain words. The
 * command line prints each as `file:line: message` (and exits 2); the editor shows it on the file
 * at its range.
 */
import { UriUtils, URI } from 'langium';

/** A range in a configuration file, 0-based lines and columns (as in LSP). */
export interface ConfigRange {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
}

export interface ConfigProblem {
    /** The configuration file that has the problem (a URI string), or the editor setting that is wrong (`ssr.rules`). */
    readonly file: string;
    /** What is wrong, without the file and line (see `formatProblem`). */
    readonly message: string;
    /** True when the file could not be used at all (unreadable, not JSON, not an object). */
    readonly fatal: boolean;
    /** 0-based line of the offending text in the file, when known. */
    readonly line?: number;
    /** The offending key or value, when known. */
    readonly range?: ConfigRange;
    /**
     * Set on the problem an `extends` entry carries when the file it names has problems of its
     * own (listed here): the editor shows it on the entry, the command line leaves it out because
     * it prints those problems themselves.
     */
    readonly via?: readonly string[];
}

/** `path:line: message`, with the path as `showPath` writes a file's URI. */
export function formatProblem(problem: ConfigProblem, showPath: (uri: string) => string = defaultPath): string {
    const where = problem.file.includes(':') ? showPath(problem.file) : problem.file;
    return `${where}${problem.line !== undefined ? `:${problem.line + 1}` : ''}: ${problem.message}`;
}

const defaultPath = (uri: string): string => {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : uri;
};

/** How a message names another configuration file: relative to the folder of the file it is shown in. */
export function relativeName(from: string, to: string): string {
    const relative = UriUtils.relative(UriUtils.dirname(URI.parse(from)), URI.parse(to));
    return relative || UriUtils.basename(URI.parse(to));
}
