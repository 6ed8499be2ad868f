/** The plan summary as Markdown: tables, a Mermaid gantt timeline and a Mermaid xychart funding chart. */
import type { PlanSummary } from './summary-model.js';
import { activityFacts, headerRows, sectorRows } from './summary-model.js';
import { DIMENSIONS } from '../base/taxonomy.js';
import { escapeMarkdown as md, mermaidText, money, moneyCents, formatBalance, formatMoney, plural, quantity } from '../base/format.js';

export function renderMarkdown(s: PlanSummary): string {
    const out: string[] = [];
    const cur = s.strategy.currency;
    out.push(`# ${md(s.strategy.title ?? 'Untitled strategy')}`, '');
    out.push('| | |', '|---|---|', ...headerRows(s).map(([k, v]) => `| ${k} | ${md(v)} |`), '');
    if (s.strategy.doc) out.push(s.strategy.doc.split('\n').map(l => `> ${md(l.trim())}`).join('\n'), '');

    out.push('## At a glance', '');
    const categories = Object.entries(s.counts.actorsByCategory).map(([c, n]) => `${n} ${c}`).join(', ');
    const f = s.counts.findings;
    out.push('| | |', '|---|---:|',
        `| Actors | ${s.counts.actors}${categories ? ` (${md(categories)})` : ''} |`,
        `| Objectives | ${s.counts.objectives} |`,
        `| Activities | ${s.counts.activities} |`,
        `| Benchmarks | ${s.counts.benchmarks} |`,
        `| Total cost | ${formatMoney(s.totals.cost, cur)} |`,
        `| External funding | ${formatMoney(s.totals.external, cur)} |`,
        `| Domestic funding | ${formatMoney(s.totals.domestic, cur)} |`,
        `| Funding gap | ${formatMoney(s.totals.gap, cur)} |`,
        `| Findings | ${plural(f.error, 'error')}, ${plural(f.warning, 'warning')}, ${plural(f.info, 'info')}${f.suppressed ? `, ${f.suppressed} suppressed` : ''} |`, '');

    out.push('## Coverage', '');
    out.push(`| sector | ${DIMENSIONS.join(' | ')} |`, `|---|${DIMENSIONS.map(() => '---').join('|')}|`);
    for (const sector of sectorRows(s)) {
        const cells = DIMENSIONS.map(d => (s.coverage[sector]?.[d] ?? []).map(md).join(', ') || ' ');
        const missing = s.missing.sectors.includes(sector);
        out.push(`| ${missing ? `**${sector}** (missing)` : sector} | ${cells.join(' | ')} |`);
    }
    out.push('');
    if (s.missing.dimensions.length > 0) out.push(`Missing dimensions: ${s.missing.dimensions.join(', ')}.`, '');
    if (s.missing.sectors.length > 0) out.push(`Missing core sectors: ${s.missing.sectors.join(', ')}.`, '');

    out.push('## Timeline', '');
    if (s.timeline.phases.length + s.timeline.objectives.length > 0) {
        out.push('```mermaid', 'gantt', `    title ${mermaidText(s.strategy.title ?? 'Timeline')}`, '    dateFormat YYYY-MM', '    axisFormat %Y');
        if (s.timeline.phases.length > 0) {
            out.push('    section Phases');
            s.timeline.phases.forEach((p, i) => out.push(`    ${mermaidText(p.title ?? p.name)} :p${i}, ${p.start}, ${endExclusive(p.end)}`));
        }
        if (s.timeline.objectives.length > 0) {
            out.push('    section Objectives');
            s.timeline.objectives.forEach((o, i) => out.push(`    ${mermaidText(o.name)} :o${i}, ${o.start}, ${endExclusive(o.end)}`));
        }
        out.push('```', '');
    } else {
        out.push('No dated phases or objectives yet.', '');
    }

    out.push('## Fiscal projection', '');
    if (s.years.length > 0) {
        const withRevenue = s.years.some(y => y.revenue !== undefined);
        const withCeiling = s.years.some(y => y.affordable !== undefined);
        out.push(`| year | capital | recurrent | cost | external | domestic | gap |${withRevenue ? ' revenue |' : ''}${withCeiling ? ' affordable |' : ''}`,
            `|---:|---:|---:|---:|---:|---:|---:|${withRevenue ? '---:|' : ''}${withCeiling ? '---:|' : ''}`);
        for (const y of s.years) {
            out.push(`| ${y.year} | ${money(y.capital)} | ${money(y.recurrent)} | ${money(y.cost)} | ${money(y.external)} | ${money(y.domestic)} | ${money(y.gap)} |${withRevenue ? ` ${y.revenue === undefined ? '—' : moneyCents(y.revenue)} |` : ''}${withCeiling ? ` ${y.affordable === undefined ? '—' : moneyCents(y.affordable)} |` : ''}`);
        }
        out.push(`| **total** | ${money(s.totals.capital)} | ${money(s.totals.recurrent)} | ${money(s.totals.cost)} | ${money(s.totals.external)} | ${money(s.totals.domestic)} | ${money(s.totals.gap)} |${withRevenue ? ' |' : ''}${withCeiling ? ' |' : ''}`, '');
        if (withRevenue) out.push('Revenue: domestic government revenue from the `fiscal` block, to the cent; affordable: the ceiling share of it.', '');
        const max = Math.max(1, ...s.years.map(y => Math.max(y.cost, y.external + y.domestic)));
        out.push('```mermaid', 'xychart-beta', `    title "Funding against cost (${mermaidText(cur ?? '')})"`,
            `    x-axis [${s.years.map(y => y.year).join(', ')}]`,
            `    y-axis "${mermaidText(cur ?? 'amount')}" 0 --> ${Math.ceil(max)}`,
            `    bar [${s.years.map(y => Math.round(y.external + y.domestic)).join(', ')}]`,
            `    line [${s.years.map(y => Math.round(y.cost)).join(', ')}]`,
            '```', '', 'Bars: external + domestic funding; line: cost.', '');
    } else {
        out.push('No period yet: the projection needs `period from … to …`.', '');
    }

    out.push('## Objectives', '');
    for (const o of s.objectives) {
        out.push(`### ${md(o.name)}${o.title ? ` — ${md(o.title)}` : ''}`, '');
        if (o.doc) out.push(o.doc.split('\n').map(l => `> ${md(l.trim())}`).join('\n'), '');
        out.push(`- Sector: ${o.sector ?? '—'}; dimensions: ${o.dimensions.join(', ') || '—'}; levels: ${o.levels.join(', ') || '—'}`);
        out.push(`- ${o.leads.length > 1 ? 'Joint lead' : 'Lead'}: ${o.leads.map(md).join(', ') || '—'}${o.partners.length ? `; partners: ${o.partners.map(md).join(', ')}` : ''}`);
        out.push(`- Phases: ${o.phases.map(md).join(', ') || '—'}${o.start ? ` (${o.start} to ${o.end})` : ''}`);
        out.push(`- Cost ${formatBalance(o, cur)}`);
        if (o.activities.length > 0) {
            out.push('- Activities:');
            o.activities.forEach((a, i) => out.push(`  ${i + 1}. ${md(a.name)}${a.title ? ` — ${md(a.title)}` : ''} (${activityFacts(a).map(md).join(', ')})`));
        }
        const benchmarks = s.benchmarks.filter(b => o.benchmarks.includes(b.name));
        if (benchmarks.length > 0) {
            out.push('- Benchmarks:');
            for (const b of benchmarks) {
                out.push(`  - ${md(b.name)}${b.title ? ` — ${md(b.title)}` : ''}: ${quantity(b.baseline)}${b.baseline?.year ? ` (${b.baseline.year})` : ''} → ${quantity(b.target)}${b.target?.year ? ` (${b.target.year})` : ''}${b.type ? `, ${b.type}` : ''}`);
            }
        }
        out.push('');
    }

    out.push('## Findings', '');
    if (s.findings.length === 0) {
        out.push('No findings at error, warning or info severity.', '');
    } else {
        const families = [...new Set(s.findings.map(f => f.ruleId.split('/')[0]))].sort();
        for (const family of families) {
            out.push(`### ${family}`, '');
            for (const finding of s.findings.filter(x => x.ruleId.startsWith(family + '/'))) {
                out.push(`- **${finding.severity}** \`${finding.ruleId}\` (${md(finding.file)}:${finding.line}:${finding.column}): ${md(finding.message)}`);
            }
            out.push('');
        }
    }
    return out.join('\n');
}

/** Mermaid gantt end dates are exclusive: the month after the last month. */
function endExclusive(month: string): string {
    const [y, m] = month.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
