/**
 * The built-in records of `fiscal/instrument-restriction` (RULES.md): the US legal authorities of
 * the State/DoD/USAID 2009 paper's footnote, written in the form a `.ssrrc.json` `"restrictions"`
 * entry takes, so that the rule, its page, hover and SARIF treat them like configured ones.
 */
import type { RestrictionRecord } from './restrictions.js';

const SOURCE = 'US Department of State, DoD and USAID, Security Sector Reform (2009), footnote on legal authorities';

export const BUILTIN_RESTRICTIONS: readonly RestrictionRecord[] = [
    {
        id: 'us/economic-funds-military',
        instruments: ['economic-support', 'development-assistance'],
        when: [
            { sector: ['defence'] },
            { activity: { targetKind: ['armed-forces'] } },
        ],
        severity: 'error',
        message: 'economic and humanitarian funds may not be used for military purposes',
        source: SOURCE,
    },
    {
        id: 'us/military-to-policing',
        instruments: ['foreign-military-financing', 'imet', 'dod-security-cooperation'],
        when: [
            { sector: ['policing'] },
        ],
        severity: 'warning',
        message: 'military support to civilian policing is generally not authorised',
        source: SOURCE,
    },
    {
        id: 'us/foreign-police-training',
        instruments: ['economic-support', 'development-assistance'],
        when: [
            { activity: { type: ['training'], targetKind: ['police', 'gendarmerie', 'corrections'] } },
        ],
        severity: 'warning',
        contextSeverity: { 'post-conflict': 'info' },
        message: 'the statutory prohibition on training and support for foreign police and prisons applies unless an exception does (after conflict, the exception for reconstituting civilian police may); consult counsel',
        source: SOURCE,
    },
];
