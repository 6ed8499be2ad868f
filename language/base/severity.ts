/**
 * Severity names, defined once: what rules, configuration, the engine, the command line and the
 * summary call a finding's severity, and how it maps to LSP's numbers.
 */
import type { ValidationSeverity } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';

/** RULES.md: error, warning, info, hint (hints are editor-only). The same names as Langium's validator. */
export type Severity = ValidationSeverity;
/** A severity as configured: a severity, or `off`. */
export type ConfiguredSeverity = Severity | 'off';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const CONFIGURED_SEVERITIES: readonly ConfiguredSeverity[] = [...SEVERITIES, 'off'];

export const isConfiguredSeverity = (value: unknown): value is ConfiguredSeverity => typeof value === 'string' && (CONFIGURED_SEVERITIES as readonly string[]).includes(value);

const TO_LSP: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/** The severity of an LSP diagnostic (LSP: a missing severity is an error). */
export function fromLspSeverity(severity: DiagnosticSeverity | undefined): Severity {
    return SEVERITIES.find(s => TO_LSP[s] === severity) ?? 'error';
}
