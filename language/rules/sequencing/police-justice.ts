import * as ast from '../../generated/ast.js';
import { leadsOf } from '../../model/time-model.js';
import type { TimeModel } from '../../model/time-model.js';
import type { StrategyModel } from '../../model/strategy-model.js';
import type { Vocabulary } from '../../base/taxonomy.js';
import { formatMonth, type Month } from '../../base/values.js';
import { capitalize, listInWords } from '../../base/format.js';
import { describe } from '../../base/declarations.js';
import type { FixData, Rule } from '../rule.js';

const PAIRED = ['justice', 'corrections'] as const;
type PairedSector = typeof PAIRED[number];

/** The earliest-starting objective of a sector, and whether the sector has an undated one. */
interface SectorStart { first?: ast.Objective; start: Month; undated: boolean; any: boolean }

/**
 * RULES.md: a policing objective with capability activities needs a justice and a corrections
 * objective that have started in or before the month its earliest capability activity starts.
 * The earliest start of each paired sector is computed once: linear in objectives and activities.
 * An undated justice or corrections objective cannot be placed in time and is given the benefit of
 * the doubt; a policing objective whose capability activities have no dates needs only that the
 * paired objectives exist.
 */
export const sequencingPoliceJustice: Rule = {
    id: 'sequencing/police-justice',
    severity: 'warning',
    description: 'A policing objective builds capability before any justice or corrections objective has started.',
    check({ model, time, vocabulary, report }) {
        const starts: Record<PairedSector, SectorStart> = { justice: { start: Infinity, undated: false, any: false }, corrections: { start: Infinity, undated: false, any: false } };
        for (const objective of model.objectives) {
            if (objective.sector !== 'justice' && objective.sector !== 'corrections') continue;
            const entry = starts[objective.sector];
            entry.any = true;
            const span = time.objective(objective);
            if (!span) entry.undated = true;
            else if (span.start < entry.start) { entry.start = span.start; entry.first = objective; }
        }
        // What the quick fixes need from the whole strategy, gathered once, when first needed.
        let names: FixNames | undefined;
        const fixNames = () => names ??= {
            objectives: new Set(model.objectives.map(o => o.name)),
            activities: new Set(model.activities.map(a => a.name)),
            leads: pairedLeads(model, vocabulary),
        };
        for (const objective of model.objectives) {
            if (objective.sector !== 'policing') continue;
            let earliest: ast.Activity | undefined, earliestStart = Infinity, hasCapability = false;
            for (const activity of objective.activities) {
                if (!vocabulary.isCapability(activity.type)) continue;
                hasCapability = true;
                const span = time.activity(activity);
                if (span && span.start < earliestStart) { earliestStart = span.start; earliest = activity; }
            }
            if (!hasCapability) continue;
            const unpaired = PAIRED.filter(sector => {
                const entry = starts[sector];
                return !entry.any || (!entry.undated && earliest !== undefined && entry.start > earliestStart);
            });
            if (unpaired.length === 0) continue;
            const problems = unpaired.map(sector => {
                const entry = starts[sector];
                return entry.first ? `the first ${sector} objective, ${describe(entry.first)}, starts only ${formatMonth(entry.start)}` : `there is no ${sector} objective`;
            });
            const when = earliest ? `its first capability activity, ${describe(earliest)}, starts ${formatMonth(earliestStart)}` : 'it builds police capability';
            report({
                node: objective, property: ast.Objective.name,
                message: `${capitalize(describe(objective))} builds police capability (${when}), but ${listInWords(problems)}. Arrests need courts to try them and prisons to hold them: the guidance asks to link security and justice, and courts and prisons that arrive years later leave the arrests of those years nowhere to go. Add ${listInWords(unpaired.map(s => `a ${s} objective`))} alongside it, starting by ${earliest ? formatMonth(earliestStart) : 'the time it builds capability'}.`,
                fix: pairedObjectivesFix(time, fixNames(), objective, unpaired, earliest ? earliestStart : undefined),
            });
        }
    },
};

/**
 * Quick fix: the missing or late paired objectives, inserted after the policing objective in one
 * edit, `alongside` it and starting in time so that the finding is resolved: in its phases when
 * they start by its earliest capability activity, else with one activity from that month to the
 * end of the policing objective.
 */
