/**
 * `ssr check --baseline`: the findings a plan already had, so that a gate fails only on what a
 * change introduces. A baseline is either a report of `ssr check --format json` (its fingerprints)
 * or a git revision (`git:REV`), whose files are checked as they were at REV — through the renames
 * of files (git's) and of declarations (the plan diff's) since then, so that a renamed file or
 * objective keeps its findings. Findings are compared by fingerprint: the file relative to the
 * repository and the finding's identity (identity.ts), never by line or message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import type { FileReport } from '../language/check.js';
import { detectRenames, renamedIdentities } from '../language/diff/plan-diff.js';
import type { SsrServices } from '../language/ssr-module.js';
import type { GitRevision } from './git.js';
import { UsageError, type CliIo } from './io.js';
import { fingerprint, repositoryPath } from './repository.js';

export interface Baseline {
    /** How the command line named it: `ssr-baseline.json`, `git:main`. */
    readonly source: string;
    readonly fingerprints: ReadonlySet<string>;
}

/** A baseline file: a JSON report of `ssr check` (an array of findings with fingerprints). */
export function readBaselineFile(io: CliIo, file: string): Baseline {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(path.resolve(io.cwd, file), 'utf8'));
    } catch (error) {
        throw new UsageError(`cannot read the baseline '${file}': ${(error as Error).message.split('\n')[0]}`);
    }
    if (!Array.isArray(parsed) || parsed.some(f => typeof (f as { fingerprint?: unknown } | null)?.fingerprint !== 'string')) {
        throw new UsageError(`the baseline '${file}' is not a report of 'ssr check --format json' (an array of findings with fingerprints)`);
    }
    return { source: file, fingerprints: new Set((parsed as { fingerprint: string }[]).map(f => f.fingerprint)) };
}

/**
 * The files of REV to check for a baseline against these (head) files: each at its path at REV,
 * following git's renames; files that did not exist at REV have no baseline.
 */
export function baselineUris(revision: GitRevision, files: readonly string[], cwd: string): URI[] {
    const renames = revision.renamesToWorkingTree();
    const uris: URI[] = [];
    for (const file of files) {
        const repoPath = repositoryPath(file, cwd).path;
        const before = renames.get(repoPath) ?? repoPath;
        if (revision.hasFile(before)) uris.push(URI.file(revision.pathOf(before)));
    }
    return uris;
}

/**
 * The baseline of REV, from its checked reports: each finding's fingerprint as it reads in the
 * head version — its file's path there, its identity through the renames of declarations.
 */
export function revisionBaseline(services: SsrServices, revision: GitRevision, source: string, baseReports: readonly FileReport[], headReports: readonly FileReport[], cwd: string): Baseline {
    const renames = revision.renamesToWorkingTree();
    const newPath = new Map([...renames].map(([now, before]) => [before, now]));
    const heads = new Map(headReports.map(r => [repositoryPath(r.uri.fsPath, cwd).path, r]));
    const fingerprints = new Set<string>();
    for (const report of baseReports) {
        const before = revision.repoPathOf(report.uri.fsPath);
        if (before === undefined) continue;
        const now = newPath.get(before) ?? before;
        const head = heads.get(now);
        const ids = renamedIdentities(report.findings, head ? detectRenames(services, report.document, head.document) : { paths: new Map(), names: new Map() });
        for (const id of ids) fingerprints.add(fingerprint(now, id));
    }
    return { source, fingerprints };
}
