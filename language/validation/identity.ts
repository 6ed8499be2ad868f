/**
 * The identity of a finding: what it is about, independent of line numbers, message wording and the
 * folder the checker runs from. Computed once, by the rule engine, and carried in every diagnostic's
 * data, so that the plan diff (appeared / resolved / changed), the baseline of `ssr check` and the
 * fingerprints of SARIF and GitLab all read the same value.
 *
 *     fiscal/gap@objective:PoliceReform
 *     sequencing/order@objective:PoliceReform/activity:PoliceTraining/after=PoliceVetting
 *     coverage/subsectors@strategy#justice
 *     structure/bad-range@objective:PoliceReform/costs[1]/range
 *     reference/duplicate@objective:Oversight~2
 *     reference/unresolved@import:lib/actors.ssr
 *
 * - the rule id;
 * - `@` the path of the declaration the finding is about, by kind and name (`kind` is the keyword
 *   that starts the declaration; `strategy`, `fiscal` and `library` have no name); when the finding
 *   points below the declaration, the way down to the node (`costs[1]/range`); when it points at one
 *   element of a list, that element by its text (`after=PoliceVetting`, `dimensions=politcal`), so that
 *   two findings of one rule on one line stay apart and reordering a list keeps them;
 * - `#` the rule's own key, when it gives one (the missing sector, the year…);
 * - `~n` the n-th finding (n ≥ 2) with all of the above equal, in document order: the last resort
 *   that keeps identities unique in a document (two declarations of one name, syntax errors).
 *
 * The file is not part of it: the command line adds the path relative to the repository where it
 * needs one identity across files (fingerprints, baselines).
 */
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { DECLARATION_KINDS, declarationOf } from '../base/declarations.js';

/** What an identity is made of; `path` includes the way down to the node and the list element. */
export interface IdentityParts {
    readonly ruleId: string;
    readonly path: string;
    readonly key?: string;
}

/** Where a finding points, as the rule engine knows it (Langium's DiagnosticInfo, plus its range). */
interface Location {
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
    readonly range?: Range;
}

/** `objective:PoliceReform`, `strategy`; a named declaration still without a name is `objective:?`. */
function segment(node: ast.Declaration): string {
    const kind = DECLARATION_KINDS[node.$type].keyword;
    if (!ast.isNamedDeclaration(node)) return kind;
    return `${kind}:${node.name || '?'}`;
}

/** The path of a declaration: its containers' segments, then its own. */
export function declarationPath(node: ast.Declaration): string {
    const segments = [segment(node)];
    for (let container: AstNode | undefined = node.$container; container; container = container.$container) {
        if (ast.isDeclaration(container)) segments.unshift(segment(container));
    }
    return segments.join('/');
}

/** The text of one element of a list property: a reference's name, a term, a node's text. */
function elementText(value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') {
        const reference = value as { $refText?: string; $cstNode?: { text: string } };
        if (typeof reference.$refText === 'string') return reference.$refText;
        if (reference.$cstNode) return reference.$cstNode.text.replace(/\s+/g, ' ').trim();
    }
    return undefined;
}

/**
 * The path of what a finding is about: the declaration, the way down to the node when the node is
 * not the declaration itself, and the list element it points at.
 */
export function findingPath(location: Location, document?: LangiumDocument): string {
    let node = location.node;
    // A finding on the whole document (a syntax error, a suppression comment) is about the
    // declaration its range lies in, when there is one.
    if (ast.isDocument(node) && location.range && document) node = nodeAt(document, location.range) ?? node;
    const declaration = declarationOf(node);
    if (!declaration) {
        // Outside every declaration: an import (by the path it names) or the document as a whole.
        const imported = ast.isImport(node) ? node : AstUtils.getContainerOfType(node, ast.isImport);
        return imported ? `import:${imported.path ?? ''}` : '';
    }
    const steps: string[] = [];
    for (let current: AstNode | undefined = node; current && current !== declaration; current = current.$container) {
        if (!current.$containerProperty) break;
        steps.unshift(current.$containerIndex !== undefined ? `${current.$containerProperty}[${current.$containerIndex}]` : current.$containerProperty);
    }
    if (location.index !== undefined && location.property) {
        const list = (node as unknown as Record<string, unknown>)[location.property];
        const text = Array.isArray(list) ? elementText(list[location.index]) : undefined;
        steps.push(text !== undefined ? `${location.property}=${text}` : `${location.property}[${location.index}]`);
    }
    return [declarationPath(declaration), ...steps].join('/');
}

