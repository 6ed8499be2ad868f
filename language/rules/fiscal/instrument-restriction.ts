import * as ast from '../../generated/ast.js';
import { activityTargets } from '../../model/time-model.js';
import type { Rule } from '../rule.js';
import type { Severity } from '../../base/severity.js';

const ECONOMIC = ['economic-support', 'development-assistance'];
const MILITARY = ['foreign-military-financing', 'imet', 'dod-security-cooperation'];
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export const fiscalInstrumentRestriction: Rule = {
    id: 'fiscal/instrument-restriction',
    severity: 'error',
    description: 'A funding instrument supports an objective its legal authority restricts.',
    check({ model, report }) {
        const postConflict = model.strategy?.context === 'post-conflict';
        for (const funding of model.fundings) {
            const instrument = funding.instrument;
            if (!instrument) continue;
            funding.supports.forEach(reference => {
                const objective = reference.ref;
                if (!objective) return;
                const clauses: { severity: Severity; why: string }[] = [];
                const targets = objective.activities.flatMap(activityTargets);
                if (ECONOMIC.includes(instrument) && (objective.sector === 'defence' || targets.some(a => a.kind === 'armed-forces'))) {
                    clauses.push({ severity: 'error', why: `${instrument} funds may not be used for military purposes, and objective '${objective.name}' is a defence objective or works on the armed forces` });
                }
                if (MILITARY.includes(instrument) && objective.sector === 'policing') {
                    clauses.push({ severity: 'warning', why: `military assistance (${instrument}) to civilian policing, as in objective '${objective.name}', is generally not authorised` });
                }
                if (ECONOMIC.includes(instrument) && objective.activities.some(a => a.type === 'training' && activityTargets(a).some(t => ['police', 'gendarmerie', 'corrections'].includes(t.kind ?? '')))) {
                    clauses.push({ severity: postConflict ? 'info' : 'warning', why: `${instrument} funds training for police or prisons in objective '${objective.name}', which the statutory prohibition on assistance to foreign police forbids unless an exception applies${postConflict ? ' (the exception for reconstituting civilian police after conflict may apply here)' : ''}; consult counsel` });
                }
                if (clauses.length === 0) return;
                const top = clauses.reduce((a, b) => RANK[b.severity] > RANK[a.severity] ? b : a);
                report({
                    node: funding, property: ast.Funding.instrument, severity: top.severity,
                    key: objective.name,
                    message: `Funding line '${funding.name}': ${clauses.map(c => c.why).join('; ')}. Use an instrument whose legal authority covers this purpose.`,
                });
            });
        }
    },
};