function pairedObjectivesFix(time: TimeModel, names: FixNames, objective: ast.Objective, sectors: readonly PairedSector[], earliestStart: Month | undefined): FixData | undefined {
    const end = objective.$cstNode?.range.end;
    if (!end || !objective.name) return undefined;
    const phases = objective.phases.filter(p => p.ref?.name);
    const phaseStart = phases.reduce((min, p) => Math.min(min, time.phase(p.ref)?.start ?? Infinity), Infinity);
    const usePhases = phases.length > 0 && Number.isFinite(phaseStart) && (earliestStart === undefined || phaseStart <= earliestStart);
    const span = time.objective(objective);
    const chosen = new Set<string>(); // names this fix gives, so that its two skeletons differ too
    const unique = (taken: ReadonlySet<string | undefined>, base: string) => {
        let name = base;
        for (let i = 2; taken.has(name) || chosen.has(name); i++) name = `${base}${i}`;
        chosen.add(name);
        return name;
    };
    const skeletons = sectors.map(sector => {
        const name = unique(names.objectives, `${objective.name}${capitalize(sector)}`);
        const lead = names.leads[sector]?.name ?? leadsOf(objective).find(a => a.name)?.name ?? objective.leads[0]?.$refText ?? 'Lead';
        const title = sector === 'justice' ? 'Courts and prosecution able to handle the cases' : 'Prisons able to hold detainees humanely';
        const lines = [`objective ${name} "${title}" {`, `    sector ${sector}`, '    dimension institutional', '    level organizational', `    lead ${lead}`];
        if (usePhases) lines.push(`    in ${phases.map(p => p.$refText).join(', ')}`);
        lines.push(`    alongside ${objective.name}`);
        if (!usePhases && earliestStart !== undefined) {
            const activity = unique(names.activities, `${name}Reform`);
            lines.push('', `    activity ${activity} "${sector === 'justice' ? 'Case management and court capacity' : 'Prison standards and capacity'}" {`,
                '        type institutional-reform', `        from ${formatMonth(earliestStart)} to ${formatMonth(Math.max(earliestStart, span?.end ?? earliestStart))}`, '    }');
        }
        lines.push('}');
        return lines.join('\n');
    });
    return {
        edits: [{
            title: `Add ${sectors.length === 1 ? `a ${sectors[0]} objective` : listInWords(sectors) + ' objectives'} alongside ${objective.name}`,
            range: { start: end, end },
            newText: skeletons.map(s => `\n\n${s}`).join(''),
            preferred: true,
        }],
    };
}

/** The names a quick fix must not reuse, and who would lead each paired objective. */
interface FixNames {
    readonly objectives: ReadonlySet<string | undefined>;
    readonly activities: ReadonlySet<string | undefined>;
    readonly leads: Readonly<Record<PairedSector, ast.Actor | undefined>>;
}

/**
 * Who leads a paired objective: the actor that owns the sector (a justice ministry, the courts;
 * the corrections service, a justice ministry), else a management body; the policing objective's
 * lead when the strategy has neither. One pass over the actors.
 */
function pairedLeads(model: StrategyModel, vocabulary: Vocabulary): Record<PairedSector, ast.Actor | undefined> {
    const kinds: Record<PairedSector, readonly string[]> = { justice: ['justice-ministry', 'judiciary', 'prosecution'], corrections: ['corrections', 'justice-ministry'] };
    const firstOfKind = new Map<string, ast.Actor>();
    let justiceCategory: ast.Actor | undefined, management: ast.Actor | undefined;
    for (const actor of model.allActors) {
        if (!actor.name) continue;
        if (actor.kind && !firstOfKind.has(actor.kind)) firstOfKind.set(actor.kind, actor);
        const category = vocabulary.category(actor.kind);
        if (category === 'justice') justiceCategory ??= actor;
        if (category === 'management') management ??= actor;
    }
    const owner = (sector: PairedSector) => kinds[sector].map(k => firstOfKind.get(k)).find(a => a !== undefined);
    return { justice: owner('justice') ?? justiceCategory ?? management, corrections: owner('corrections') ?? management };
}
