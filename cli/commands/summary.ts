/** `ssr summary FILE`: the plan summary (SUMMARY.md) as Markdown, HTML or JSON. */
import { URI } from 'langium';
import { SUMMARY_FORMATS, type SummaryFormat } from '../../language/base/protocol.js';
import { checkUris } from '../../language/check.js';
import { summarize } from '../../language/summary/index.js';
import { resolvePaths } from '../files.js';
import { UsageError, createServices, displayPath, refuseOverwrite, reportConfigProblems, writeOutput } from '../io.js';
import type { CommandSpec } from '../options.js';

export const summaryCommand: CommandSpec = {
    name: 'summary',
    args: 'FILE',
    summary: 'Write the plan summary of a strategy: coverage matrix, timeline, fiscal projection, findings.',
    options: [
        { name: 'format', short: 'f', value: 'FORMAT', choices: SUMMARY_FORMATS, default: 'md', description: 'Markdown, self-contained HTML, or the JSON model' },
        { name: 'output', short: 'o', value: 'FILE', description: 'write the summary to FILE instead of standard output' },
    ],
    async run(io, values, positionals) {
        if (positionals.length !== 1) throw new UsageError('ssr summary takes exactly one strategy file');
        const [file] = resolvePaths(positionals, io.cwd);
        if (!file) throw new UsageError(`no .ssr file at '${positionals[0]}'`);
        refuseOverwrite(io, values.output as string | undefined, [file]);
        const services = createServices(io);
        if (reportConfigProblems(io, services, [URI.file(file)])) return 2;
        const [report] = await checkUris(services, [URI.file(file)]);
        writeOutput(io, summarize(services, report.document, values.format as SummaryFormat, displayPath(io, file)), values.output as string | undefined);
        return 0;
    },
};
