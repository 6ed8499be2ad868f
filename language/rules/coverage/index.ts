/** The coverage rules, in the order they run (RULES.md "Coverage"). */
import type { Rule } from '../rule.js';
import { coverageSubsectors } from './subsectors.js';
import { coverageDimensions } from './dimensions.js';
import { coverageOversightForCapability } from './oversight-for-capability.js';
import { coverageGender } from './gender.js';
import { coverageCivilSociety } from './civil-society.js';
import { coverageUnusedActor } from './unused-actor.js';

export const COVERAGE_RULES: readonly Rule[] = [
    coverageSubsectors,
    coverageDimensions,
    coverageOversightForCapability,
    coverageGender,
    coverageCivilSociety,
    coverageUnusedActor,
];
