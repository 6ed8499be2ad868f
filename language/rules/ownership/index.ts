/** The ownership rules, in the order they run (RULES.md "Ownership"). */
import type { Rule } from '../rule.js';
import { ownershipExternalLead } from './external-lead.js';
import { ownershipCoordination } from './coordination.js';

export const OWNERSHIP_RULES: readonly Rule[] = [
    ownershipExternalLead,
    ownershipCoordination,
];
