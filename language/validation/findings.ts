/**
 * Findings as they leave the checker: what a diagnostic carries for quick fixes and hovers, and
 * the plain form the command line, the summary and the diff read.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { fromLspSeverity, type Severity } from '../base/severity.js';
import type { FindingReason, FixData } from '../rules/rule.js';

/** What a diagnostic carries in its `data`. */
export interface SsrDiagnosticData {
    ruleId: string;
    fix?: FixData;
    /** The rule's own key for the finding (see Finding.key). */
    key?: string;
    /** The records the finding rests on (see Finding.related). */
    related?: readonly FindingReason[];
    /** What the finding is about: the declaration path and the way down to the node (identity.ts). */
    path?: string;
    /** The finding's identity in its document (identity.ts). */
    identity?: string;
}

export interface FileFinding {
    readonly ruleId: string;
    readonly severity: Severity;
    readonly message: string;
    /** 0-based, as in LSP. */
    readonly range: Diagnostic['range'];
    /** The rule's own key for this finding, if it reports several per declaration (see Finding.key). */
    readonly key?: string;
    /** The records the finding rests on, e.g. the instrument restrictions met (see Finding.related). */
    readonly related?: readonly FindingReason[];
    /** What the finding is about: `objective:PoliceReform/activity:PoliceVetting`, `strategy` (identity.ts). */
    readonly path: string;
    /**
     * Its identity in the document, independent of lines, wording and the working folder:
     * `fiscal/gap@objective:PoliceReform` (identity.ts).
     */
    readonly identity: string;
}

export function toFinding(diagnostic: Diagnostic): FileFinding {
    const data = diagnostic.data as SsrDiagnosticData | undefined;
    const ruleId = data?.ruleId ?? String(diagnostic.code ?? 'unknown');
    return {
        ruleId,
        severity: fromLspSeverity(diagnostic.severity),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        range: diagnostic.range,
        ...(data?.key !== undefined ? { key: data.key } : {}),
        ...(data?.related ? { related: data.related } : {}),
        path: data?.path ?? '',
        // Every diagnostic of the checker carries its identity; another one is known by its place.
        identity: data?.identity ?? `${ruleId}@line:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`,
    };
}
