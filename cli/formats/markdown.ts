import { docsUrl, familyOf } from '../../language/base/rule-ids.js';
import { allFindings, baselineLine, counts, position, type Formatter, type FormatInput, type ReportFile } from './types.js';

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\s*\n\s*/g, ' ');

/** Where a link to a line of a file points: relative to the working folder, or under `linkBase`. */
const link = (input: FormatInput, file: ReportFile, line: number) =>
    `${input.linkBase ? `${input.linkBase}${encodeURI(file.repoPath)}` : encodeURI(file.path)}#L${line}`;

/** A Markdown report for a CI job summary or a pull-request comment. */
export const markdown: Formatter = input => {
    const c = counts(input);
    const findings = allFindings(input).filter(({ finding }) => finding.severity !== 'hint');
    const lines = ['## SSR strategy check', ''];
    const baseline = baselineLine(input);
    if (findings.length === 0) {
        lines.push(`No ${input.baseline ? 'new ' : ''}findings in ${input.files.length} file${input.files.length === 1 ? '' : 's'}.`, '');
        if (baseline) lines.push(baseline, '');
        return lines.join('\n');
    }
    if (baseline) lines.push(baseline, '');
    lines.push('| errors | warnings | infos |', '|---:|---:|---:|', `| ${c.error} | ${c.warning} | ${c.info} |`, '');
    const families = new Map<string, { error: number; warning: number; info: number }>();
    for (const { finding } of findings) {
        const family = familyOf(finding.ruleId);
        const row = families.get(family) ?? { error: 0, warning: 0, info: 0 };
        row[finding.severity as 'error' | 'warning' | 'info']++;
        families.set(family, row);
    }
    lines.push('| family | errors | warnings | infos |', '|---|---:|---:|---:|');
    for (const [family, row] of [...families].sort()) lines.push(`| ${family} | ${row.error} | ${row.warning} | ${row.info} |`);
    lines.push('');
    for (const file of input.files) {
        const own = file.findings.filter(f => f.severity !== 'hint');
        if (own.length === 0) continue;
        lines.push(`### ${escapeMd(file.path)}`, '');
        for (const finding of own) {
            const p = position(finding);
            lines.push(`- **${finding.severity}** \`${finding.ruleId}\` [${escapeMd(file.path)}:${p.line}:${p.column}](${link(input, file, p.line)}) — ${escapeMd(finding.message)} ([docs](${docsUrl(finding.ruleId)}))`);
        }
        lines.push('');
    }
    return lines.join('\n');
};
