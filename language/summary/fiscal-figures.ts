/**
 * The fiscal numbers the summary shows, read from the fiscal model (language/model/fiscal-model.ts),
 * never recomputed.
 */
import type * as ast from '../generated/ast.js';
import type { StrategyModel } from '../model/strategy-model.js';
import type { ResolvedConfig } from '../config.js';

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

export function fiscalFigures(_model: StrategyModel, _config: ResolvedConfig): FiscalFigures {
    // Wired to the fiscal model when it lands.
    return { totals: { cost: 0, capital: 0, recurrent: 0, external: 0, domestic: 0, gap: 0 }, years: [], objectives: new Map() };
}
