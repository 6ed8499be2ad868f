/**
 * The time model (LANGUAGE.md sections 3-4, RULES.md "Time semantics"): spans are inclusive
 * ranges of months; years expand to January-December. An objective runs from the first to the
 * last month of its phases and its activities' own spans; an activity without `in` or dates takes
 * its objective's span, with only `in P` it takes P's span. `services.model.TimeModel` computes it
 * once per build and document.
 */
import { DocumentCache, DocumentState, type AstNode, type LangiumCoreServices, type LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import type { StrategyModel, StrategyModelProvider } from './strategy-model.js';
import { rangeSpan, yearOf, type Month, type Span } from '../base/values.js';

export class TimeModel {
    readonly period?: Span;
    private readonly phaseSpans = new Map<ast.Phase, Span | undefined>();
    private readonly objectiveSpans = new Map<ast.Objective, Span | undefined>();
    private readonly activitySpans = new Map<ast.Activity, Span | undefined>();
    private readonly periodYears: number[] = [];

    constructor(readonly model: StrategyModel) {
        this.period = validSpan(rangeSpan(model.strategy?.period)); // a reversed period (structure/bad-range) has no years
        if (this.period) for (let y = yearOf(this.period.start); y <= yearOf(this.period.end); y++) this.periodYears.push(y);
        for (const phase of model.phases) this.phaseSpans.set(phase, validSpan(rangeSpan(phase.range)));
        for (const objective of model.objectives) {
            const parts: (Span | undefined)[] = objective.phases.map(p => this.phase(p.ref));
            for (const activity of objective.activities) parts.push(this.ownActivitySpan(activity));
            const span = union(parts);
            this.objectiveSpans.set(objective, span);
            for (const activity of objective.activities) this.activitySpans.set(activity, this.ownActivitySpan(activity) ?? span);
        }
    }

    phase(phase: ast.Phase | undefined): Span | undefined {
        return phase ? this.phaseSpans.get(phase) ?? validSpan(rangeSpan(phase.range)) : undefined;
    }

    objective(objective: ast.Objective): Span | undefined {
        return this.objectiveSpans.get(objective);
    }

    activity(activity: ast.Activity): Span | undefined {
        return this.activitySpans.get(activity);
    }

    /** The span of an objective or activity. */
    of(node: AstNode | undefined): Span | undefined {
        if (ast.isObjective(node)) return this.objective(node);
        if (ast.isActivity(node)) return this.activity(node);
        if (ast.isPhase(node)) return this.phase(node);
        return undefined;
    }

    /** An activity's span from its own dates, or else its phases; undefined when it has neither. */
    private ownActivitySpan(activity: ast.Activity): Span | undefined {
        if (activity.range) return validSpan(rangeSpan(activity.range));
        if (activity.phases.length > 0) return union(activity.phases.map(p => this.phase(p.ref)));
        return undefined;
    }

    /** The years of the period, in order (none without a usable period). */
    get years(): readonly number[] {
        return this.periodYears;
    }

    /** Whether a year lies in the period. */
    inPeriod(year: number): boolean {
        return this.period !== undefined && year >= yearOf(this.period.start) && year <= yearOf(this.period.end);
    }
}

export class TimeModelProvider {
    protected readonly strategyModels: StrategyModelProvider;
    protected readonly cache: DocumentCache<string, TimeModel>;

    constructor(services: LangiumCoreServices & { model: { StrategyModel: StrategyModelProvider } }) {
        this.strategyModels = services.model.StrategyModel;
        this.cache = new DocumentCache(services.shared, DocumentState.Linked);
    }

    get(document: LangiumDocument): TimeModel {
        return this.cache.get(document.uri, 'time', () => new TimeModel(this.strategyModels.get(document)));
    }
}

/** A's first month is not later than B's last month. */
export const overlapsOrPrecedes = (a: Span, b: Span): boolean => a.start <= b.end;
export const overlaps = (a: Span, b: Span): boolean => a.start <= b.end && b.start <= a.end;

function union(spans: Iterable<Span | undefined>): Span | undefined {
    let result: Span | undefined;
    for (const span of spans) {
        if (!span) continue;
        result = result ? { start: Math.min(result.start, span.start), end: Math.max(result.end, span.end) } : { ...span };
    }
    return result;
}

function validSpan(span: Span | undefined): Span | undefined {
    return span && span.end >= span.start ? span : undefined;
}

/**
 * The first month in which something that is sequenced after this activity may start
 * (LANGUAGE.md section 4): the month after it ends, or, for a `rolling` activity (done intake by
 * intake), the month it starts: it has done its work for anything that starts once it has started.
 */
export const readyMonth = (activity: ast.Activity, span: Span): Month => activity.rolling ? span.start : span.end + 1;

/** The actors that lead an objective: one, or several for a joint lead (`lead UNMIL, LNP`); unresolved ones left out. */
export function leadsOf(objective: ast.Objective | undefined): ast.Actor[] {
    return objective ? objective.leads.map(l => l.ref).filter((a): a is ast.Actor => a !== undefined) : [];
}

/** The objective an activity belongs to. */
export const objectiveOf = (activity: ast.Activity): ast.Objective | undefined =>
    ast.isObjective(activity.$container) ? activity.$container : undefined;

/** The actors an activity works on: its `targets`, or else every lead of its objective (LANGUAGE.md section 4). */
export function activityTargets(activity: ast.Activity): ast.Actor[] {
    if (activity.targets.length > 0) return activity.targets.map(t => t.ref).filter((a): a is ast.Actor => a !== undefined);
    return leadsOf(objectiveOf(activity));
}

/** Who carries an activity out: its `by`, or else its objective's leads. */
export function implementersOf(activity: ast.Activity): ast.Actor[] {
    if (activity.by) return activity.by.ref ? [activity.by.ref] : [];
    return leadsOf(objectiveOf(activity));
}
