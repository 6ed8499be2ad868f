import { plural } from '../../language/base/format.js';
import { baselineLine, counts, position, type Formatter } from './types.js';

const paint = (on: boolean, code: string, text: string) => on ? `\u001b[${code}m${text}\u001b[0m` : text;
const SEVERITY_COLOR: Record<string, string> = { error: '31', warning: '33', info: '36' };

/** Human output grouped by file, with a closing count line. */
export const stylish: Formatter = input => {
    const lines: string[] = [];
    for (const file of input.files) {
        if (file.findings.length === 0) continue;
        lines.push(paint(input.color, '4', file.path));
        const rows = file.findings.map(f => {
            const p = position(f);
            return [`${p.line}:${p.column}`, f.severity, f.message.replace(/\s*\n\s*/g, ' '), f.ruleId];
        });
        // Not Math.max(...rows): a file may have 100,000s of findings.
        const width = rows.reduce((max, r) => Math.max(max, r[0].length), 0);
        const sevWidth = rows.reduce((max, r) => Math.max(max, r[1].length), 0);
        for (const [where, severity, message, ruleId] of rows) {
            lines.push(`  ${paint(input.color, '2', where.padEnd(width))}  ${paint(input.color, SEVERITY_COLOR[severity] ?? '0', severity.padEnd(sevWidth))}  ${message}  ${paint(input.color, '2', ruleId)}`);
        }
        lines.push('');
    }
    const c = counts(input);
    const total = c.error + c.warning + c.info;
    if (total === 0) {
        lines.push(paint(input.color, '32', `✔ No ${input.baseline ? 'new ' : ''}problems in ${plural(input.files.length, 'file')}`));
    } else {
        const summary = `✖ ${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info')})`;
        lines.push(paint(input.color, c.error > 0 ? '31;1' : '33;1', summary));
    }
    const baseline = baselineLine(input);
    if (baseline) lines.push(baseline);
    return lines.join('\n') + '\n';
};
