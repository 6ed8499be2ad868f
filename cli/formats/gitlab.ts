import { allFindings, fingerprintOf, position, type Formatter } from './types.js';

const SEVERITY: Record<string, string> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab Code Quality JSON, for merge-request widgets. Paths are relative to the repository and
 * the fingerprint follows the finding's identity, not its line: GitLab tells new findings from old
 * ones by it.
 */
export const gitlab: Formatter = input => JSON.stringify(allFindings(input).filter(({ finding }) => finding.severity !== 'hint').map(({ file, finding }) => {
    const p = position(finding);
    return {
        description: finding.message,
        check_name: finding.ruleId,
        fingerprint: fingerprintOf(file, finding),
        severity: SEVERITY[finding.severity],
        location: { path: file.repoPath, lines: { begin: p.line, end: p.endLine } },
    };
}), null, 2) + '\n';
