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
    /** The field's value(s) on a node of its type, through the generated types. */
    readonly read: (node: AstNode) => unknown;
}

/** A term field of the nodes a guard accepts. */
function field<T extends AstNode, K extends keyof T & string>(type: { $type: T['$type'] }, guard: (node: unknown) => node is T, property: K, taxonomy: TaxonomyName, keyword: string): TermField {
    // The exact $type, not the guard: fields are looked up by node type, and the guard's subtype
    // check would cost a lookup per node and field on every check.
    const isOfType = (node: AstNode): node is T => node.$type === type.$type || guard(node);
    return { type: type.$type, property, taxonomy, keyword, read: node => isOfType(node) ? node[property] : undefined };
}

const TERM_FIELDS: readonly TermField[] = [
    field(ast.Strategy, ast.isStrategy, 'context', 'context', 'context'),
    field(ast.Strategy, ast.isStrategy, 'approach', 'approach', 'approach'),
    field(ast.Scope, ast.isScope, 'sectors', 'sector', 'scope'),
    field(ast.Actor, ast.isActor, 'kind', 'actorKind', 'kind'),
    field(ast.Actor, ast.isActor, 'jurisdiction', 'jurisdiction', 'jurisdiction'),
    field(ast.Phase, ast.isPhase, 'stage', 'stage', 'stage'),
    field(ast.Objective, ast.isObjective, 'sector', 'sector', 'sector'),
    field(ast.Objective, ast.isObjective, 'dimensions', 'dimension', 'dimension'),
    field(ast.Objective, ast.isObjective, 'levels', 'level', 'level'),
    field(ast.Objective, ast.isObjective, 'themes', 'theme', 'themes'),
    field(ast.Activity, ast.isActivity, 'type', 'activityType', 'type'),
    field(ast.Benchmark, ast.isBenchmark, 'type', 'benchmarkType', 'type'),
    field(ast.Benchmark, ast.isBenchmark, 'source', 'source', 'source'),
    field(ast.Funding, ast.isFunding, 'instrument', 'instrument', 'instrument'),
];

const FIELDS_BY_TYPE = new Map<string, TermField[]>();
for (const f of TERM_FIELDS) FIELDS_BY_TYPE.set(f.type, [...(FIELDS_BY_TYPE.get(f.type) ?? []), f]);

export function termField(type: string, property: string): TermField | undefined {
    return FIELDS_BY_TYPE.get(type)?.find(f => f.property === property);
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
    forEachTerm(node, (field, value, index) => { result.push(index === undefined ? { node, field, value } : { node, field, value, index }); });
    return result;
}

/** Every term written on a node, without building a list (the checks read every declaration's terms on every build). */
export function forEachTerm(node: AstNode, visit: (field: TermField, value: string, index: number | undefined) => void): void {
    for (const field of FIELDS_BY_TYPE.get(node.$type) ?? []) {
        const value = field.read(node);
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const v: unknown = value[index];
                if (typeof v === 'string' && v) visit(field, v, index);
            }
        } else if (typeof value === 'string' && value) {
            visit(field, value, undefined);
        }
    }
}
