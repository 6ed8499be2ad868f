/**
 * `ssr`: the command-line face of the language core (../shared/spec/CLI.md). Same services, same
 * rules and the same `.ssrrc.json` resolution as the language server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createSsrServices } from '../language/ssr-module.js';
import { checkUris } from '../language/check.js';
import { docsUrl, familyOf } from '../language/base/rule-ids.js';
import { FORMATS } from './formats/index.js';
import { resolvePaths, UsageError } from './files.js';
import { summarize } from '../language/summary/index.js';
import { SUMMARY_FORMATS, type SummaryFormat } from '../language/base/protocol.js';
import { diffPlans } from '../language/diff/plan-diff.js';
import { renderDiffMarkdown } from '../language/diff/markdown.js';
import { spawnSync } from 'node:child_process';

const USAGE = `Usage:
  ssr check [paths…] [--format stylish|json|sarif|github|junit|gitlab|markdown]
                     [--output FILE] [--max-warnings N] [--config FILE] [--quiet]
  ssr rules [--format table|json]
  ssr summary FILE [--format md|html|json] [--output FILE]
  ssr diff BASE HEAD [--format md|json] [--output FILE]   (BASE, HEAD: files or git:REV:path)
  ssr --help | --version

Paths are files, folders (searched for *.ssr) or globs; default '.'.
Exit codes: 0 no errors (warnings within --max-warnings), 1 findings over the limit,
2 the command could not run.`;

function packageVersion(): string {
    let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
    for (let i = 0; i < 5; i++) {
        const candidate = path.join(dir, 'package.json');
        try {
            const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
            if (pkg.name === 'ssr-strategy' && pkg.version) return pkg.version;
        } catch { /* keep looking */ }
        dir = path.dirname(dir);
    }
    return '0.0.0';
}

function writeOutput(text: string, output: string | undefined): void {
    if (output) {
        fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
        fs.writeFileSync(output, text);
    } else {
        process.stdout.write(text);
    }
}

async function check(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args, allowPositionals: true, strict: true,
        options: {
            format: { type: 'string', short: 'f', default: 'stylish' },
            output: { type: 'string', short: 'o' },
            'max-warnings': { type: 'string' },
            config: { type: 'string', short: 'c' },
            quiet: { type: 'boolean', short: 'q', default: false },
        },
    });
    const format = FORMATS[values.format!];
    if (!format) throw new UsageError(`unknown format '${values.format}'; use one of ${Object.keys(FORMATS).join(', ')}`);
    let maxWarnings = Infinity;
    if (values['max-warnings'] !== undefined) {
        maxWarnings = Number(values['max-warnings']);
        if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, not '${values['max-warnings']}'`);
    }
    const cwd = process.cwd();
    const files = resolvePaths(positionals, cwd);
    const services = createSsrServices(NodeFileSystem).Ssr;
    const configProvider = services.config.ConfigProvider;
    if (values.config) {
        const configPath = path.resolve(cwd, values.config);
        if (!fs.existsSync(configPath)) throw new UsageError(`cannot read the config file '${values.config}'`);
        configProvider.setExplicitConfig(URI.file(configPath));
    }
    const uris = files.map(f => URI.file(f));
    const problems = new Set<string>();
    for (const uri of uris) {
        for (const problem of configProvider.getConfig(uri).problems) problems.add(problem.message);
    }
    if (problems.size > 0) {
        for (const problem of problems) process.stderr.write(`ssr: invalid configuration: ${problem}\n`);
        return 2;
    }
    const reports = await checkUris(services, uris);
    const relative = (uri: URI) => path.relative(cwd, uri.fsPath).split(path.sep).join('/') || path.basename(uri.fsPath);
    const keep = (severity: string) => severity !== 'hint' && (!values.quiet || severity === 'error');
    const reportFiles = reports
        .filter(r => r.requested || r.findings.some(f => keep(f.severity)))
        .map(r => ({ path: relative(r.uri), findings: r.findings.filter(f => keep(f.severity)) }));
    const color = !values.output && process.stdout.isTTY === true && !process.env.NO_COLOR || Boolean(process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0');
    const text = format({ files: reportFiles, rules: services.rules.RuleRegistry.all, version: packageVersion(), color });
    writeOutput(text, values.output);
    const all = reportFiles.flatMap(f => f.findings);
    const errors = all.filter(f => f.severity === 'error').length;
    const warnings = all.filter(f => f.severity === 'warning').length;
    return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

function rules(args: string[]): number {
    const { values } = parseArgs({ args, strict: true, options: { format: { type: 'string', short: 'f', default: 'table' } } });
    const services = createSsrServices(NodeFileSystem).Ssr;
    const list = services.rules.RuleRegistry.all.map(rule => ({
        id: rule.id, severity: rule.severity, family: familyOf(rule.id), description: rule.description, docs: docsUrl(rule.id),
    }));
    if (values.format === 'json') {
        process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    } else if (values.format === 'table') {
        const idWidth = Math.max(...list.map(r => r.id.length));
        for (const r of list) process.stdout.write(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.description}\n${' '.repeat(idWidth + 11)}${r.docs}\n`);
    } else {
        throw new UsageError(`unknown format '${values.format}' for rules; use table or json`);
    }
    return 0;
}

