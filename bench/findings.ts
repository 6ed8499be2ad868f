/**
 * The editor's diagnostics against the command line's findings: `ssr check --format json`
 * (dist/cli.cjs) on the same texts is the reference; both are reduced to rule id, 1-based line
 * and column, and message (and severity, shown in differences but not compared). Hints are
 * editor-only, so they are left out of the editor's side.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';

export interface Finding {
    readonly ruleId: string;
    readonly line: number;
    readonly column: number;
    readonly message: string;
    readonly severity: string;
}

const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];

/** The editor's diagnostics as findings, without hints. */
export function fromDiagnostics(diagnostics: readonly Diagnostic[]): Finding[] {
    return diagnostics
        .filter(d => (d.severity ?? 1) !== 4)
        .map(d => ({
            ruleId: (d.data as { ruleId?: string } | undefined)?.ruleId ?? String(d.code ?? 'unknown'),
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            message: typeof d.message === 'string' ? d.message : d.message.value,
            severity: SEVERITIES[d.severity ?? 1] ?? String(d.severity),
        }));
}

export interface CliRun {
    /** Findings per file, by path relative to the folder (with `/`). */
    readonly files: Map<string, Finding[]>;
    readonly exitCode: number | null;
    readonly ms: number;
}

/** Runs `ssr check --format json` in `folder` on `paths` (default: the whole folder). */
export function runCliCheck(cliPath: string, folder: string, paths: string[] = ['.']): CliRun {
    const start = performance.now();
    const run = spawnSync(process.execPath, [cliPath, 'check', ...paths, '--format', 'json'], { cwd: folder, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const ms = performance.now() - start;
    if (run.status !== 0 && run.status !== 1) {
        throw new Error(`ssr check exited with ${run.status ?? run.signal}: ${run.stderr.trim() || run.stdout.trim()}`);
    }
    const list = JSON.parse(run.stdout) as (Finding & { file: string })[];
    const files = new Map<string, Finding[]>();
    for (const { file, ruleId, line, column, message, severity } of list) {
        const key = file.split(path.sep).join('/');
        const findings = files.get(key) ?? [];
        findings.push({ ruleId, line, column, message, severity });
        files.set(key, findings);
    }
    return { files, exitCode: run.status, ms };
}

export interface FindingsDiff {
    /** In the command line's findings, not in the editor's. */
    readonly missing: Finding[];
    /** In the editor's findings, not in the command line's. */
    readonly extra: Finding[];
}

const key = (f: Finding) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`;

/** Multiset difference on rule id, line, column and message. */
export function compareFindings(expected: readonly Finding[], actual: readonly Finding[]): FindingsDiff {
    const counts = new Map<string, number>();
    for (const f of actual) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
    const missing: Finding[] = [];
    for (const f of expected) {
        const n = counts.get(key(f)) ?? 0;
        if (n > 0) counts.set(key(f), n - 1);
        else missing.push(f);
    }
    const extra: Finding[] = [];
    for (const f of actual) {
        const n = counts.get(key(f)) ?? 0;
        if (n > 0) {
            extra.push(f);
            counts.set(key(f), n - 1);
        }
    }
    return { missing, extra };
}

export const isSame = (diff: FindingsDiff) => diff.missing.length === 0 && diff.extra.length === 0;

export function formatFinding(f: Finding): string {
    return `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`;
}

export function formatDiff(diff: FindingsDiff, limit = 20): string {
    const lines = [
        ...diff.missing.slice(0, limit).map(f => `  - only ssr check: ${formatFinding(f)}`),
        ...diff.extra.slice(0, limit).map(f => `  + only the server: ${formatFinding(f)}`),
    ];
    const more = Math.max(0, diff.missing.length - limit) + Math.max(0, diff.extra.length - limit);
    if (more > 0) lines.push(`  … and ${more} more`);
    return lines.join('\n');
}
