/** The plan summary as JSON: the model itself, for other tools. */
import type { PlanSummary } from './summary-model.js';

export function renderJson(summary: PlanSummary): string {
    return JSON.stringify(summary, null, 2) + '\n';
}