/**
 * The innermost declaration whose text spans the start of a range (skipping the whitespace before
 * it); the text of a syntax error need not belong to any node, so spans are compared, not leaves.
 */
function nodeAt(document: LangiumDocument, range: Range): AstNode | undefined {
    const root = document.parseResult.value;
    const text = document.textDocument.getText();
    let offset = document.textDocument.offsetAt(range.start);
    while (offset < text.length && /\s/.test(text[offset])) offset++;
    const spans = (node: AstNode) => !!node.$cstNode && offset >= node.$cstNode.offset && offset < node.$cstNode.end;
    // Down from the top-level declaration that spans the offset (found by binary search: they come
    // in order), one child at a time: the cost is the depth, not the size of the document.
    let node = ast.isDocument(root) ? topLevelAt(root.elements, offset, spans) : undefined;
    let best: AstNode | undefined;
    while (node) {
        if (ast.isDeclaration(node)) best = node;
        node = AstUtils.streamContents(node).find(spans);
    }
    return best;
}

function topLevelAt(elements: readonly AstNode[], offset: number, spans: (node: AstNode) => boolean): AstNode | undefined {
    let low = 0, high = elements.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const cst = elements[middle].$cstNode;
        if (!cst) return elements.find(spans); // not expected after a parse; then one by one
        if (offset < cst.offset) high = middle - 1;
        else if (offset >= cst.end) low = middle + 1;
        else return elements[middle];
    }
    return undefined;
}

/** `rule@path#key` */
function identityBase(parts: IdentityParts): string {
    return `${parts.ruleId}@${parts.path}${parts.key !== undefined && parts.key !== '' ? `#${parts.key}` : ''}`;
}

/** The identities of a document's findings, in document order: `~n` tells equal ones apart. */
export function identities(findings: readonly IdentityParts[]): string[] {
    const seen = new Map<string, number>();
    return findings.map(parts => {
        const base = identityBase(parts);
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        return n === 1 ? base : `${base}~${n}`;
    });
}

/**
 * Renamed declarations, as the plan diff detects them: the new path of each declaration path that
 * changed, and the new name of each name that changed (for references in paths and keys).
 */
export interface Renames {
    readonly paths: ReadonlyMap<string, string>;
    readonly names: ReadonlyMap<string, string>;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/g;

/** The parts of an identity as they read after the renames: declarations, referenced names, keys. */
export function renameParts(parts: IdentityParts, renames: Renames): IdentityParts {
    if (renames.paths.size === 0 && renames.names.size === 0) return parts;
    const segments = parts.path.split('/');
    // The longest declaration path that was renamed (an activity inside a renamed objective follows it).
    for (let length = segments.length; length > 0; length--) {
        const renamed = renames.paths.get(segments.slice(0, length).join('/'));
        if (renamed !== undefined) {
            segments.splice(0, length, ...renamed.split('/'));
            break;
        }
    }
    const rename = (text: string) => text.replace(NAME, name => renames.names.get(name) ?? name);
    const path = segments.map(s => {
        const equals = s.indexOf('=');
        return equals < 0 ? s : `${s.slice(0, equals + 1)}${rename(s.slice(equals + 1))}`;
    }).join('/');
    return { ...parts, path, ...(parts.key !== undefined ? { key: rename(parts.key) } : {}) };
}

/**
 * Whether a finding is about the strategy as a whole (its header or no declaration at all) rather
 * than a line of the plan: annotations list these last.
 */
export const isStrategyLevel = (path: string): boolean => path === '' || path === 'strategy' || path.startsWith('strategy/');
