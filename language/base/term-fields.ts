/**
 * Where taxonomy terms are written: each (declaration type, property) and the taxonomy it draws
 * from. Validation, completion, hover and semantic highlighting all read this one table.
 */
import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import type { TaxonomyName } from './taxonomy.js';

export interface TermField {
    readonly type: string;
    readonly property: string;
    readonly taxonomy: TaxonomyName;
    /** The keyword that introduces the field, for completion and messages. */
    readonly keyword: string;
}

const TERM_FIELDS: readonly TermField[] = [
    { type: ast.Strategy.$type, property: ast.Strategy.context, taxonomy: 'context', keyword: 'context' },
    { type: ast.Strategy.$type, property: ast.Strategy.approach, taxonomy: 'approach', keyword: 'approach' },
    { type: ast.Scope.$type, property: ast.Scope.sectors, taxonomy: 'sector', keyword: 'scope' },
    { type: ast.Actor.$type, property: ast.Actor.kind, taxonomy: 'actorKind', keyword: 'kind' },
    { type: ast.Actor.$type, property: ast.Actor.jurisdiction, taxonomy: 'jurisdiction', keyword: 'jurisdiction' },
    { type: ast.Phase.$type, property: ast.Phase.stage, taxonomy: 'stage', keyword: 'stage' },
    { type: ast.Objective.$type, property: ast.Objective.sector, taxonomy: 'sector', keyword: 'sector' },
    { type: ast.Objective.$type, property: ast.Objective.dimensions, taxonomy: 'dimension', keyword: 'dimension' },
    { type: ast.Objective.$type, property: ast.Objective.levels, taxonomy: 'level', keyword: 'level' },
    { type: ast.Objective.$type, property: ast.Objective.themes, taxonomy: 'theme', keyword: 'themes' },
    { type: ast.Activity.$type, property: ast.Activity.type, taxonomy: 'activityType', keyword: 'type' },
    { type: ast.Benchmark.$type, property: ast.Benchmark.type, taxonomy: 'benchmarkType', keyword: 'type' },
    { type: ast.Benchmark.$type, property: ast.Benchmark.source, taxonomy: 'source', keyword: 'source' },
    { type: ast.Funding.$type, property: ast.Funding.instrument, taxonomy: 'instrument', keyword: 'instrument' },
];

export function termField(type: string, property: string): TermField | undefined {
    return TERM_FIELDS.find(f => f.type === type && f.property === property);
}

export interface TermOccurrence {
    readonly node: AstNode;
    readonly field: TermField;
    readonly value: string;
    /** Index in a list property, or undefined for a single-valued one. */
    readonly index?: number;
}

/** Every term written on a node. */
export function termsOf(node: AstNode): TermOccurrence[] {
    const result: TermOccurrence[] = [];
    for (const field of TERM_FIELDS) {
        if (field.type !== node.$type) continue;
        const value = (node as unknown as Record<string, unknown>)[field.property];
        if (Array.isArray(value)) {
            value.forEach((v, index) => typeof v === 'string' && v && result.push({ node, field, value: v, index }));
        } else if (typeof value === 'string' && value) {
            result.push({ node, field, value });
        }
    }
    return result;
}
