/** The sequencing rules, in the order they run (RULES.md "Sequencing"). */
import type { Rule } from '../rule.js';
import { sequencingCycle } from './cycle.js';
import { sequencingOrder } from './order.js';
import { sequencingPhaseOrder } from './phase-order.js';
import { sequencingPoliceJustice } from './police-justice.js';
import { sequencingAssessmentFirst } from './assessment-first.js';
import { sequencingVettingBeforeCapability } from './vetting-before-capability.js';
import { sequencingDdrLink } from './ddr-link.js';
import { sequencingLegalBeforeOversight } from './legal-before-oversight.js';
import { sequencingPolicyBeforeCapability } from './policy-before-capability.js';
import { sequencingBaselineBeforeStart } from './baseline-before-start.js';

export const SEQUENCING_RULES: readonly Rule[] = [
    sequencingCycle,
    sequencingOrder,
    sequencingPhaseOrder,
    sequencingPoliceJustice,
    sequencingAssessmentFirst,
    sequencingVettingBeforeCapability,
    sequencingDdrLink,
    sequencingLegalBeforeOversight,
    sequencingPolicyBeforeCapability,
    sequencingBaselineBeforeStart,
];