async function summary(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args, allowPositionals: true, strict: true,
        options: { format: { type: 'string', short: 'f', default: 'md' }, output: { type: 'string', short: 'o' } },
    });
    const format = values.format as SummaryFormat;
    if (!SUMMARY_FORMATS.includes(format)) throw new UsageError(`unknown summary format '${values.format}'; use md, html or json`);
    if (positionals.length !== 1) throw new UsageError('ssr summary takes exactly one strategy file');
    const cwd = process.cwd();
    const [file] = resolvePaths(positionals, cwd);
    if (!file) throw new UsageError(`no .ssr file at '${positionals[0]}'`);
    const services = createSsrServices(NodeFileSystem).Ssr;
    const problems = services.config.ConfigProvider.getConfig(URI.file(file)).problems;
    if (problems.length > 0) {
        for (const problem of problems) process.stderr.write(`ssr: invalid configuration: ${problem.message}\n`);
        return 2;
    }
    const [report] = await checkUris(services, [URI.file(file)]);
    const label = path.relative(cwd, file).split(path.sep).join('/');
    if (values.output && path.resolve(cwd, values.output) === file) throw new UsageError('--output would overwrite the strategy itself');
    writeOutput(summarize(services, report.document, format, label), values.output);
    return 0;
}

/** A version of a strategy: a file, or `git:REV:path` read with `git show` (relative to the working directory). */
function readVersion(spec: string, cwd: string): { file: string; text: string } {
    const git = /^git:([^:]+):(.+)$/.exec(spec);
    if (!git) {
        const file = path.resolve(cwd, spec);
        try {
            return { file, text: fs.readFileSync(file, 'utf8') };
        } catch {
            throw new UsageError(`cannot read '${spec}'`);
        }
    }
    const [, rev, relative] = git;
    const top = spawnSync('git', ['rev-parse', '--show-prefix'], { cwd, encoding: 'utf8' });
    if (top.status !== 0) throw new UsageError(`'${spec}' needs a git repository: ${top.stderr.trim()}`);
    const shown = spawnSync('git', ['show', `${rev}:${top.stdout.trim()}${relative.replace(/^\.\//, '')}`], { cwd, encoding: 'utf8' });
    if (shown.status !== 0) throw new UsageError(`cannot read '${spec}': ${shown.stderr.trim().split('\n')[0]}`);
    return { file: path.resolve(cwd, relative), text: shown.stdout };
}

async function diff(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args, allowPositionals: true, strict: true,
        options: { format: { type: 'string', short: 'f', default: 'md' }, output: { type: 'string', short: 'o' } },
    });
    if (positionals.length !== 2) throw new UsageError('ssr diff takes two versions: BASE HEAD (files or git:REV:path)');
    if (values.format !== 'md' && values.format !== 'json') throw new UsageError(`unknown diff format '${values.format}'; use md or json`);
    const cwd = process.cwd();
    const base = readVersion(positionals[0], cwd), head = readVersion(positionals[1], cwd);
    // The base is checked under a name of its own beside the head, so that its imports resolve the same way.
    const baseFile = path.join(path.dirname(head.file), `.${path.basename(base.file, '.ssr')}.diff-base.ssr`);
    const services = createSsrServices(NodeFileSystem).Ssr;
    const problems = services.config.ConfigProvider.getConfig(URI.file(head.file)).problems;
    if (problems.length > 0) {
        for (const problem of problems) process.stderr.write(`ssr: invalid configuration: ${problem.message}\n`);
        return 2;
    }
    const texts = new Map([[URI.file(baseFile).toString(), base.text], [URI.file(head.file).toString(), head.text]]);
    const [baseReport, headReport] = await checkUris(services, [URI.file(baseFile), URI.file(head.file)], texts);
    const result = diffPlans(services, baseReport.document, headReport.document);
    const title = `Plan changes: ${path.relative(cwd, head.file).split(path.sep).join('/')}`;
    writeOutput(values.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : renderDiffMarkdown(result, title), values.output);
    return 0;
}

export async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case 'check': return await check(rest);
            case 'rules': return rules(rest);
            case 'summary': return await summary(rest);
            case 'diff': return await diff(rest);
            case '--version': case '-v': process.stdout.write(packageVersion() + '\n'); return 0;
            case '--help': case '-h': case 'help': process.stdout.write(USAGE + '\n'); return 0;
            case undefined: process.stderr.write(USAGE + '\n'); return 2;
            default: throw new UsageError(`unknown command '${command}'; try 'ssr --help'`);
        }
    } catch (error) {
        const message = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
            ? (error as Error).message
            : `internal error: ${(error as Error).stack ?? String(error)}`;
        process.stderr.write(`ssr: ${message.split('\n')[0]}\n`);
        return 2;
    }
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; });
