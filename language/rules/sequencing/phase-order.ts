import { describe } from '../../base/declarations.js';
import { capitalize } from '../../base/format.js';
import * as ast from '../../generated/ast.js';
import { formatMonth } from '../../base/values.js';
import type { Rule } from '../rule.js';

const STAGES = ['preparatory', 'implementation', 'consolidation'];

export const sequencingPhaseOrder: Rule = {
    id: 'sequencing/phase-order',
    severity: 'error',
    description: 'A phase of a later stage starts before the first phase of an earlier stage, or an activity lies outside its phase.',
    check({ model, time, report }) {
        // Linear: the inner scans cover the three stages and each activity's own phases.
        const firstStart = new Map<string, { start: number; phase: ast.Phase }>();
        for (const phase of model.phases) {
            const span = time.phase(phase);
            if (!span || !phase.stage || !STAGES.includes(phase.stage)) continue;
            const current = firstStart.get(phase.stage);
            if (!current || span.start < current.start) firstStart.set(phase.stage, { start: span.start, phase });
        }
        for (const phase of model.phases) {
            const span = time.phase(phase);
            const rank = phase.stage ? STAGES.indexOf(phase.stage) : -1;
            if (!span || rank <= 0) continue;
            const earlier = STAGES.slice(0, rank).map(s => firstStart.get(s)).find(f => f && span.start < f.start);
            if (!earlier) continue;
            report({
                node: phase, property: ast.Phase.name,
                message: `${capitalize(describe(phase))} (${phase.stage}) starts ${formatMonth(span.start)}, before the ${earlier.phase.stage} ${describe(earlier.phase)} starts (${formatMonth(earlier.start)}). The guidance orders SSR in three interlinked phases: preparatory, main implementation, consolidation. Reorder the dates or the stages.`,
            });
        }
        for (const activity of model.activities) {
            if (!activity.range || activity.phases.length === 0) continue;
            const own = time.activity(activity);
            if (!own) continue;
            const inside = activity.phases.some(p => {
                const span = time.phase(p.ref);
                return span !== undefined && own.start >= span.start && own.end <= span.end;
            });
            if (inside || activity.phases.every(p => time.phase(p.ref) === undefined)) continue;
            report({
                node: activity, property: ast.Activity.name,
                message: `${capitalize(describe(activity))} (${formatMonth(own.start)} to ${formatMonth(own.end)}) lies outside its phase ${activity.phases.map(p => `'${p.$refText}'`).join(', ')}. An activity's dates must lie inside the phase it belongs to: change the dates or the phase.`,
            });
        }
    },
};
