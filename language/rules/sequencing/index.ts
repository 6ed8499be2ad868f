/** The sequencing rules, in the order they run (RULES.md). */
import type { Rule } from '../rule.js';

export const SEQUENCING_RULES: readonly Rule[] = [
];
