/** What every output format receives: the findings per file, the rules, the working directory. */
import type { FileFinding } from '../../language/validation/findings.js';
import type { Rule } from '../../language/rules/rule.js';
import { fingerprint } from '../repository.js';

export interface ReportFile {
    /** Path relative to the working directory, with forward slashes. */
    readonly path: string;
    /**
     * Path relative to the file's repository root, with forward slashes: what annotations, SARIF,
     * GitLab and fingerprints use, so that they do not depend on the working folder.
     */
    readonly repoPath: string;
    /** That repository root (absolute). */
    readonly root: string;
    readonly findings: readonly FileFinding[];
}

export interface FormatInput {
    readonly files: readonly ReportFile[];
    readonly rules: readonly Rule[];
    readonly version: string;
    /** Colour escapes allowed (stylish on a TTY). */
    readonly color: boolean;
    /** With `--baseline`: how many findings were left out because the baseline has them, and which baseline. */
    readonly baseline?: { readonly known: number; readonly source: string };
    /**
     * Where Markdown links to files point: a URL prefix (`https://github.com/o/r/blob/<sha>/`) to
     * which the path relative to the repository is appended; without it, links are relative.
     */
    readonly linkBase?: string;
    /** GitHub annotations of each type to write (the rest are listed in the log); 10 by default, as GitHub shows. */
    readonly maxAnnotations?: number;
}

export type Formatter = (input: FormatInput) => string;

/** 1-based positions, as every report shows them. */
export function position(finding: FileFinding) {
    return {
        line: finding.range.start.line + 1,
        column: finding.range.start.character + 1,
        endLine: finding.range.end.line + 1,
        endColumn: finding.range.end.character + 1,
    };
}

export function allFindings(input: FormatInput): { file: ReportFile; finding: FileFinding }[] {
    return input.files.flatMap(file => file.findings.map(finding => ({ file, finding })));
}

export function counts(input: FormatInput): { error: number; warning: number; info: number } {
    const result = { error: 0, warning: 0, info: 0 };
    for (const { finding } of allFindings(input)) {
        const severity = finding.severity;
        if (severity !== 'hint') result[severity]++;
    }
    return result;
}

/** A finding's fingerprint (repository.ts): its file relative to the repository and its identity. */
export const fingerprintOf = (file: ReportFile, finding: FileFinding): string => fingerprint(file.repoPath, finding.identity);

/** The line that says how many findings the baseline holds back, or undefined without a baseline. */
export function baselineLine(input: FormatInput): string | undefined {
    if (!input.baseline) return undefined;
    return baselineSentence(input.baseline.known, input.baseline.source);
}

/** `17 findings were already in the baseline (git:main) and are not reported.` */
export function baselineSentence(known: number, source: string): string {
    if (known === 0) return `No finding was already in the baseline (${source}).`;
    return `${known} finding${known === 1 ? ' was' : 's were'} already in the baseline (${source}) and ${known === 1 ? 'is' : 'are'} not reported.`;
}
