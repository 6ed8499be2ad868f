/** What every output format receives: the findings per file, the rules, the working directory. */
import type { FileFinding } from '../../language/validation/findings.js';
import type { Rule } from '../../language/rules/rule.js';

export interface ReportFile {
    /** Path relative to the working directory, with forward slashes. */
    readonly path: string;
    readonly findings: readonly FileFinding[];
}

export interface FormatInput {
    readonly files: readonly ReportFile[];
    readonly rules: readonly Rule[];
    readonly version: string;
    /** Colour escapes allowed (stylish on a TTY). */
    readonly color: boolean;
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
