import { createHash } from 'node:crypto';
import { allFindings, position, type Formatter } from './types.js';

const SEVERITY: Record<string, string> = { error: 'major', warning: 'minor', info: 'info' };

/** GitLab Code Quality JSON, for merge-request widgets. */
export const gitlab: Formatter = input => JSON.stringify(allFindings(input).filter(({ finding }) => finding.severity !== 'hint').map(({ file, finding }) => {
    const p = position(finding);
    return {
        description: finding.message,
        check_name: finding.ruleId,
        fingerprint: createHash('sha256').update(`${file.path}\u0000${finding.ruleId}\u0000${p.line}\u0000${finding.message}`).digest('hex'),
        severity: SEVERITY[finding.severity],
        location: { path: file.path, lines: { begin: p.line, end: p.endLine } },
    };
}), null, 2) + '\n';
