/** Paths on the command line → `.ssr` files: files, folders (searched for *.ssr) and globs. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class UsageError extends Error { }

const SKIP = new Set(['node_modules']);

function walk(folder: string, out: string[]): void {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full, out);
        else if (entry.isFile() && entry.name.endsWith('.ssr')) out.push(full);
    }
}

/** A glob as a regular expression over forward-slash paths: `**` any folders, `*` and `?` within one. */
export function globToRegExp(glob: string): RegExp {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            const slash = glob[i + 2] === '/';
            re += slash ? '(?:.*/)?' : '.*';
            i += slash ? 2 : 1;
        } else if (c === '*') re += '[^/]*';
        else if (c === '?') re += '[^/]';
        else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}

const isGlob = (p: string) => /[*?]/.test(p);

/** Resolves the paths to absolute `.ssr` file paths, sorted and without duplicates. */
export function resolvePaths(paths: readonly string[], cwd: string): string[] {
    const result = new Set<string>();
    for (const given of paths.length > 0 ? paths : ['.']) {
        if (isGlob(given)) {
            const normalized = given.replace(/\\/g, '/');
            const firstMagic = normalized.search(/[*?]/);
            const base = normalized.slice(0, normalized.lastIndexOf('/', firstMagic) + 1) || './';
            const baseDir = path.resolve(cwd, base);
            const matcher = globToRegExp(path.resolve(cwd, normalized).replace(/\\/g, '/'));
            if (!fs.existsSync(baseDir)) throw new UsageError(`no such folder for the pattern '${given}': ${base}`);
            const found: string[] = [];
            walk(baseDir, found);
            const matched = found.filter(f => matcher.test(f.replace(/\\/g, '/')));
            if (matched.length === 0) throw new UsageError(`no .ssr file matches '${given}'`);
            matched.forEach(f => result.add(f));
            continue;
        }
        const full = path.resolve(cwd, given);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(full);
        } catch {
            throw new UsageError(`cannot read '${given}': no such file or folder`);
        }
        if (stat.isDirectory()) {
            const found: string[] = [];
            try {
                walk(full, found);
            } catch (error) {
                throw new UsageError(`cannot read folder '${given}': ${(error as Error).message}`);
            }
            found.forEach(f => result.add(f));
        } else {
            try {
                fs.accessSync(full, fs.constants.R_OK);
            } catch {
                throw new UsageError(`cannot read '${given}'`);
            }
            result.add(full);
        }
    }
    return [...result].sort();
}
