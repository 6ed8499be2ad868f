/**
 * The fiscal numbers the summary shows, read from the fiscal model (language/model/fiscal-model.ts),
 * never recomputed.
 */
import type * as ast from '../generated/ast.js';
import type { StrategyModel } from '../model/strategy-model.js';
import type { ResolvedConfig } from '../config.js';
import { fiscalModelOf } from '../model/fiscal-model.js';

export interface YearRow {
    year: number;
    capital: number;
    recurrent: number;
    cost: number;
    external: number;
    domestic: number;
    gap: number;
    affordable?: number;
}

export interface FiscalFigures {
    totals: { cost: number; capital: number; recurrent: number; external: number; domestic: number; gap: number };
    years: YearRow[];
    objectives: Map<ast.Objective, { cost: number; funded: number; gap: number }>;
}

export function fiscalFigures(model: StrategyModel, config: ResolvedConfig): FiscalFigures {
    const fiscal = fiscalModelOf(model, config);
    return {
        totals: { ...fiscal.totals },
        years: fiscal.years.map(y => ({
            year: y.year, capital: y.capital, recurrent: y.recurrent, cost: y.cost, external: y.external, domestic: y.domestic, gap: y.gap,
            ...(y.affordable !== undefined ? { affordable: y.affordable } : {}),
        })),
        objectives: new Map([...fiscal.objectives].map(([o, f]) => [o, { cost: f.cost, funded: f.funded, gap: f.gap }])),
    };
}
