/**
 * A git revision as a read-only folder: `ssr diff git:REV:path`, `ssr diff --since REV` and
 * `ssr check --baseline git:REV` check the files of REV exactly as they were — the strategy, the
 * libraries it imported then and the `.ssrrc.json` that applied — without a checkout. Each revision
 * is mounted at a folder that does not exist, beside the repository (`<root>@<sha>`), and the file
 * system the checker reads through (RevisionFileSystem) serves the files under it from git.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { SsrServices } from '../language/ssr-module.js';
import { UsageError, createServices, type CliIo } from './io.js';

function git(cwd: string, args: readonly string[]): { ok: boolean; stdout: string; stderr: string; buffer: Buffer } {
    const result = spawnSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 });
    const stdout = result.stdout ?? Buffer.alloc(0);
    return { ok: result.status === 0, stdout: stdout.toString('utf8'), stderr: (result.stderr ?? Buffer.alloc(0)).toString('utf8').trim(), buffer: stdout };
}

/** The repository root of a folder; a UsageError naming `what` outside a repository. */
function gitRoot(cwd: string, what: string): string {
    const top = git(cwd, ['rev-parse', '--show-toplevel']);
    if (!top.ok) throw new UsageError(`${what} needs a git repository: ${top.stderr.split('\n')[0] || 'git failed'}`);
    return path.resolve(top.stdout.trim());
}

export class GitRevision {
    /** Files of the revision, relative to the repository root. */
    private readonly files: ReadonlySet<string>;
    private readonly folders: ReadonlySet<string>;

    private constructor(readonly root: string, readonly rev: string, readonly sha: string) {
        const listed = git(root, ['ls-tree', '-r', '-z', '--full-tree', '--name-only', sha]);
        this.files = new Set(listed.stdout.split('\0').filter(Boolean));
        const folders = new Set<string>(['']);
        for (const file of this.files) {
            for (let dir = path.posix.dirname(file); dir !== '.' && !folders.has(dir); dir = path.posix.dirname(dir)) folders.add(dir);
        }
        this.folders = folders;
    }

    /**
     * REV of the repository around `cwd`. Exit 2 with what to do when it is not there: in a
     * shallow clone (a CI checkout), how to fetch it.
     */
    static open(cwd: string, rev: string): GitRevision {
        const root = gitRoot(cwd, `'git:${rev}'`);
        const resolved = git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
        if (!resolved.ok) {
            const shallow = git(root, ['rev-parse', '--is-shallow-repository']).stdout.trim() === 'true';
            throw new UsageError(shallow
                ? `revision '${rev}' is not in this shallow clone: fetch it ('git fetch --depth=1 origin ${rev}') or clone the whole history (actions/checkout: 'fetch-depth: 0')`
                : `unknown revision '${rev}'`);
        }
        return new GitRevision(root, rev, resolved.stdout.trim());
    }

    /** Where the revision is mounted: a folder beside the repository that does not exist on disk. */
    get folder(): string {
        return `${this.root}@${this.sha.slice(0, 12)}`;
    }

    /** The mounted path of a path relative to the repository. */
    pathOf(repoPath: string): string {
        return path.join(this.folder, ...repoPath.split('/'));
    }

    /** The path relative to the repository of a mounted path; undefined outside the mount. */
    repoPathOf(file: string): string | undefined {
        const relative = path.relative(this.folder, file);
        if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
        return relative.split(path.sep).join('/');
    }

    hasFile(repoPath: string): boolean {
        return this.files.has(repoPath);
    }

    hasFolder(repoPath: string): boolean {
        return this.folders.has(repoPath);
    }

    /** Every file of the revision, relative to the repository. */
    allFiles(): readonly string[] {
        return [...this.files];
    }

    read(repoPath: string): Buffer {
        const shown = git(this.root, ['cat-file', 'blob', `${this.sha}:${repoPath}`]);
        if (!shown.ok) throw new Error(`cannot read ${repoPath} at ${this.rev}: ${shown.stderr}`);
        return shown.buffer;
    }

    /** The entries of a folder of the revision. */
    list(repoPath: string): { name: string; isFile: boolean }[] {
        const prefix = repoPath === '' ? '' : `${repoPath}/`;
        const names = new Map<string, boolean>();
        for (const file of this.files) {
            if (!file.startsWith(prefix)) continue;
            const [first, ...rest] = file.slice(prefix.length).split('/');
            names.set(first, rest.length === 0);
        }
        return [...names].map(([name, isFile]) => ({ name, isFile }));
    }

