/** `ssr check [paths…]`: the findings of every strategy, in one of the report formats (CLI.md). */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { URI } from 'langium';
import { checkUris } from '../../language/check.js';
import { FORMATS } from '../formats/index.js';
import { resolvePaths } from '../files.js';
import { UsageError, createServices, displayPath, packageVersion, reportConfigProblems, writeOutput } from '../io.js';
import type { CommandSpec } from '../options.js';

export const checkCommand: CommandSpec = {
    name: 'check',
    args: '[paths…]',
    summary: "Check strategies: files, folders (searched for *.ssr) or globs; default '.'.",
    options: [
        { name: 'format', short: 'f', value: 'FORMAT', choices: Object.keys(FORMATS), default: 'stylish', description: 'report format' },
        { name: 'output', short: 'o', value: 'FILE', description: 'write the report to FILE instead of standard output' },
        { name: 'max-warnings', value: 'N', description: 'exit 1 when there are more than N warnings' },
        { name: 'config', short: 'c', value: 'FILE', description: 'use this .ssrrc.json for every file' },
        { name: 'quiet', short: 'q', description: 'errors only' },
    ],
    async run(io, values, positionals) {
        const format = FORMATS[String(values.format)];
        let maxWarnings = Infinity;
        if (values['max-warnings'] !== undefined) {
            maxWarnings = Number(values['max-warnings']);
            if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, not '${String(values['max-warnings'])}'`);
        }
        const files = resolvePaths(positionals, io.cwd);
        const services = createServices(io);
        if (typeof values.config === 'string') {
            const configPath = path.resolve(io.cwd, values.config);
            if (!fs.existsSync(configPath)) throw new UsageError(`cannot read the config file '${values.config}'`);
            services.config.ConfigProvider.setExplicitConfig(URI.file(configPath));
        }
        const uris = files.map(f => URI.file(f));
        if (reportConfigProblems(io, services, uris)) return 2;
        const reports = await checkUris(services, uris);
        const keep = (severity: string) => severity !== 'hint' && (!values.quiet || severity === 'error');
        const reportFiles = reports
            .filter(r => r.requested || r.findings.some(f => keep(f.severity)))
            .map(r => ({ path: displayPath(io, r.uri.fsPath), findings: r.findings.filter(f => keep(f.severity)) }));
        const forced = Boolean(io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0');
        const color = forced || (!values.output && io.stdout.isTTY === true && !io.env.NO_COLOR);
        writeOutput(io, format({ files: reportFiles, rules: services.rules.RuleRegistry.all, version: packageVersion(), color }), values.output as string | undefined);
        const all = reportFiles.flatMap(f => f.findings);
        const errors = all.filter(f => f.severity === 'error').length;
        const warnings = all.filter(f => f.severity === 'warning').length;
        return errors > 0 || warnings > maxWarnings ? 1 : 0;
    },
};
