/** The monitoring rules, in the order they run (RULES.md "Monitoring"). */
import type { Rule } from '../rule.js';
import { monitoringNoBenchmark } from './no-benchmark.js';
import { monitoringIncomplete } from './incomplete.js';
import { monitoringInputOnly } from './input-only.js';
import { monitoringNoPerception } from './no-perception.js';
import { monitoringTargetOutsidePeriod } from './target-outside-period.js';
import { monitoringFlatTarget } from './flat-target.js';
import { monitoringNoEvaluation } from './no-evaluation.js';

export const MONITORING_RULES: readonly Rule[] = [
    monitoringNoBenchmark,
    monitoringIncomplete,
    monitoringInputOnly,
    monitoringNoPerception,
    monitoringTargetOutsidePeriod,
    monitoringFlatTarget,
    monitoringNoEvaluation,
];
