import type * as ast from '../../generated/ast.js';
import { leadsOf } from '../../model/time-model.js';
import { formatMonth, type Month } from '../../base/values.js';
import { listInWords } from '../../base/format.js';
import { nameOf } from '../../base/declarations.js';
import type { Rule } from '../rule.js';
import { atStrategyTitle, isExternalActor, isNationalActor, isOfCategory } from '../common.js';

/** An objective led by one external actor alone, placed in time. */
interface SoloLed { objective: ast.Objective; donor: ast.Actor; sector: string; start: Month; end: Month }

/**
 * RULES.md: two different external actors each lead, alone, an objective in a different sector,
 * the two overlap in time, and no `coordination` activity of an objective led by a national
 * management actor has started in or before the month they begin to overlap. Once, at the
 * strategy title, listing each sector with its lead donor.
 *
 * Two objectives begin to overlap at the later of their starts, so a coordination activity that
 * starts in month C comes too late for a pair exactly when both start before C: only objectives
 * that start before C take part. Whether one of them has a partner (overlapping, another donor,
 * another sector) is counted by inclusion-exclusion over overlap counts — all, same donor, same
 * sector, same donor and sector — each count two binary searches in sorted starts and ends:
 * n·log n, never a walk over every pair.
 */
export const ownershipSectorLeadDonors: Rule = {
    id: 'ownership/sector-lead-donors',
    severity: 'warning',
    description: 'The plan divides the sector among lead donors, with no national coordination in place when their objectives overlap.',
    check({ model, time, vocabulary, report }) {
        const where = atStrategyTitle(model);
        if (!where) return;
        let coordinationStart = Infinity;
        for (const activity of model.activities) {
            if (activity.type !== 'coordination') continue;
            const objective = activity.$container;
            if (!leadsOf(objective).some(l => isOfCategory(vocabulary, l, 'management') && isNationalActor(vocabulary, l))) continue;
            const span = time.activity(activity);
            coordinationStart = Math.min(coordinationStart, span ? span.start : -Infinity); // undated: given the benefit of the doubt
        }
        const solo: SoloLed[] = [];
        for (const objective of model.objectives) {
            const leads = leadsOf(objective);
            const span = time.objective(objective);
            if (objective.leads.length !== 1 || leads.length !== 1 || !isExternalActor(vocabulary, leads[0]) || !objective.sector || !span) continue;
            if (span.start >= coordinationStart) continue;
            solo.push({ objective, donor: leads[0], sector: objective.sector, start: span.start, end: span.end });
        }
        if (solo.length < 2) return;
        const overlapCount = overlapCounter(solo);
        // Another donor's objective in another sector overlaps it: all − same donor − same sector + both.
        const divided = solo.filter(s => overlapCount(s, 'all') - overlapCount(s, 'donor') - overlapCount(s, 'sector') + overlapCount(s, 'both') > 0);
        if (divided.length === 0) return;
        // Each sector with its lead donor(s), in document order.
        const bySector = new Map<string, Set<string>>();
        for (const s of divided) {
            const donors = bySector.get(s.sector) ?? new Set<string>();
            donors.add(nameOf(s.donor));
            bySector.set(s.sector, donors);
        }
        // A few donors per sector are named; a plan with dozens says how many more.
        const named = (donors: string[]) => donors.length <= 3 ? donors : [...donors.slice(0, 3), `${donors.length - 3} others`];
        const sectors = [...bySector].map(([sector, donors]) => `${sector} led by ${listInWords(named([...donors]))}`);
        const firstOverlap = divided.reduce((min, s) => Math.min(min, s.start), Infinity);
        const coordination = Number.isFinite(coordinationStart)
            ? `the first coordination activity of an objective led by a national management body starts only ${formatMonth(coordinationStart)}`
            : 'no coordination activity of an objective led by a national management body is scheduled';
        report({
            ...where,
            message: `The plan divides the sector among lead donors — ${listInWords(sectors)} — with overlapping objectives, and ${coordination}. Establishing lead donors over particular sectors tends to territorialize the process and foster donor turf wars; the guidance makes the partner government's executive the focal point of coordination. Add a coordination activity, in an objective led by the national security council or another national management body, that starts by ${formatMonth(firstOverlap)}, when the first of these objectives starts, or lead these objectives jointly with national actors.`,
        });
    },
};

/**
 * Counts, for an interval, the intervals of a group that overlap it (itself included): those that
 * start by its end minus those that end before its start. Groups: all, per donor, per sector, per
 * donor and sector.
 */
function overlapCounter(items: readonly SoloLed[]): (item: SoloLed, group: 'all' | 'donor' | 'sector' | 'both') => number {
    const donorIds = new Map<ast.Actor, number>();
    const keys = (item: SoloLed) => {
        let donor = donorIds.get(item.donor);
        if (donor === undefined) donorIds.set(item.donor, donor = donorIds.size);
        return { all: 'all', donor: `d${donor}`, sector: `s:${item.sector}`, both: `b${donor}:${item.sector}` };
    };
    const groups = new Map<string, { starts: number[]; ends: number[] }>();
    for (const item of items) {
        for (const key of Object.values(keys(item))) {
            const group = groups.get(key) ?? { starts: [], ends: [] };
            group.starts.push(item.start);
            group.ends.push(item.end);
            groups.set(key, group);
        }
    }
    for (const group of groups.values()) {
        group.starts.sort((a, b) => a - b);
        group.ends.sort((a, b) => a - b);
    }
    return (item, which) => {
        const group = groups.get(keys(item)[which]);
        if (!group) return 0;
        return countAtMost(group.starts, item.end) - countBelow(group.ends, item.start);
    };
}

/** How many sorted values are ≤ x. */
function countAtMost(sorted: readonly number[], x: number): number {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
    }
    return lo;
}

/** How many sorted values are < x. */
function countBelow(sorted: readonly number[], x: number): number {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < x) lo = mid + 1; else hi = mid;
    }
    return lo;
}
