/**
 * `ssr summary FILE`: the plan summary (SUMMARY.md) as Markdown, HTML or JSON, or as the documents
 * authors hand in: Word, PDF (printed by a Chromium found at run time) and the fiscal tables as an
 * Excel workbook. Never writes over a strategy: an output that is an input, or any `.ssr` file, is refused.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { EXPORT_FORMATS, SUMMARY_FORMATS, type ExportFormat, type SummaryFormat } from '../../language/base/protocol.js';
import { checkUris } from '../../language/check.js';
import { PAPERS, environmentLocales, paperForLocales, type Paper } from '../../language/export/paper.js';
import { buildSummary, summarize } from '../../language/summary/index.js';
import { resolvePaths } from '../files.js';
import { UsageError, createServices, displayPath, refuseOverwrite, reportConfigProblems, writeOutput } from '../io.js';
import type { CommandSpec } from '../options.js';

const FORMATS = [...SUMMARY_FORMATS, ...EXPORT_FORMATS];
const isExport = (format: string): format is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(format);

export const summaryCommand: CommandSpec = {
    name: 'summary',
    args: 'FILE',
    summary: 'Write the plan summary of a strategy: coverage matrix, timeline, fiscal projection, findings.',
    options: [
        { name: 'format', short: 'f', value: 'FORMAT', choices: FORMATS, default: 'md', description: 'Markdown, self-contained HTML, the JSON model; a Word document, a PDF, or the fiscal tables as an Excel workbook (these three need --output)' },
        { name: 'output', short: 'o', value: 'FILE', description: 'write the summary to FILE instead of standard output' },
        { name: 'paper', value: 'SIZE', choices: PAPERS, description: 'page size of the Word and PDF summaries (default: Letter where the locale uses it, else A4)' },
        { name: 'browser', value: 'PATH', description: 'the Chromium, Chrome or Edge that prints the PDF (default: CHROMIUM_PATH, else one found on this machine)' },
    ],
    async run(io, values, positionals) {
        if (positionals.length !== 1) throw new UsageError('ssr summary takes exactly one strategy file');
        const format = values.format as SummaryFormat | ExportFormat;
        const output = values.output as string | undefined;
        if (isExport(format) && !output) throw new UsageError(`--format ${format} writes a file: give --output FILE`);
        if (output && /\.ssr$/i.test(output)) throw new UsageError(`--output '${output}' is a .ssr file: a summary never writes over a strategy`);
        const [file] = resolvePaths(positionals, io.cwd);
        if (!file) throw new UsageError(`no .ssr file at '${positionals[0]}'`);
        refuseOverwrite(io, output, [file]);
        const services = createServices(io);
        if (reportConfigProblems(io, services, [URI.file(file)])) return 2;
        const [report] = await checkUris(services, [URI.file(file)]);
        if (!isExport(format)) {
            writeOutput(io, summarize(services, report.document, format, displayPath(io, file)), output);
            return 0;
        }
        const summary = buildSummary(services, report.document, displayPath(io, file));
        const paper = (values.paper as Paper | undefined) ?? paperForLocales(...environmentLocales(io.env));
        // The exports' libraries load only now (a bundle of their own: dist/export.cjs).
        const { BrowserMissing, exportSummary } = await import('../../language/export/index.js');
        let bytes: Uint8Array;
        try {
            bytes = await exportSummary(summary, format, { paper, browserPath: values.browser as string | undefined, env: io.env });
        } catch (error) {
            if (error instanceof BrowserMissing) throw new UsageError(`cannot print the PDF: ${error.message}`);
            throw error;
        }
        const target = path.resolve(io.cwd, output as string);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, bytes);
        return 0;
    },
};
