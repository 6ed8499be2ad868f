/**
 * `ssr diff BASE HEAD`: what changed in meaning between two versions of a strategy (CLI.md); each
 * version a file or `git:REV:path`, read whole — at REV, the libraries it imported and the
 * configuration that applied are read at REV too. A version that does not exist is an empty plan:
 * a new strategy, or a removed one.
 *
 * `ssr diff --since REV [paths…]`: the same for every strategy under the paths that changed since
 * REV — added, removed, renamed (as git detects it), edited, or whose imported libraries changed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { isDynamicPattern } from 'tinyglobby';
import { checkUris, type FileReport } from '../../language/check.js';
import { renderDiffMarkdown } from '../../language/diff/markdown.js';
import { diffPlans, type PlanDiff } from '../../language/diff/plan-diff.js';
import type { SsrServices } from '../../language/ssr-module.js';
import { resolvePaths } from '../files.js';
import { GitRevision, createRevisionServices, workingPrefix } from '../git.js';
import { UsageError, displayPath, reportConfigProblems, writeOutput, type CliIo } from '../io.js';
import { repositoryPath } from '../repository.js';
import type { CommandSpec, OptionValues } from '../options.js';

/** One version of a strategy: where it is read from, if it exists. */
interface Version {
    readonly uri?: URI;
    /** As reports show it: relative to the working folder. */
    readonly display: string;
    /** Relative to the repository, when known. */
    readonly repoPath?: string;
    readonly revision?: GitRevision;
}

/** One strategy's diff, as `--format json` writes it. */
interface FileDiff {
    /** The head version's path (the base's for a removed strategy), relative to the working folder. */
    path: string;
    /** The base version's path when the file was renamed. */
    previousPath?: string;
    /** The files whose change changed this plan: itself and the libraries it imports. */
    changedFiles?: string[];
    diff: PlanDiff;
    /** The same as `--format md` writes for it, for tools that post it. */
    markdown: string;
}

