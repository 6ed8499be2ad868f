import { formatMoney } from '../../base/format.js';
import { isMaterial } from '../../model/fiscal-model.js';
import { overlaps } from '../../model/time-model.js';
import { monthIndex, type Span } from '../../base/values.js';
import type { Rule } from '../rule.js';
import { atStrategyTitle } from '../common.js';

export const fiscalDonorTaper: Rule = {
    id: 'fiscal/donor-taper',
    severity: 'warning',
    description: 'External funding grows during consolidation, or its final-year share exceeds the maximum.',
    check({ model, time, fiscal, report }) {
        // O(p + Y·c): each of the Y years is tested against the c consolidation phase spans (linear in the phases for a given period).
        const where = atStrategyTitle(model);
        if (!where) return;
        const consolidation = model.phases.filter(p => p.stage === 'consolidation').map(p => time.phase(p)).filter((s): s is Span => s !== undefined);
        const inConsolidation = (year: number) => consolidation.some(s => overlaps(s, { start: monthIndex(year, 1), end: monthIndex(year, 12) }));
        for (let i = 1; i < fiscal.years.length; i++) {
            const previous = fiscal.years[i - 1], current = fiscal.years[i];
            if (!inConsolidation(previous.year) || !inConsolidation(current.year)) continue;
            if (!isMaterial(current.external - previous.external)) continue;
            report({
                ...where,
                key: String(current.year),
                message: `External funding grows during consolidation, from ${formatMoney(previous.external, fiscal.currency)} in ${previous.year} to ${formatMoney(current.external, fiscal.currency)} in ${current.year}. Funding responsibility should pass incrementally to the state: taper external funding in the consolidation phase.`,
            });
        }
        const final = fiscal.years[fiscal.years.length - 1];
        const total = final ? final.external + final.domestic : 0;
        if (final && isMaterial(total) && final.external / total - fiscal.maxExternalShare > 1e-9) {
            report({
                ...where,
                key: 'max-external-share',
                message: `In ${final.year}, the final year, ${Math.round((final.external / total) * 1000) / 10}% of funding is external (${formatMoney(final.external, fiscal.currency)} of ${formatMoney(total, fiscal.currency)}), above the maximum external share of ${Math.round(fiscal.maxExternalShare * 1000) / 10}%. Funding responsibility should pass to the state by the end of the strategy: increase domestic funding or taper donor funding.`,
            });
        }
    },
};
