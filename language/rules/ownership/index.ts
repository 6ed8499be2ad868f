/** The ownership rules, in the order they run (RULES.md "Ownership"). */
import type { Rule } from '../rule.js';
import { ownershipExternalLead } from './external-lead.js';
import { ownershipSectorLeadDonors } from './sector-lead-donors.js';
import { ownershipContractorOversight } from './contractor-oversight.js';
import { ownershipCoordination } from './coordination.js';

export const OWNERSHIP_RULES: readonly Rule[] = [
    ownershipExternalLead,
    ownershipSectorLeadDonors,
    ownershipContractorOversight,
    ownershipCoordination,
];
