/**
 * The model layer's services: the strategy model, the time model, the fiscal model and the
 * relation graph of a document, each computed once per build and cached until the document (or a
 * library it imports) changes. Rules, editor features, the summary and the diff ask these services;
 * nothing rebuilds a model by hand.
 */
import type { SsrConfigAddedServices } from '../config/config.js';
import type { SsrParsingServices } from '../parsing/scope.js';
import type { FiscalModelProvider } from './fiscal-model.js';
import type { RelationsProvider } from './relations.js';
import type { StrategyModelProvider } from './strategy-model.js';
import type { TimeModelProvider } from './time-model.js';

export interface SsrModelAddedServices {
    model: {
        StrategyModel: StrategyModelProvider;
        TimeModel: TimeModelProvider;
        FiscalModel: FiscalModelProvider;
        Relations: RelationsProvider;
    };
}

export type SsrModelServices = SsrParsingServices & SsrConfigAddedServices & SsrModelAddedServices;
