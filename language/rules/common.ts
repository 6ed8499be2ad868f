/** Small helpers shared by the domain rules. */
import * as ast from '../generated/ast.js';
import type { StrategyModel } from '../model/strategy-model.js';
import { actorCategory, CAPABILITY_ACTIVITY_TYPES } from '../base/taxonomy.js';
import type { FindingInput } from './rule.js';

/** Where "at the strategy title" points: the title, or the `strategy` keyword when it has none. */
export function atStrategyTitle(model: StrategyModel): Pick<FindingInput, 'node' | 'property' | 'keyword'> | undefined {
    const strategy = model.strategy;
    if (!strategy) return undefined;
    return strategy.title ? { node: strategy, property: ast.Strategy.title } : { node: strategy, keyword: 'strategy' };
}

export const isCapability = (activity: ast.Activity): boolean => activity.type !== undefined && CAPABILITY_ACTIVITY_TYPES.has(activity.type);
export const categoryOf = (actor: ast.Actor | undefined) => actorCategory(actor?.kind);
export const isProvider = (actor: ast.Actor | undefined): boolean => categoryOf(actor) === 'provider';
export const isExternalActor = (actor: ast.Actor | undefined): boolean => categoryOf(actor) === 'external';

/** Actors that lead or partner an objective. */
export function involvedActors(objective: ast.Objective): ast.Actor[] {
    return [objective.lead?.ref, ...objective.partners.map(p => p.ref)].filter((a): a is ast.Actor => a !== undefined);
}

