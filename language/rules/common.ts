/** Small helpers shared by the domain rules. */
import * as ast from '../generated/ast.js';
import type { StrategyModel } from '../model/strategy-model.js';
import type { Vocabulary } from '../base/taxonomy.js';
import type { FindingInput } from './rule.js';

/** Where "at the strategy title" points: the title, or the `strategy` keyword when it has none. */
export function atStrategyTitle(model: StrategyModel): Pick<FindingInput, 'node' | 'property' | 'keyword'> | undefined {
    const strategy = model.strategy;
    if (!strategy) return undefined;
    return strategy.title ? { node: strategy, property: ast.Strategy.title } : { node: strategy, keyword: 'strategy' };
}

/** Whether an actor's kind is of this category in the vocabulary. */
export const isOfCategory = (vocabulary: Vocabulary, actor: ast.Actor | undefined, category: string): boolean => vocabulary.category(actor?.kind) === category;
export const isProvider = (vocabulary: Vocabulary, actor: ast.Actor | undefined): boolean => isOfCategory(vocabulary, actor, 'provider');
export const isExternalActor = (vocabulary: Vocabulary, actor: ast.Actor | undefined): boolean => isOfCategory(vocabulary, actor, 'external');

/** A national actor: its category is known and not external, and it does not work at regional or international level. */
export function isNationalActor(vocabulary: Vocabulary, actor: ast.Actor | undefined): boolean {
    const category = vocabulary.category(actor?.kind);
    return actor !== undefined && category !== undefined && category !== 'external' && actor.jurisdiction !== 'international' && actor.jurisdiction !== 'regional';
}

/** Actors that lead or partner an objective. */
export function involvedActors(objective: ast.Objective): ast.Actor[] {
    return [...objective.leads, ...objective.partners].map(r => r.ref).filter((a): a is ast.Actor => a !== undefined);
}