    /**
     * Files renamed between the revision and the working tree, as git detects them (`-M`): new path
     * → old path, both relative to the repository.
     */
    renamesToWorkingTree(): Map<string, string> {
        const diff = git(this.root, ['diff', '-z', '-M', '--name-status', this.sha, '--']);
        const renames = new Map<string, string>();
        const fields = diff.stdout.split('\0');
        for (let i = 0; i < fields.length - 1;) {
            const status = fields[i];
            if (status.startsWith('R') || status.startsWith('C')) {
                if (status.startsWith('R')) renames.set(fields[i + 2], fields[i + 1]);
                i += 3;
            } else {
                i += 2;
            }
        }
        return renames;
    }
}

/**
 * The file system the checker reads through: mounted revisions from git, everything else from
 * disk. A parent folder of a mount is the parent folder of the repository, so the lookup of
 * `.ssrrc.json` goes on from the revision's root to the folders above the repository as usual.
 */
class RevisionFileSystem implements FileSystemProvider {
    private readonly disk = new NodeFileSystemProvider();

    constructor(private readonly revisions: readonly GitRevision[]) { }

    private find(uri: URI): { revision: GitRevision; repoPath: string } | undefined {
        if (uri.scheme !== 'file') return undefined;
        for (const revision of this.revisions) {
            const repoPath = revision.repoPathOf(uri.fsPath);
            if (repoPath !== undefined) return { revision, repoPath };
        }
        return undefined;
    }

    statSync(uri: URI): FileSystemNode {
        const at = this.find(uri);
        if (!at) return this.disk.statSync(uri);
        const isFile = at.revision.hasFile(at.repoPath), isDirectory = at.revision.hasFolder(at.repoPath);
        if (!isFile && !isDirectory) throw new Error(`ENOENT: no such file or directory: ${uri.fsPath}`);
        return { uri, isFile, isDirectory };
    }

    stat(uri: URI): Promise<FileSystemNode> {
        return this.find(uri) ? Promise.resolve(this.statSync(uri)) : this.disk.stat(uri);
    }

    existsSync(uri: URI): boolean {
        const at = this.find(uri);
        if (!at) return this.disk.existsSync(uri);
        return at.revision.hasFile(at.repoPath) || at.revision.hasFolder(at.repoPath);
    }

    exists(uri: URI): Promise<boolean> {
        return this.find(uri) ? Promise.resolve(this.existsSync(uri)) : this.disk.exists(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        const at = this.find(uri);
        return at ? at.revision.read(at.repoPath) : this.disk.readBinarySync(uri);
    }

    readBinary(uri: URI): Promise<Uint8Array> {
        return this.find(uri) ? Promise.resolve(this.readBinarySync(uri)) : this.disk.readBinary(uri);
    }

    readFileSync(uri: URI): string {
        const at = this.find(uri);
        return at ? at.revision.read(at.repoPath).toString('utf8') : this.disk.readFileSync(uri);
    }

    readFile(uri: URI): Promise<string> {
        return this.find(uri) ? Promise.resolve(this.readFileSync(uri)) : this.disk.readFile(uri);
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        const at = this.find(uri);
        if (!at) return this.disk.readDirectorySync(uri);
        return at.revision.list(at.repoPath).map(entry => ({ uri: URI.file(path.join(uri.fsPath, entry.name)), isFile: entry.isFile, isDirectory: !entry.isFile }));
    }

    readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.find(uri) ? Promise.resolve(this.readDirectorySync(uri)) : this.disk.readDirectory(uri);
    }
}

/** The working folder relative to the repository root, with `/`, ending in `/` (empty at the root). */
export function workingPrefix(cwd: string, root: string): string {
    const relative = path.relative(root, fs.realpathSync(cwd)).split(path.sep).join('/');
    return relative === '' ? '' : `${relative}/`;
}

/**
 * The services of a command that reads git revisions: the file system serves them, and each
 * revision's counterpart of the working folder is part of the workspace, as the working folder
 * is, so that its imports resolve as they did then.
 */
export function createRevisionServices(io: CliIo, revisions: readonly GitRevision[]): SsrServices {
    if (revisions.length === 0) return createServices(io);
    const services = createServices(io, new RevisionFileSystem(revisions));
    for (const revision of revisions) {
        services.references.Imports.addWorkspaceRoot(URI.file(revision.pathOf(workingPrefix(io.cwd, revision.root).replace(/\/$/, ''))));
    }
    return services;
}
