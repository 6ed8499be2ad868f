import { describe } from '../../base/declarations.js';
import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

export const sequencingDdrLink: Rule = {
    id: 'sequencing/ddr-link',
    severity: 'warning',
    description: 'A DDR objective is not linked to a defence or policing objective, or a post-conflict strategy has no DDR objective.',
    check({ model, report }) {
        // Linear: the inner loop reads each objective's or activity's own after/alongside references once.
        const ddr = model.objectives.filter(o => o.sector === 'ddr');
        if (ddr.length === 0) {
            const where = atStrategyTitle(model);
            if (where && model.strategy?.context === 'post-conflict') {
                report({ ...where, severity: 'info', message: 'The strategy is set in a post-conflict context but has no objective in sector ddr. Disarmament, demobilisation and reintegration of former combatants is closely tied to SSR after conflict; consider whether it belongs in this strategy.' });
            }
            return;
        }
        const security = (o: ast.Objective | undefined) => o !== undefined && (o.sector === 'defence' || o.sector === 'policing');
        const ownerObjective = (n: ast.Objective | ast.Activity): ast.Objective | undefined => ast.isObjective(n) ? n : (ast.isObjective(n.$container) ? n.$container : undefined);
        const linked = new Set<ast.Objective>();
        for (const from of [...model.objectives, ...model.activities]) {
            for (const reference of [...from.after, ...from.alongside]) {
                const to = reference.ref;
                if (!ast.isObjective(to) && !ast.isActivity(to)) continue;
                const a = ownerObjective(from), b = ownerObjective(to);
                if (a?.sector === 'ddr' && security(b)) linked.add(a);
                if (b?.sector === 'ddr' && security(a)) linked.add(b);
            }
        }
        for (const objective of ddr) {
            if (linked.has(objective)) continue;
            report({
                node: objective, property: ast.Objective.name,
                message: `DDR ${describe(objective)} is not linked by 'after' or 'alongside' to any defence or policing objective. Demobilised combatants must be absorbed or replaced by reformed forces: the guidance treats DDR and SSR as one nexus. Link it to a defence or policing objective.`,
            });
        }
    },
};
