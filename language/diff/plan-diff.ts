/**
 * What changed in meaning between two versions of a strategy (CLI.md `ssr diff`): declarations
 * added, removed, renamed or changed field by field; the year-by-year change in cost, external and
 * domestic funding and gap (from the fiscal model); findings that appeared or were resolved.
 */
import type { AstNode, LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import { declarationKind } from '../base/declarations.js';
import type { StrategyModel } from '../model/strategy-model.js';
import type { YearFigures } from '../model/fiscal-model.js';
import { toFinding } from '../validation/findings.js';
import type { SsrValidationServices } from '../validation/rule-engine.js';

interface FieldChange { field: string; before: string; after: string }
interface DeclarationChange { kind: string; name: string; fields: FieldChange[] }
interface YearChange { year: number; cost: [number, number]; external: [number, number]; domestic: [number, number]; gap: [number, number] }
interface FindingChange { ruleId: string; severity: string; message: string }

export interface PlanDiff {
    added: { kind: string; name: string }[];
    removed: { kind: string; name: string }[];
    renamed: { kind: string; from: string; to: string }[];
    changed: DeclarationChange[];
    years: YearChange[];
    findings: { appeared: FindingChange[]; resolved: FindingChange[] };
}

/** The property names authors never see, shown by the keyword they write instead. */
const FIELD_WORDS: Record<string, string> = {
    phases: 'in', source: 'from', range: 'dates', perYear: 'per year', dimensions: 'dimension', levels: 'level',
    disaggregations: 'disaggregated by', maxExternalShare: 'max-external-share',
    // A joint lead is one field, `lead`, listing every lead; an activity's implementer is its `by`.
    leads: 'lead', revenues: 'revenue', growth: 'growing',
};


/** The field texts of a declaration, whitespace-normalised, keyed by the field the author writes. */
function fieldsOf(node: AstNode): Map<string, string> {
    const fields = new Map<string, string>();
    for (const [property, value] of Object.entries(node)) {
        if (property.startsWith('$') || property === 'name' || property === 'activities') continue;
        const text = valueText(value);
        if (text !== undefined && text !== '') fields.set(FIELD_WORDS[property] ?? property, text);
    }
    return fields;
}

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

const kindOf = (node: ast.Declaration): string => declarationKind(node).label;

function declarations(model: StrategyModel): Map<string, ast.Declaration> {
    const result = new Map<string, ast.Declaration>();
    const add = (node: ast.Declaration, key = ast.isNamedDeclaration(node) ? node.name : undefined) => { if (key) result.set(`${kindOf(node)}\u0000${key}`, node); };
    model.actors.forEach(n => add(n));
    model.phases.forEach(n => add(n));
    model.objectives.forEach(n => add(n));
    for (const activity of model.activities) add(activity, `${(activity.$container).name ?? '?'}.${activity.name ?? '?'}`);
    model.benchmarks.forEach(n => add(n));
    model.fundings.forEach(n => add(n));
    if (model.strategy) add(model.strategy, 'strategy');
    if (model.fiscal) add(model.fiscal, 'fiscal');
    return result;
}

const signature = (node: AstNode) => JSON.stringify([...fieldsOf(node)].sort());
const nameOfKey = (key: string) => key.split('\u0000')[1];

export function diffPlans(services: SsrValidationServices, base: LangiumDocument, head: LangiumDocument): PlanDiff {
    const models = services.model;
    const before = models.StrategyModel.get(base), after = models.StrategyModel.get(head);
    const b = declarations(before), a = declarations(after);
    const removedKeys = [...b.keys()].filter(k => !a.has(k));
    const addedKeys = [...a.keys()].filter(k => !b.has(k));
    const renamed: PlanDiff['renamed'] = [];
    for (const removedKey of [...removedKeys]) {
        const node = b.get(removedKey);
        if (!node) continue;
        const match = addedKeys.find(k => { const candidate = a.get(k); return candidate?.$type === node.$type && signature(candidate) === signature(node); });
        if (!match) continue;
        renamed.push({ kind: kindOf(node), from: nameOfKey(removedKey), to: nameOfKey(match) });
        removedKeys.splice(removedKeys.indexOf(removedKey), 1);
        addedKeys.splice(addedKeys.indexOf(match), 1);
    }
    // An activity whose objective was renamed is renamed only by implication: report the objective.
    const objectiveRenames = new Map(renamed.filter(r => r.kind === 'objective').map(r => [r.from, r.to]));
    for (const r of [...renamed]) {
        if (r.kind !== 'activity') continue;
        const [fromObjective, fromName] = r.from.split('.'), [toObjective, toName] = r.to.split('.');
        if (fromName === toName && objectiveRenames.get(fromObjective) === toObjective) renamed.splice(renamed.indexOf(r), 1);
    }
    const renamedTo = new Map(renamed.map(r => [r.from, r.to]));
    const changed: DeclarationChange[] = [];
    for (const [key, node] of b) {
        const other = a.get(key);
        if (!other) continue;
        const f1 = fieldsOf(node), f2 = fieldsOf(other);
        const fields: FieldChange[] = [];
        for (const field of new Set([...f1.keys(), ...f2.keys()])) {
            const x = f1.get(field) ?? '—', y = f2.get(field) ?? '—';
            // A reference that only follows a rename is not a change of meaning.
            const followsRename = x.split(', ').map(v => renamedTo.get(v) ?? v).join(', ') === y;
            if (x !== y && !followsRename) fields.push({ field, before: x, after: y });
        }
        if (fields.length > 0) changed.push({ kind: kindOf(node), name: nameOfKey(key), fields });
    }
    const config = services.config.ConfigProvider.getConfig(head.uri);
    const y1 = new Map(models.FiscalModel.get(base, config).years.map(y => [y.year, y]));
    const y2 = new Map(models.FiscalModel.get(head, config).years.map(y => [y.year, y]));
    const zero: YearFigures = { year: 0, capital: 0, recurrent: 0, cost: 0, external: 0, domestic: 0, gap: 0, unallocated: 0 };
    const years: YearChange[] = [];
    for (const year of [...new Set([...y1.keys(), ...y2.keys()])].sort()) {
        const p = y1.get(year) ?? zero, q = y2.get(year) ?? zero;
        const row: YearChange = { year, cost: [p.cost, q.cost], external: [p.external, q.external], domestic: [p.domestic, q.domestic], gap: [p.gap, q.gap] };
        if ((['cost', 'external', 'domestic', 'gap'] as const).some(k => Math.abs(row[k][0] - row[k][1]) >= 0.005)) years.push(row);
    }
    const findingsOf = (d: LangiumDocument) => (d.diagnostics ?? []).map(toFinding).filter(f => f.severity !== 'hint').map(f => ({ ruleId: f.ruleId, severity: f.severity, message: f.message }));
    const f1 = findingsOf(base), f2 = findingsOf(head);
    const key = (f: FindingChange) => `${f.ruleId}\u0000${f.severity}\u0000${f.message}`;
    const minus = (xs: FindingChange[], ys: FindingChange[]) => {
        const pool = ys.map(key);
        return xs.filter(x => { const i = pool.indexOf(key(x)); if (i >= 0) { pool.splice(i, 1); return false; } return true; });
    };
    const describe = (k: string) => ({ kind: k.split('\u0000')[0], name: nameOfKey(k) });
    return {
        added: addedKeys.map(describe), removed: removedKeys.map(describe), renamed, changed, years,
        findings: { appeared: minus(f2, f1), resolved: minus(f1, f2) },
    };
}
