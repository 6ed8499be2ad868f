/** The plan diff as Markdown, for a pull-request comment or a job summary. */
import { escapeMarkdown as md, money } from '../base/format.js';
import type { PlanDiff } from './plan-diff.js';

const delta = (pair: [number, number]) => {
    const d = Math.round(pair[1] - pair[0]);
    return d === 0 ? money(pair[1]) : `${money(pair[0])} → ${money(pair[1])} (${d > 0 ? '+' : '−'}${money(Math.abs(d))})`;
};

export function renderDiffMarkdown(diff: PlanDiff, title = 'Plan changes'): string {
    const out = [`## ${md(title)}`, ''];
    const nothing = diff.added.length + diff.removed.length + diff.renamed.length + diff.changed.length + diff.years.length + diff.findings.appeared.length + diff.findings.resolved.length === 0;
    if (nothing) return [...out, 'No change in meaning.', ''].join('\n');
    if (diff.added.length + diff.removed.length + diff.renamed.length + diff.changed.length > 0) {
        out.push('### Declarations', '');
        for (const a of diff.added) out.push(`- **added** ${a.kind} \`${md(a.name)}\``);
        for (const r of diff.removed) out.push(`- **removed** ${r.kind} \`${md(r.name)}\``);
        for (const r of diff.renamed) out.push(`- **renamed** ${r.kind} \`${md(r.from)}\` → \`${md(r.to)}\``);
        for (const c of diff.changed) out.push(`- **changed** ${c.kind} \`${md(c.name)}\`: ${c.fields.map(f => `${md(f.field)} ${md(f.before)} → ${md(f.after)}`).join('; ')}`);
        out.push('');
    }
    if (diff.years.length > 0) {
        out.push('### Money by year (only the years that changed)', '', '| year | cost | external | domestic | gap |', '|---:|---:|---:|---:|---:|');
        for (const y of diff.years) out.push(`| ${y.year} | ${delta(y.cost)} | ${delta(y.external)} | ${delta(y.domestic)} | ${delta(y.gap)} |`);
        out.push('');
    }
    if (diff.findings.appeared.length > 0) {
        out.push('### Findings that appeared', '', ...diff.findings.appeared.map(f => `- **${f.severity}** \`${f.ruleId}\`: ${md(f.message)}`), '');
    }
    if (diff.findings.resolved.length > 0) {
        out.push('### Findings resolved', '', ...diff.findings.resolved.map(f => `- ~~**${f.severity}** \`${f.ruleId}\`~~: ${md(f.message)}`), '');
    }
    return out.join('\n');
}
