import { allFindings, position, type Formatter } from './types.js';

/** Escaping as GitHub's actions toolkit does it: message data, then property values. */
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands, so that a plain workflow step annotates the pull request. */
export const github: Formatter = input => allFindings(input).filter(({ finding }) => finding.severity !== 'hint').map(({ file, finding }) => {
    const p = position(finding);
    const properties = [`file=${escapeProperty(file.path)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`, `title=${escapeProperty(finding.ruleId)}`];
    return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`;
}).join('');
