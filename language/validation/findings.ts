/**
 * Findings as they leave the checker: what a diagnostic carries for quick fixes and hovers, and
 * the plain form the command line, the summary and the diff read.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { fromLspSeverity, type Severity } from '../base/severity.js';
import type { FixData } from '../rules/rule.js';

/** What a diagnostic carries in its `data`. */
export interface SsrDiagnosticData {
    ruleId: string;
    fix?: FixData;
    /** The rule's own key for the finding (see Finding.key). */
    key?: string;
}

export interface FileFinding {
    readonly ruleId: string;
    readonly severity: Severity;
    readonly message: string;
    /** 0-based, as in LSP. */
    readonly range: Diagnostic['range'];
    /** The rule's own key for this finding, if it reports several per declaration (see Finding.key). */
    readonly key?: string;
}

export function toFinding(diagnostic: Diagnostic): FileFinding {
    const data = diagnostic.data as SsrDiagnosticData | undefined;
    return {
        ruleId: data?.ruleId ?? String(diagnostic.code ?? 'unknown'),
        severity: fromLspSeverity(diagnostic.severity),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        range: diagnostic.range,
        ...(data?.key !== undefined ? { key: data.key } : {}),
    };
}
