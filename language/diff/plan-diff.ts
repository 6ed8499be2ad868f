/**
 * What changed in meaning between two versions of a strategy (CLI.md `ssr diff`): declarations
 * added, removed, renamed or changed field by field; the year-by-year change in cost, external and
 * domestic funding and gap (from the fiscal model); findings that appeared, were resolved or changed.
 *
 * Declarations are paired by kind and name; those left over are paired by similarity (title,
 * fields, the declarations that refer to them, name, position), so that a declaration renamed and
 * edited in one change reads "renamed A → B" with its field changes, and the references that only
 * follow the rename are not changes. Findings are paired by identity (validation/identity.ts),
 * read through those renames: a renamed objective keeps its findings.
 *
 * Either version may be missing: a new strategy (everything added) or a removed one.
 */
import type { AstNode, LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import { declarationKind } from '../base/declarations.js';
import type { StrategyModel } from '../model/strategy-model.js';
import type { YearFigures } from '../model/fiscal-model.js';
import { toFinding, type FileFinding } from '../validation/findings.js';
import { declarationPath, identities, renameParts, type Renames } from '../validation/identity.js';
import type { SsrValidationServices } from '../validation/rule-engine.js';

interface FieldChange { field: string; before: string; after: string }
interface DeclarationChange { kind: string; name: string; fields: FieldChange[] }
interface Rename {
    kind: string;
    from: string;
    to: string;
    /** What else changed in it. */
    fields: FieldChange[];
    /** The declarations whose references follow the rename (not reported as changes). */
    references: string[];
}
interface YearChange { year: number; cost: [number, number]; external: [number, number]; domestic: [number, number]; gap: [number, number] }
interface FindingChange {
    ruleId: string;
    severity: string;
    message: string;
    /** Its identity in the head version (resolved findings: in the base, read through the renames). */
    identity: string;
    /** 1-based line in the head version (not for resolved findings). */
    line?: number;
}
interface ChangedFinding extends FindingChange {
    /** The base's finding; its message with the renamed names as they read in the head, so that only the change shows. */
    before: { severity: string; message: string };
}

export interface PlanDiff {
    /** `added`: there is no base version (a new strategy); `removed`: no head version. */
    status: 'changed' | 'added' | 'removed';
    added: { kind: string; name: string }[];
    removed: { kind: string; name: string }[];
    renamed: Rename[];
    changed: DeclarationChange[];
    years: YearChange[];
    findings: { appeared: FindingChange[]; resolved: FindingChange[]; changed: ChangedFinding[] };
}

/** The property names authors never see, shown by the keyword they write instead. */
const FIELD_WORDS: Record<string, string> = {
    phases: 'in', source: 'from', range: 'dates', perYear: 'per year', dimensions: 'dimension', levels: 'level',
    disaggregations: 'disaggregated by', maxExternalShare: 'max-external-share',
    // A joint lead is one field, `lead`, listing every lead; an activity's implementer is its `by`.
    leads: 'lead', revenues: 'revenue', growth: 'growing',
};

interface Field { text: string; reference: boolean }

/** The field texts of a declaration, whitespace-normalised, keyed by the field the author writes. */
function fieldsOf(node: AstNode): Map<string, Field> {
    const fields = new Map<string, Field>();
    for (const [property, value] of Object.entries(node)) {
        if (property.startsWith('$') || property === 'name' || property === 'activities' || property === 'costs') continue;
        const text = valueText(value);
        if (text !== undefined && text !== '') fields.set(FIELD_WORDS[property] ?? property, { text, reference: isReference(Array.isArray(value) ? value[0] : value) });
    }
    // Costs by kind (`cost capital`, `cost recurrent`), so that a changed cost is named.
    if (ast.isObjective(node)) {
        for (const cost of node.costs) {
            const field = `cost ${cost.kind ?? ''}`.trim();
            const text = (cost.$cstNode?.text ?? '').replace(/\s+/g, ' ').replace(/^cost\s+(capital|recurrent)?\s*/, '').trim();
            const before = fields.get(field);
            fields.set(field, { text: before ? `${before.text}, ${text}` : text, reference: false });
        }
    }
    return fields;
}

const isReference = (value: unknown): boolean => typeof value === 'object' && value !== null && typeof (value as { $refText?: unknown }).$refText === 'string';

function valueText(value: unknown): string | undefined {
    if (value === undefined || value === null || value === false) return undefined;
    if (value === true) return 'yes';
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(valueText).filter(v => v !== undefined).join(', ');
    if (typeof value === 'object') {
        const reference = value as { $refText?: string; $cstNode?: { text: string } };
        if (typeof reference.$refText === 'string') return reference.$refText;
        if (reference.$cstNode) return reference.$cstNode.text.replace(/\s+/g, ' ').trim();
    }
    return undefined;
}

/** A declaration as the diff sees it. */
interface Declaration {
    readonly node: ast.Declaration;
    readonly type: string;
    readonly kind: string;
    /** `PoliceReform`; activities `PoliceReform.PoliceVetting`. */
    readonly name: string;
    readonly simpleName: string;
    readonly parent?: string;
    readonly path: string;
    readonly title: string;
    readonly fields: Map<string, Field>;
    /** Position among the declarations of its type, from 0 to 1. */
    position: number;
    /** The names of the declarations that refer to it. */
    readonly referrers: Set<string>;
}

const TYPE_ORDER = ['Strategy', 'Fiscal', 'Actor', 'Phase', 'Objective', 'Benchmark', 'Funding', 'Activity'];

function declarations(model: StrategyModel | undefined): Map<string, Declaration> {
    const result = new Map<string, Declaration>();
    if (!model) return result;
    const add = (node: ast.Declaration, name: string | undefined, parent?: string) => {
        if (!name) return;
        const simpleName = ast.isNamedDeclaration(node) ? node.name : name;
        result.set(`${node.$type}\u0000${name}`, {
            node, type: node.$type, kind: declarationKind(node).label, name, simpleName, parent, path: declarationPath(node),
            title: (node as { title?: string }).title?.trim() ?? '', fields: fieldsOf(node), position: 0, referrers: new Set(),
        });
    };
    // Actors of the libraries the strategy imports count as its own (LANGUAGE.md): a library edit is a change of the plan.
    model.allActors.forEach(n => add(n, n.name));
    model.phases.forEach(n => add(n, n.name));
    model.objectives.forEach(n => add(n, n.name));
    for (const activity of model.activities) add(activity, activity.name && `${activity.$container.name ?? '?'}.${activity.name}`, activity.$container.name);
    model.benchmarks.forEach(n => add(n, n.name));
    model.fundings.forEach(n => add(n, n.name));
    if (model.strategy) add(model.strategy, 'strategy');
    if (model.fiscal) add(model.fiscal, 'fiscal');
    const byNode = new Map<AstNode, Declaration>([...result.values()].map(d => [d.node, d]));
    const counts = new Map<string, number>();
    for (const d of result.values()) {
        const i = counts.get(d.type) ?? 0;
        counts.set(d.type, i + 1);
        d.position = i;
    }
    for (const d of result.values()) {
        d.position = (counts.get(d.type) ?? 1) > 1 ? d.position / ((counts.get(d.type) ?? 1) - 1) : 0;
        for (const [property, value] of Object.entries(d.node)) {
            if (property.startsWith('$') || property === 'activities') continue;
            for (const item of Array.isArray(value) ? value : [value]) {
                const target = isReference(item) ? (item as { ref?: AstNode }).ref : undefined;
                const referred = target && byNode.get(target);
                if (referred) referred.referrers.add(d.name);
            }
        }
    }
    return result;
}

/** Dice's coefficient on letter pairs: 1 for equal texts, near 0 for unrelated ones. */
function dice(a: string, b: string): number {
    a = a.toLowerCase();
    b = b.toLowerCase();
    if (a === b) return 1;
    if (a.length < 2 || b.length < 2) return 0;
    const pairs = new Map<string, number>();
    for (let i = 0; i < a.length - 1; i++) pairs.set(a.slice(i, i + 2), (pairs.get(a.slice(i, i + 2)) ?? 0) + 1);
    let shared = 0;
    for (let i = 0; i < b.length - 1; i++) {
        const n = pairs.get(b.slice(i, i + 2)) ?? 0;
        if (n > 0) {
            shared++;
            pairs.set(b.slice(i, i + 2), n - 1);
        }
    }
    return (2 * shared) / (a.length + b.length - 2);
}

/** Reads a base text as it would read after the renames found so far. */
class RenameMap {
    readonly names = new Map<string, string>();
    /** Activities: `Objective.Activity` → new qualified name. */
    readonly qualified = new Map<string, string>();

    name(text: string): string {
        return this.qualified.get(text) ?? text.split('.').map(part => this.names.get(part) ?? part).join('.');
    }

    field(field: Field): string {
        return field.reference ? field.text.split(', ').map(v => this.name(v)).join(', ') : field.text;
    }

    /** A message with the renamed names replaced. */
    message(text: string): string {
        return this.names.size === 0 ? text : text.replace(/[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/g, n => this.names.get(n) ?? n);
    }
}

const SIMILAR_ENOUGH = 0.5;

/** How alike two declarations of one type are, from 0 to 1 (see the file comment). */
function similarity(b: Declaration, a: Declaration, renames: RenameMap): number {
    const parts: [number, number][] = [];
    if (b.title || a.title) parts.push([3, dice(b.title, a.title)]);
    const names = new Set([...b.fields.keys(), ...a.fields.keys()]);
    if (names.size > 0) {
        let equal = 0;
        for (const field of names) {
            const x = b.fields.get(field), y = a.fields.get(field);
            if (x && y && renames.field(x) === y.text) equal++;
        }
        parts.push([3, equal / names.size]);
    }
    const before = new Set([...b.referrers].map(r => renames.name(r)));
    if (before.size + a.referrers.size > 0) {
        const shared = [...before].filter(r => a.referrers.has(r)).length;
        parts.push([2.5, shared / new Set([...before, ...a.referrers]).size]);
    }
    if (b.parent !== undefined || a.parent !== undefined) parts.push([2, renames.name(b.parent ?? '') === a.parent ? 1 : 0]);
    parts.push([1, dice(b.simpleName, a.simpleName)]);
    parts.push([0.5, 1 - Math.abs(b.position - a.position)]);
    const weight = parts.reduce((sum, [w]) => sum + w, 0);
    return parts.reduce((sum, [w, s]) => sum + w * s, 0) / weight;
}

/** Pairs declarations of one type left over after pairing by name, most similar first. */
function pairBySimilarity(removed: Declaration[], added: Declaration[], renames: RenameMap): [Declaration, Declaration][] {
    const candidates: { b: Declaration; a: Declaration; score: number }[] = [];
    for (const b of removed) {
        for (const a of added) {
            const score = similarity(b, a, renames);
            if (score >= SIMILAR_ENOUGH) candidates.push({ b, a, score });
        }
    }
    candidates.sort((x, y) => y.score - x.score);
    const used = new Set<Declaration>();
    const pairs: [Declaration, Declaration][] = [];
    for (const { b, a } of candidates) {
        if (used.has(b) || used.has(a)) continue;
        used.add(b);
        used.add(a);
        pairs.push([b, a]);
    }
    return pairs;
}

interface Pairing {
    /** Base declaration → head declaration. */
    readonly pairs: Map<Declaration, Declaration>;
    readonly renames: RenameMap;
}

function pairDeclarations(before: Map<string, Declaration>, after: Map<string, Declaration>): Pairing {
    const pairs = new Map<Declaration, Declaration>();
    const renames = new RenameMap();
    const paired = new Set<Declaration>();
    for (const type of TYPE_ORDER) {
        const b = [...before.values()].filter(d => d.type === type);
        const a = [...after.values()].filter(d => d.type === type);
        // By name; an activity by its name inside its (possibly renamed) objective.
        for (const d of b) {
            const match = after.get(`${type}\u0000${renames.name(d.name)}`);
            if (match && !paired.has(match)) {
                pairs.set(d, match);
                paired.add(match);
            }
        }
        const left = b.filter(d => !pairs.has(d)), right = a.filter(d => !paired.has(d));
        for (const [x, y] of pairBySimilarity(left, right, renames)) {
            pairs.set(x, y);
            paired.add(y);
        }
        for (const d of b) {
            const match = pairs.get(d);
            if (!match || match.name === d.name) continue;
            if (type === 'Activity') renames.qualified.set(d.name, match.name);
            if (match.simpleName !== d.simpleName) renames.names.set(d.simpleName, match.simpleName);
        }
    }
    return { pairs, renames };
}

function fieldChanges(b: Declaration, a: Declaration, renames: RenameMap): FieldChange[] {
    const changes: FieldChange[] = [];
    for (const field of new Set([...b.fields.keys(), ...a.fields.keys()])) {
        const x = b.fields.get(field), y = a.fields.get(field);
        // A reference that only follows a rename is not a change of meaning.
        if (x && y && renames.field(x) === y.text) continue;
        changes.push({ field, before: x?.text ?? '—', after: y?.text ?? '—' });
    }
    return changes;
}

/** Every finding of a version, hints included: identities count them (`~n`). */
const findingsOf = (d: LangiumDocument | undefined): FileFinding[] => (d?.diagnostics ?? []).map(toFinding);

/**
 * The renames between two versions of a strategy, as identities need them (identity.ts): the
 * new path of every declaration whose path changed, and the new name of every renamed name.
 */
export function detectRenames(services: SsrValidationServices, base: LangiumDocument, head: LangiumDocument): Renames {
    const models = services.model;
    const { pairs, renames } = pairDeclarations(declarations(models.StrategyModel.get(base)), declarations(models.StrategyModel.get(head)));
    return identityRenames(pairs, renames);
}

function identityRenames(pairs: Map<Declaration, Declaration>, renames: RenameMap): Renames {
    const paths = new Map<string, string>();
    for (const [b, a] of pairs) if (b.path !== a.path) paths.set(b.path, a.path);
    return { paths, names: renames.names };
}

/**
 * The identities of a base version's findings (all of them, hints included, as the engine numbers
 * them), read through the renames into the head version.
 */
export function renamedIdentities(findings: readonly FileFinding[], renames: Renames): string[] {
    return identities(findings.map(f => renameParts({ ruleId: f.ruleId, path: f.path, key: f.key }, renames)));
}

export function diffPlans(services: SsrValidationServices, base: LangiumDocument | undefined, head: LangiumDocument | undefined): PlanDiff {
    const models = services.model;
    const before = declarations(base && models.StrategyModel.get(base)), after = declarations(head && models.StrategyModel.get(head));
    const { pairs, renames } = pairDeclarations(before, after);
    const pairedHeads = new Set(pairs.values());
    const describe = (d: Declaration) => ({ kind: d.kind, name: d.name });
    const byType = (x: Declaration, y: Declaration) => TYPE_ORDER.indexOf(x.type) - TYPE_ORDER.indexOf(y.type);
    const removed = [...before.values()].filter(d => !pairs.has(d)).sort(byType).map(describe);
    const added = [...after.values()].filter(d => !pairedHeads.has(d)).sort(byType).map(describe);
    const renamed: Rename[] = [];
    const changed: DeclarationChange[] = [];
    for (const [b, a] of [...pairs].sort(([x], [y]) => byType(x, y))) {
        const fields = fieldChanges(b, a, renames);
        // An activity that only follows its objective's rename is renamed by implication.
        const renamedItself = b.name !== a.name && !(b.type === 'Activity' && renames.name(b.name) === a.name && b.simpleName === a.simpleName);
        if (renamedItself) {
            renamed.push({ kind: a.kind, from: b.name, to: a.name, fields, references: [...a.referrers] });
        } else if (fields.length > 0) {
            changed.push({ kind: a.kind, name: a.name, fields });
        }
    }
    const years = yearChanges(services, base, head);
    const findings = diffFindings(findingsOf(base), findingsOf(head), identityRenames(pairs, renames), renames);
    return { status: !base ? 'added' : !head ? 'removed' : 'changed', added, removed, renamed, changed, years, findings };
}

function yearChanges(services: SsrValidationServices, base: LangiumDocument | undefined, head: LangiumDocument | undefined): YearChange[] {
    const models = services.model;
    const yearsOf = (d: LangiumDocument | undefined) => new Map((d ? models.FiscalModel.get(d, services.config.ConfigProvider.getConfig(d.uri)).years : []).map(y => [y.year, y]));
    const y1 = yearsOf(base), y2 = yearsOf(head);
    const zero: YearFigures = { year: 0, capital: 0, recurrent: 0, cost: 0, external: 0, domestic: 0, gap: 0, unallocated: 0 };
    const years: YearChange[] = [];
    for (const year of [...new Set([...y1.keys(), ...y2.keys()])].sort()) {
        const p = y1.get(year) ?? zero, q = y2.get(year) ?? zero;
        const row: YearChange = { year, cost: [p.cost, q.cost], external: [p.external, q.external], domestic: [p.domestic, q.domestic], gap: [p.gap, q.gap] };
        if ((['cost', 'external', 'domestic', 'gap'] as const).some(k => Math.abs(row[k][0] - row[k][1]) >= 0.005)) years.push(row);
    }
    return years;
}

/** Findings paired by identity, the base's read through the renames. */
function diffFindings(base: FileFinding[], head: FileFinding[], renames: Renames, names: RenameMap): PlanDiff['findings'] {
    const baseIds = renamedIdentities(base, renames);
    const headById = new Map(head.map(f => [f.identity, f]));
    const matched = new Set<FileFinding>();
    const resolved: FindingChange[] = [], changed: ChangedFinding[] = [];
    const line = (f: FileFinding) => f.range.start.line + 1;
    base.forEach((f, i) => {
        if (f.severity === 'hint') return;
        const other = headById.get(baseIds[i]);
        if (!other) {
            resolved.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, identity: baseIds[i] });
            return;
        }
        matched.add(other);
        if (other.severity === 'hint') {
            resolved.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, identity: baseIds[i] });
        } else if (other.severity !== f.severity || names.message(f.message) !== other.message) {
            changed.push({ ruleId: other.ruleId, severity: other.severity, message: other.message, identity: other.identity, line: line(other), before: { severity: f.severity, message: names.message(f.message) } });
        }
    });
    const appeared = head.filter(f => !matched.has(f) && f.severity !== 'hint').map(f => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, identity: f.identity, line: line(f) }));
    return { appeared, resolved, changed };
}
