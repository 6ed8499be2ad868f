import { allFindings, position, type Formatter } from './types.js';

/** One object per finding: file, ruleId, severity, message, 1-based line/column/endLine/endColumn. */
export const json: Formatter = input => JSON.stringify(allFindings(input).map(({ file, finding }) => ({
    file: file.path,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...position(finding),
})), null, 2) + '\n';
