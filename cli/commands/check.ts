/** `ssr check [paths…]`: the findings of every strategy, in one of the report formats (CLI.md). */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { URI } from 'langium';
import { checkUris } from '../../language/check.js';
import { FORMATS } from '../formats/index.js';
import { baselineSentence, fingerprintOf, type ReportFile } from '../formats/types.js';
import { resolvePaths } from '../files.js';
import { baselineUris, readBaselineFile, revisionBaseline, type Baseline } from '../baseline.js';
import { GitRevision, createRevisionServices } from '../git.js';
import { UsageError, displayPath, packageVersion, reportConfigProblems, writeOutput } from '../io.js';
import { repositoryPath } from '../repository.js';
import type { CommandSpec } from '../options.js';

/** The formats that say themselves how many findings the baseline held back; for the others, standard error says it. */
const TELLS_BASELINE = new Set(['stylish', 'markdown', 'github']);

export const checkCommand: CommandSpec = {
    name: 'check',
    args: '[paths…]',
    summary: "Check strategies: files, folders (searched for *.ssr) or globs; default '.'.",
    options: [
        { name: 'format', short: 'f', value: 'FORMAT', choices: Object.keys(FORMATS), default: 'stylish', description: 'report format' },
        { name: 'output', short: 'o', value: 'FILE', description: 'write the report to FILE instead of standard output' },
        { name: 'max-warnings', value: 'N', description: 'exit 1 when there are more than N warnings' },
        { name: 'baseline', value: 'FILE|git:REV', description: "report and count only findings that are not in the baseline: a report of 'ssr check --format json', or the same files at a git revision" },
        { name: 'config', short: 'c', value: 'FILE', description: 'use this .ssrrc.json for every file' },
        { name: 'max-annotations', value: 'N', description: 'github: annotate at most N findings of each severity (GitHub shows 10 per step), list the rest in the log' },
        { name: 'link-base', value: 'URL', description: 'markdown: link files under this URL (e.g. https://github.com/o/r/blob/<sha>/) by their path in the repository' },
        { name: 'quiet', short: 'q', description: 'errors only' },
    ],
    async run(io, values, positionals) {
        const format = String(values.format);
        let maxWarnings = Infinity;
        if (values['max-warnings'] !== undefined) {
            maxWarnings = Number(values['max-warnings']);
            if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, not '${String(values['max-warnings'])}'`);
        }
        let maxAnnotations: number | undefined;
        if (values['max-annotations'] !== undefined) {
            maxAnnotations = Number(values['max-annotations']);
            if (!Number.isInteger(maxAnnotations) || maxAnnotations < 1) throw new UsageError(`--max-annotations needs a whole number above 0, not '${String(values['max-annotations'])}'`);
        }
        const files = resolvePaths(positionals, io.cwd);
        const baselineSpec = typeof values.baseline === 'string' ? values.baseline : undefined;
        const revisionSpec = baselineSpec?.startsWith('git:') ? baselineSpec.slice(4) : undefined;
        if (revisionSpec === '') throw new UsageError("--baseline git: needs a revision, e.g. 'git:main'");
        const revision = revisionSpec !== undefined ? GitRevision.open(io.cwd, revisionSpec) : undefined;
        let baseline: Baseline | undefined = baselineSpec !== undefined && !revision ? readBaselineFile(io, baselineSpec) : undefined;
        const services = createRevisionServices(io, revision ? [revision] : []);
        if (typeof values.config === 'string') {
            const configPath = path.resolve(io.cwd, values.config);
            if (!fs.existsSync(configPath)) throw new UsageError(`cannot read the config file '${values.config}'`);
            services.config.ConfigProvider.setExplicitConfig(URI.file(configPath));
        }
        const uris = files.map(f => URI.file(f));
        if (reportConfigProblems(io, services, uris)) return 2;
        const baseUris = revision ? baselineUris(revision, files, io.cwd) : [];
        const all = await checkUris(services, [...uris, ...baseUris]);
        const isBase = (uri: URI) => revision?.repoPathOf(uri.fsPath) !== undefined;
        const reports = all.filter(r => !isBase(r.uri));
        if (revision && baselineSpec) baseline = revisionBaseline(services, revision, baselineSpec, all.filter(r => isBase(r.uri)), reports, io.cwd);
        const keep = (severity: string) => severity !== 'hint' && (!values.quiet || severity === 'error');
        let known = 0;
        const reportFiles: ReportFile[] = [];
        for (const report of reports) {
            const where = repositoryPath(report.uri.fsPath, io.cwd);
            const file = { path: displayPath(io, report.uri.fsPath), repoPath: where.path, root: where.root, findings: report.findings.filter(f => keep(f.severity)) };
            const fresh = baseline ? file.findings.filter(f => !baseline.fingerprints.has(fingerprintOf(file, f))) : file.findings;
            known += file.findings.length - fresh.length;
            if (report.requested || fresh.length > 0) reportFiles.push({ ...file, findings: fresh });
        }
        const forced = Boolean(io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0');
        const color = forced || (!values.output && io.stdout.isTTY === true && !io.env.NO_COLOR);
        const input = {
            files: reportFiles, rules: services.rules.RuleRegistry.all, version: packageVersion(), color,
            ...(baseline ? { baseline: { known, source: baseline.source } } : {}),
            ...(maxAnnotations !== undefined ? { maxAnnotations } : {}),
            ...(typeof values['link-base'] === 'string' ? { linkBase: values['link-base'].replace(/\/?$/, '/') } : {}),
        };
        writeOutput(io, FORMATS[format](input), values.output as string | undefined);
        if (baseline && (!TELLS_BASELINE.has(format) || values.output)) {
            io.stderr.write(`ssr: ${baselineSentence(known, baseline.source)}\n`);
        }
        const findings = reportFiles.flatMap(f => f.findings);
        const errors = findings.filter(f => f.severity === 'error').length;
        const warnings = findings.filter(f => f.severity === 'warning').length;
        return errors > 0 || warnings > maxWarnings ? 1 : 0;
    },
};
