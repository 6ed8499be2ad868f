/** `ssr diff BASE HEAD`: what changed in meaning between two versions of a strategy (CLI.md). */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { checkUris } from '../../language/check.js';
import { renderDiffMarkdown } from '../../language/diff/markdown.js';
import { diffPlans } from '../../language/diff/plan-diff.js';
import { UsageError, createServices, displayPath, reportConfigProblems, writeOutput, type CliIo } from '../io.js';
import type { CommandSpec } from '../options.js';

/** A version of a strategy: a file, or `git:REV:path` read with `git show` (relative to the working folder). */
function readVersion(spec: string, io: CliIo): { file: string; text: string } {
    const git = /^git:([^:]+):(.+)$/.exec(spec);
    if (!git) {
        const file = path.resolve(io.cwd, spec);
        try {
            return { file, text: fs.readFileSync(file, 'utf8') };
        } catch {
            throw new UsageError(`cannot read '${spec}'`);
        }
    }
    const [, rev, relative] = git;
    const top = spawnSync('git', ['rev-parse', '--show-prefix'], { cwd: io.cwd, encoding: 'utf8' });
    if (top.status !== 0) throw new UsageError(`'${spec}' needs a git repository: ${top.stderr.trim()}`);
    const shown = spawnSync('git', ['show', `${rev}:${top.stdout.trim()}${relative.replace(/^\.\//, '')}`], { cwd: io.cwd, encoding: 'utf8' });
    if (shown.status !== 0) throw new UsageError(`cannot read '${spec}': ${shown.stderr.trim().split('\n')[0]}`);
    return { file: path.resolve(io.cwd, relative), text: shown.stdout };
}

export const diffCommand: CommandSpec = {
    name: 'diff',
    args: 'BASE HEAD',
    summary: 'What changed in meaning between two versions (files or git:REV:path): declarations, money by year, findings.',
    options: [
        { name: 'format', short: 'f', value: 'FORMAT', choices: ['md', 'json'], default: 'md', description: 'Markdown for a pull-request comment, or JSON' },
        { name: 'output', short: 'o', value: 'FILE', description: 'write the diff to FILE instead of standard output' },
    ],
    async run(io, values, positionals) {
        if (positionals.length !== 2) throw new UsageError('ssr diff takes two versions: BASE HEAD (files or git:REV:path)');
        const base = readVersion(positionals[0], io), head = readVersion(positionals[1], io);
        // The base is checked under a name of its own beside the head, so that its imports resolve the same way.
        const baseFile = path.join(path.dirname(head.file), `.${path.basename(base.file, '.ssr')}.diff-base.ssr`);
        const services = createServices(io);
        if (reportConfigProblems(io, services, [URI.file(head.file)])) return 2;
        const texts = new Map([[URI.file(baseFile).toString(), base.text], [URI.file(head.file).toString(), head.text]]);
        const [baseReport, headReport] = await checkUris(services, [URI.file(baseFile), URI.file(head.file)], texts);
        const result = diffPlans(services, baseReport.document, headReport.document);
        const title = `Plan changes: ${displayPath(io, head.file)}`;
        writeOutput(io, values.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : renderDiffMarkdown(result, title), values.output as string | undefined);
        return 0;
    },
};
