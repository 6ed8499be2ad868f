/**
 * Paths on the command line → `.ssr` files: files, folders (searched for *.ssr, skipping hidden
 * folders and node_modules) and globs with the syntax users know from other tools (tinyglobby:
 * `**`, `*`, `?`, `{a,b}`, `[abc]`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './io.js';

const IGNORE = ['**/node_modules/**'];

function ssrFilesUnder(folder: string): string[] {
    return globSync('**/*.ssr', { cwd: folder, absolute: true, onlyFiles: true, ignore: IGNORE }).map(f => path.normalize(f));
}

/** Resolves the paths to absolute `.ssr` file paths, sorted and without duplicates. */
export function resolvePaths(paths: readonly string[], cwd: string): string[] {
    const result = new Set<string>();
    for (const given of paths.length > 0 ? paths : ['.']) {
        if (isDynamicPattern(given)) {
            const matched = globSync(given.replace(/\\/g, '/'), { cwd, absolute: true, onlyFiles: true, ignore: IGNORE }).filter(f => f.endsWith('.ssr'));
            if (matched.length === 0) throw new UsageError(`no .ssr file matches '${given}'`);
            matched.forEach(f => result.add(path.normalize(f)));
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
            ssrFilesUnder(full).forEach(f => result.add(f));
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