function readVersion(spec: string, io: CliIo, revisions: Map<string, GitRevision>): Version {
    const git = /^git:([^:]+):(.+)$/.exec(spec);
    if (!git) {
        const file = path.resolve(io.cwd, spec);
        if (!fs.existsSync(file)) return { display: displayPath(io, file) };
        try {
            fs.accessSync(file, fs.constants.R_OK);
            if (!fs.statSync(file).isFile()) throw new Error('not a file');
        } catch {
            throw new UsageError(`cannot read '${spec}'`);
        }
        return { uri: URI.file(file), display: displayPath(io, file), repoPath: repositoryPath(file, io.cwd).path };
    }
    const [, rev, relative] = git;
    const revision = revisions.get(rev) ?? GitRevision.open(io.cwd, rev);
    revisions.set(rev, revision);
    const repoPath = path.posix.normalize(`${workingPrefix(io.cwd, revision.root)}${relative.replace(/\\/g, '/')}`).replace(/^\.\//, '');
    const display = displayPath(io, path.join(revision.root, ...repoPath.split('/')));
    return { uri: revision.hasFile(repoPath) ? URI.file(revision.pathOf(repoPath)) : undefined, display, repoPath, revision };
}

/** A glob (`**`, `*`, `?`, `{a,b}`, `[abc]`) as a regular expression over `/` paths. */
function globToRegExp(glob: string): RegExp {
    let source = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
            i += glob[i + 2] === '/' ? 2 : 1;
        } else if (c === '*') source += '[^/]*';
        else if (c === '?') source += '[^/]';
        else if (c === '{') source += '(?:';
        else if (c === '}') source += ')';
        else if (c === ',' && source.includes('(?:')) source += '|';
        else if (c === '[') {
            const end = glob.indexOf(']', i);
            source += end > i ? glob.slice(i, end + 1) : '\\[';
            i = end > i ? end : i;
        } else source += c.replace(/[.+^$()|\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}

const searched = (repoPath: string) => repoPath.endsWith('.ssr') && !repoPath.split('/').some(s => s === 'node_modules' || s.startsWith('.'));

/** The `.ssr` files of a revision that paths name (as `ssr check` reads paths), relative to the repository. */
function revisionFiles(revision: GitRevision, paths: readonly string[], io: CliIo): string[] {
    const prefix = workingPrefix(io.cwd, revision.root);
    const all = revision.allFiles();
    const result = new Set<string>();
    for (const given of paths.length > 0 ? paths : ['.']) {
        const normal = path.posix.normalize(`${prefix}${given.replace(/\\/g, '/')}`).replace(/\/$/, '');
        if (isDynamicPattern(given)) {
            const pattern = globToRegExp(normal);
            all.filter(f => f.endsWith('.ssr') && pattern.test(f)).forEach(f => result.add(f));
        } else if (revision.hasFile(normal)) {
            result.add(normal);
        } else {
            const folder = normal === '.' ? '' : `${normal}/`;
            all.filter(f => f.startsWith(folder) && searched(f.slice(folder.length))).forEach(f => result.add(f));
        }
    }
    return [...result].sort();
}

/** The working tree's files the paths name; a path that is gone is not an error here (the strategy was removed). */
function workingFiles(paths: readonly string[], io: CliIo): string[] {
    const result = new Set<string>();
    for (const given of paths.length > 0 ? paths : ['.']) {
        try {
            resolvePaths([given], io.cwd).forEach(f => result.add(f));
        } catch (error) {
            if (!(error instanceof UsageError)) throw error;
        }
    }
    return [...result].sort();
}

const isLibrary = (report: FileReport | undefined) => report?.isLibrary === true;

function render(diff: PlanDiff, display: string, values: OptionValues, repoPath: string | undefined, notes: string[]): string {
    const linkBase = typeof values['link-base'] === 'string' ? values['link-base'].replace(/\/?$/, '/') : undefined;
    const link = linkBase && repoPath !== undefined && diff.status !== 'removed' ? `${linkBase}${encodeURI(repoPath)}` : undefined;
    return renderDiffMarkdown(diff, { file: display, ...(link ? { link } : {}), notes });
}

/** The texts of a document and the libraries it imports, by path relative to the repository (as named in the head). */
function closureTexts(services: SsrServices, document: LangiumDocument, pathOf: (uri: URI) => string | undefined): Map<string, string> {
    const texts = new Map<string, string>();
    for (const d of [document, ...services.references.Imports.importedDocuments(document)]) {
        const repoPath = pathOf(d.uri);
        if (repoPath !== undefined) texts.set(repoPath, d.textDocument.getText());
    }
    return texts;
}

async function diffSince(io: CliIo, values: OptionValues, since: string, positionals: string[]): Promise<FileDiff[]> {
    const revision = GitRevision.open(io.cwd, since);
    const root = revision.root;
    const renames = revision.renamesToWorkingTree();
    const newPath = new Map([...renames].map(([now, before]) => [before, now]));
    const headFiles = workingFiles(positionals, io);
    const pairs: { base?: string; head?: string; headRepo?: string }[] = [];
    const usedBases = new Set<string>();
    for (const head of headFiles) {
        const headRepo = repositoryPath(head, io.cwd).path;
        const before = renames.get(headRepo) ?? headRepo;
        const base = revision.hasFile(before) ? before : undefined;
        if (base) usedBases.add(base);
        pairs.push({ head, headRepo, base });
    }
    for (const base of revisionFiles(revision, positionals, io)) {
        if (!usedBases.has(base) && !fs.existsSync(path.join(root, ...(newPath.get(base) ?? base).split('/')))) pairs.push({ base });
    }
    if (pairs.length === 0) throw new UsageError(`no .ssr file under ${positionals.length > 0 ? positionals.map(p => `'${p}'`).join(', ') : "'.'"}, now or at '${since}'`);
    const services = createRevisionServices(io, [revision]);
    const headUris = pairs.flatMap(p => p.head ? [URI.file(p.head)] : []);
    if (reportConfigProblems(io, services, headUris)) throw new ConfigProblems();
    const uriOf = (p: { base?: string; head?: string }) => ({ base: p.base !== undefined ? URI.file(revision.pathOf(p.base)) : undefined, head: p.head ? URI.file(p.head) : undefined });
    const reports = await checkUris(services, pairs.flatMap(p => Object.values(uriOf(p)).filter((u): u is URI => u !== undefined)));
    const reportOf = (uri: URI | undefined) => uri && reports.find(r => r.uri.toString() === uri.toString());
    const basePath = (uri: URI) => { const p = revision.repoPathOf(uri.fsPath); return p === undefined ? undefined : newPath.get(p) ?? p; };
    const headPath = (uri: URI) => revision.repoPathOf(uri.fsPath) === undefined ? repositoryPath(uri.fsPath, io.cwd).path : undefined;
    const result: FileDiff[] = [];
    for (const pair of pairs) {
        const uris = uriOf(pair);
        const base = reportOf(uris.base), head = reportOf(uris.head);
        if (isLibrary(head) || (!head && isLibrary(base))) continue;
        const before = base ? closureTexts(services, base.document, basePath) : new Map<string, string>();
        const after = head ? closureTexts(services, head.document, headPath) : new Map<string, string>();
        const changedFiles = [...new Set([...before.keys(), ...after.keys()])].filter(p => before.get(p) !== after.get(p)).sort();
        const renamed = pair.base !== undefined && pair.headRepo !== undefined && pair.base !== pair.headRepo;
        if (changedFiles.length === 0 && !renamed) continue;
        const own = pair.headRepo ?? newPath.get(pair.base ?? '') ?? pair.base ?? '';
        const display = head ? displayPath(io, head.uri.fsPath) : displayPath(io, path.join(root, ...(pair.base ?? '').split('/')));
        const notes: string[] = [];
        if (renamed) notes.push(`Renamed from \`${pair.base}\`.`);
        const libraries = base && head ? changedFiles.filter(p => p !== own) : [];
        if (libraries.length > 0) notes.push(`Changed through the imported ${libraries.length === 1 ? 'library' : 'libraries'} ${libraries.map(p => `\`${p}\``).join(', ')}.`);
        const diff = diffPlans(services, base?.document, head?.document);
        result.push({
            path: display, ...(renamed ? { previousPath: pair.base } : {}), changedFiles, diff,
            markdown: render(diff, display, values, pair.headRepo, notes),
        });
    }
    return result;
}

class ConfigProblems extends Error { }

export const diffCommand: CommandSpec = {
    name: 'diff',
    args: 'BASE HEAD | --since REV [paths…]',
    summary: 'What changed in meaning between two versions (files or git:REV:path), or in every strategy changed since REV: declarations, money by year, findings.',
    options: [
        { name: 'format', short: 'f', value: 'FORMAT', choices: ['md', 'json'], default: 'md', description: 'Markdown for a pull-request comment, or JSON' },
        { name: 'output', short: 'o', value: 'FILE', description: 'write the diff to FILE instead of standard output' },
        { name: 'since', value: 'REV', description: 'diff every strategy under the paths (default .) that changed since this git revision, with its libraries' },
        { name: 'link-base', value: 'URL', description: 'link each strategy under this URL (e.g. https://github.com/o/r/blob/<sha>/) by its path in the repository' },
    ],
    async run(io, values, positionals) {
        const output = values.output as string | undefined;
        if (typeof values.since === 'string') {
            let files: FileDiff[];
            try {
                files = await diffSince(io, values, values.since.replace(/^git:/, ''), positionals);
            } catch (error) {
                if (error instanceof ConfigProblems) return 2;
                throw error;
            }
            const text = values.format === 'json'
                ? JSON.stringify({ since: values.since, files }, null, 2) + '\n'
                : files.length > 0 ? files.map(f => f.markdown).join('\n') : `## Plan changes\n\nNo strategy changed since \`${values.since}\`.\n`;
            writeOutput(io, text, output);
            return 0;
        }
        if (positionals.length !== 2) throw new UsageError('ssr diff takes two versions: BASE HEAD (files or git:REV:path), or --since REV [paths…]');
        const revisions = new Map<string, GitRevision>();
        const base = readVersion(positionals[0], io, revisions), head = readVersion(positionals[1], io, revisions);
        if (!base.uri && !head.uri) throw new UsageError(`cannot read '${positionals[0]}' nor '${positionals[1]}'`);
        const services = createRevisionServices(io, [...revisions.values()]);
        if (head.uri && !head.revision && reportConfigProblems(io, services, [head.uri])) return 2;
        const uris = [base.uri, head.uri].filter((u): u is URI => u !== undefined);
        const reports = await checkUris(services, uris);
        const documentOf = (uri: URI | undefined) => uri && reports.find(r => r.uri.toString() === uri.toString())?.document;
        const result = diffPlans(services, documentOf(base.uri), documentOf(head.uri));
        const renamed = base.revision && base.repoPath !== undefined && head.repoPath !== undefined && base.repoPath !== head.repoPath && base.uri && head.uri;
        const shown = head.uri ? head : base;
        const markdown = render(result, shown.display, values, shown.repoPath, renamed ? [`Renamed from \`${base.repoPath}\`.`] : []);
        writeOutput(io, values.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : markdown, output);
        return 0;
    },
};
