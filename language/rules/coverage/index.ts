/** The coverage rules, in the order they run (RULES.md). */
import type { Rule } from '../rule.js';

export const COVERAGE_RULES: readonly Rule[] = [
];
