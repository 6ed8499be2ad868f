/** The plan diff as Markdown, for a pull-request comment or a job summary. */
import { escapeMarkdown as md, money, plural } from '../base/format.js';
import type { PlanDiff } from './plan-diff.js';

const delta = (pair: [number, number]) => {
    const d = Math.round(pair[1] - pair[0]);
    return d === 0 ? money(pair[1]) : `${money(pair[0])} → ${money(pair[1])} (${d > 0 ? '+' : '−'}${money(Math.abs(d))})`;
};

/** Sections longer than this many lines are folded into `<details>`, so that a comment stays readable. */
const FOLD_AFTER = 10;

export interface DiffMarkdownOptions {
    /** The file, in the heading: `Plan changes: plan.ssr`. */
    readonly file?: string;
    /** Where the file in the heading and the finding lines link to: the file's URL (a line is `#L<n>` after it). */
    readonly link?: string;
    /** Lines under the heading (`Renamed from …`, the libraries that changed). */
    readonly notes?: readonly string[];
}

function section(out: string[], title: string, lines: readonly string[], what: string): void {
    if (lines.length === 0) return;
    out.push(`### ${title}`, '');
    if (lines.length > FOLD_AFTER) {
        out.push(`<details><summary>${plural(lines.length, what)}</summary>`, '', lines.join('\n'), '', '</details>', '');
    } else {
        out.push(lines.join('\n'), '');
    }
}

/** `9 objectives, 14 activities`: the declarations of a new or removed strategy, counted by kind. */
function counted(declarations: readonly { kind: string }[]): string {
    const counts = new Map<string, number>();
    for (const d of declarations) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
    return [...counts].filter(([kind]) => kind !== 'strategy' && kind !== 'fiscal block')
        .map(([kind, n]) => kind === 'activity' ? `${n} ${n === 1 ? 'activity' : 'activities'}` : plural(n, kind)).join(', ') || 'no declarations';
}

/**
 * A changed message with only what changed marked: the words both versions share at the start
 * and at the end are written once, the rest as ~~before~~ → **after**.
 */
function inlineChange(before: string, after: string): string {
    const a = before.split(' '), b = after.split(' ');
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let end = 0;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    const words = (list: string[]) => md(list.join(' '));
    const old = a.slice(start, a.length - end), now = b.slice(start, b.length - end);
    const middle = `${old.length > 0 ? `~~${words(old)}~~` : '…'} → ${now.length > 0 ? `**${words(now)}**` : '…'}`;
    return [words(a.slice(0, start)), middle, words(a.slice(a.length - end))].filter(Boolean).join(' ');
}

export function renderDiffMarkdown(diff: PlanDiff, options: DiffMarkdownOptions = {}): string {
    const file = options.file === undefined ? '' : options.link ? `: [${md(options.file)}](${options.link})` : `: ${md(options.file)}`;
    const out = [`## Plan changes${file}`, ''];
    for (const note of options.notes ?? []) out.push(note, '');
    const at = (line: number | undefined) => line === undefined ? '' : options.link ? ` ([line ${line}](${options.link}#L${line}))` : ` (line ${line})`;
    const { findings } = diff;
    const nothing = diff.added.length + diff.removed.length + diff.renamed.length + diff.changed.length + diff.years.length
        + findings.appeared.length + findings.resolved.length + findings.changed.length === 0;
    if (diff.status === 'added') {
        out.push(`New strategy file: ${counted(diff.added)}.`, '');
    } else if (diff.status === 'removed') {
        out.push(`Strategy file removed, with ${counted(diff.removed)}.`, '');
    } else if (nothing) {
        return [...out, 'No change in meaning.', ''].join('\n');
    } else {
        const declarations = [
            ...diff.added.map(a => `- **added** ${a.kind} \`${md(a.name)}\``),
            ...diff.removed.map(r => `- **removed** ${r.kind} \`${md(r.name)}\``),
            ...diff.renamed.map(r => {
                const fields = r.fields.map(f => `${md(f.field)} ${md(f.before)} → ${md(f.after)}`).join('; ');
                const references = r.references.length > 0 ? ` (references follow in ${r.references.map(n => `\`${md(n)}\``).join(', ')})` : '';
                return `- **renamed** ${r.kind} \`${md(r.from)}\` → \`${md(r.to)}\`${fields ? `: ${fields}` : ''}${references}`;
            }),
            ...diff.changed.map(c => `- **changed** ${c.kind} \`${md(c.name)}\`: ${c.fields.map(f => `${md(f.field)} ${md(f.before)} → ${md(f.after)}`).join('; ')}`),
        ];
        section(out, 'Declarations', declarations, 'declaration');
    }
    if (diff.years.length > 0) {
        const rows = diff.years.map(y => `| ${y.year} | ${delta(y.cost)} | ${delta(y.external)} | ${delta(y.domestic)} | ${delta(y.gap)} |`);
        out.push('### Money by year (only the years that changed)', '');
        const table = ['| year | cost | external | domestic | gap |', '|---:|---:|---:|---:|---:|', ...rows];
        if (rows.length > FOLD_AFTER) out.push(`<details><summary>${plural(rows.length, 'year')}</summary>`, '', table.join('\n'), '', '</details>', '');
        else out.push(table.join('\n'), '');
    }
    section(out, 'Findings that appeared', findings.appeared.map(f => `- **${f.severity}** \`${f.ruleId}\`: ${md(f.message)}${at(f.line)}`), 'finding');
    section(out, 'Findings that changed', findings.changed.map(f => {
        const severity = f.before.severity === f.severity ? `**${f.severity}**` : `**${f.before.severity} → ${f.severity}**`;
        return `- ${severity} \`${f.ruleId}\`: ${inlineChange(f.before.message, f.message)}${at(f.line)}`;
    }), 'finding');
    section(out, 'Findings resolved', findings.resolved.map(f => `- ~~**${f.severity}** \`${f.ruleId}\`~~: ${md(f.message)}`), 'finding');
    return out.join('\n');
}
