/**
 * What a command may touch of the world: its working folder, its output streams and the
 * environment. The bin (main.ts) passes the process's; tests pass strings they can read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type FileSystemProvider } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createSsrServices, type SsrServices } from '../language/ssr-module.js';
import { formatProblem } from '../language/config/config.js';

interface OutputStream {
    write(text: string): unknown;
    readonly isTTY?: boolean;
}

export interface CliIo {
    readonly cwd: string;
    /** Where `ssr init` reads answers from, on a terminal. */
    readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
    readonly stdout: OutputStream;
    readonly stderr: OutputStream;
    readonly env: Readonly<Record<string, string | undefined>>;
}

/** A mistake on the command line or an input that cannot be used: exit 2 with a one-line reason. */
export class UsageError extends Error { }

/**
 * The services every command checks with: the language server's, over the real file system (or
 * one that also serves git revisions: git.ts createRevisionServices), with the working folder as
 * the workspace.
 */
export function createServices(io: CliIo, fileSystem?: FileSystemProvider): SsrServices {
    const services = createSsrServices(fileSystem ? { fileSystemProvider: () => fileSystem } : NodeFileSystem).Ssr;
    services.references.Imports.setWorkspaceRoot(URI.file(io.cwd));
    return services;
}

/** Writes a report to `output` (relative to the working folder) or to standard output. */
export function writeOutput(io: CliIo, text: string, output: string | undefined): void {
    if (output) {
        const file = path.resolve(io.cwd, output);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
    } else {
        io.stdout.write(text);
    }
}

/** Refuses an output path that is one of the inputs: no command ever overwrites a strategy. */
export function refuseOverwrite(io: CliIo, output: string | undefined, inputs: readonly string[]): void {
    if (!output) return;
    const target = path.resolve(io.cwd, output);
    if (inputs.some(input => path.resolve(io.cwd, input) === target)) throw new UsageError(`--output '${output}' is an input: it would overwrite the strategy itself`);
}

/**
 * The configuration problems for these documents, printed once each; true when there were any
 * (the command then exits 2, as CLI.md says for an invalid config).
 */
export function reportConfigProblems(io: CliIo, services: SsrServices, uris: readonly URI[]): boolean {
    const problems = new Set<string>();
    const show = (file: string) => {
        const uri = URI.parse(file);
        return uri.scheme === 'file' ? displayPath(io, uri.fsPath) : file;
    };
    for (const uri of uris) {
        for (const problem of services.config.ConfigProvider.getConfig(uri).problems) {
            // An extends entry's pointer to another file's problems: those are printed themselves.
            if (!problem.via) problems.add(formatProblem(problem, show));
        }
    }
    for (const problem of problems) io.stderr.write(`ssr: invalid configuration: ${problem}\n`);
    return problems.size > 0;
}

/** A path as reports show it: relative to the working folder, with forward slashes. */
export function displayPath(io: CliIo, file: string): string {
    return path.relative(io.cwd, file).split(path.sep).join('/') || path.basename(file);
}

/** The package's version, from the package.json beside the bundle (or the sources). */
export function packageVersion(): string {
    let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
    for (let i = 0; i < 5; i++) {
        try {
            const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
            if (pkg.name === 'ssr-strategy' && pkg.version) return pkg.version;
        } catch { /* keep looking */ }
        dir = path.dirname(dir);
    }
    return '0.0.0';
}
