/** The monitoring rules, in the order they run (RULES.md). */
import type { Rule } from '../rule.js';

export const MONITORING_RULES: readonly Rule[] = [
];
