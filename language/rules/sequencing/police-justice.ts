import * as ast from '../../generated/ast.js';
import { overlapsOrPrecedes } from '../../model/time-model.js';
import type { Rule } from '../rule.js';


export const sequencingPoliceJustice: Rule = {
    id: 'sequencing/police-justice',
    severity: 'warning',
    description: 'A policing objective builds capability with no justice or corrections objective overlapping or preceding it.',
    check({ model, time, vocabulary, report }) {
        const sectorSpans = (sector: string) => model.objectives.filter(o => o.sector === sector).map(o => time.objective(o));
        const justice = sectorSpans('justice'), corrections = sectorSpans('corrections');
        for (const objective of model.objectives) {
            if (objective.sector !== 'policing' || !objective.activities.some(a => vocabulary.isCapability(a.type))) continue;
            const span = time.objective(objective);
            const paired = (spans: typeof justice) => spans.some(s => s !== undefined && (span === undefined || overlapsOrPrecedes(s, span)));
            const missing = [!paired(justice) && 'justice', !paired(corrections) && 'corrections'].filter((x): x is string => Boolean(x));
            if (missing.length === 0) continue;
            const end = objective.$cstNode?.range.end;
            const lead = model.allActors.find(a => ['justice', 'management'].includes(vocabulary.category(a.kind) ?? '') && a.name)?.name ?? objective.lead?.$refText ?? 'Lead';
            const phases = objective.phases.map(p => p.$refText).join(', ');
            report({
                node: objective, property: ast.Objective.name,
                message: `Policing objective '${objective.name}' builds police capability, but no ${missing.join(' and no ')} objective overlaps or precedes it. Arrests need courts to try them and prisons to hold them: the guidance asks to link security and justice. Add a ${missing.join(' and a ')} objective alongside it.`,
                fix: end ? {
                    edits: missing.map((sector, i) => ({
                        title: `Add a ${sector} objective alongside ${objective.name}`,
                        range: { start: end, end },
                        newText: `\n\nobjective ${objective.name}${sector === 'justice' ? 'Justice' : 'Corrections'} "${sector === 'justice' ? 'Courts and prosecution able to handle the cases' : 'Prisons able to hold detainees humanely'}" {\n    sector ${sector}\n    dimension institutional\n    level organizational\n    lead ${lead}\n${phases ? `    in ${phases}\n` : ''}    alongside ${objective.name}\n}`,
                        preferred: i === 0,
                    })),
                } : undefined,
            });
        }
    },
};
