/**
 * Where a file lies in its repository, and the fingerprint of a finding: the same whatever folder
 * the command runs from. The repository is the nearest folder up from the file that holds `.git`
 * (a folder, or a file in worktrees and submodules); a file in no repository is placed relative to
 * the working folder.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const roots = new Map<string, string | undefined>();

/** The repository root of a folder, or undefined outside every repository. */
function repositoryRoot(folder: string): string | undefined {
    const cached = roots.get(folder);
    if (cached !== undefined || roots.has(folder)) return cached;
    let root: string | undefined;
    if (fs.existsSync(path.join(folder, '.git'))) {
        root = folder;
    } else {
        const parent = path.dirname(folder);
        root = parent === folder ? undefined : repositoryRoot(parent);
    }
    roots.set(folder, root);
    return root;
}

/** A path with forward slashes. */
const slashes = (p: string) => p.split(path.sep).join('/');

/**
 * Where a file is, for identities: relative to its repository root (`strategies/plan.ssr`), else
 * relative to the working folder.
 */
export function repositoryPath(file: string, cwd: string): { root: string; path: string } {
    const root = repositoryRoot(path.dirname(file)) ?? cwd;
    return { root, path: slashes(path.relative(root, file)) };
}

/**
 * A finding's fingerprint: its file relative to the repository and its identity (identity.ts),
 * hashed. Unchanged by edits elsewhere in the file, by the wording of its message and by the
 * folder the command runs from; distinct for every finding of a file.
 */
export function fingerprint(repoPath: string, identity: string): string {
    return createHash('sha256').update(`${repoPath}\u0000${identity}`).digest('hex');
}
