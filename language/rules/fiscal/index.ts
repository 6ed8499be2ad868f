/** The fiscal rules, in the order they run (RULES.md). */
import type { Rule } from '../rule.js';

export const FISCAL_RULES: readonly Rule[] = [
];
