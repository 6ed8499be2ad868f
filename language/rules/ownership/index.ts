/** The ownership rules, in the order they run (RULES.md). */
import type { Rule } from '../rule.js';

export const OWNERSHIP_RULES: readonly Rule[] = [
];
