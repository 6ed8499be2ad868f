/** The fiscal sustainability rules, in the order they run (RULES.md "Fiscal sustainability"). */
import type { Rule } from '../rule.js';
import { fiscalUnfunded } from './unfunded.js';
import { fiscalGap } from './gap.js';
import { fiscalRecurrentAfterExit } from './recurrent-after-exit.js';
import { fiscalAffordability } from './affordability.js';
import { fiscalDonorTaper } from './donor-taper.js';
import { fiscalMissingRecurrent } from './missing-recurrent.js';
import { fiscalNoFrame } from './no-frame.js';
import { fiscalInstrumentRestriction } from './instrument-restriction.js';

export const FISCAL_RULES: readonly Rule[] = [
    fiscalUnfunded,
    fiscalGap,
    fiscalRecurrentAfterExit,
    fiscalAffordability,
    fiscalDonorTaper,
    fiscalMissingRecurrent,
    fiscalNoFrame,
    fiscalInstrumentRestriction,
];
