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
}

export function toFinding(diagnostic: Diagnostic): FileFinding {
    const data = diagnostic.data as SsrDiagnosticData | undefined;
    return {
        ruleId: data?.ruleId ?? String(diagnostic.code ?? 'unknown'),
        severity: fromLspSeverity(diagnostic.severity),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        range: diagnostic.range,
        ...(data?.key !== undefined ? { key: data.key } : {}),
        ...(data?.related ? { related: data.related } : {}),
    };
}
