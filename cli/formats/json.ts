import { allFindings, fingerprintOf, position, type Formatter } from './types.js';

/**
 * One object per finding: file, ruleId, severity, message, 1-based line/column/endLine/endColumn,
 * then its identity (identity.ts) and fingerprint (its file relative to the repository and its
 * identity, hashed): what `ssr check --baseline` reads back.
 */
export const json: Formatter = input => JSON.stringify(allFindings(input).map(({ file, finding }) => ({
    file: file.path,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...position(finding),
    identity: finding.identity,
    fingerprint: fingerprintOf(file, finding),
})), null, 2) + '\n';
