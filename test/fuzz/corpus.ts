/**
 * What the fuzzer builds documents from: the spec examples (read from ../shared/spec/examples at
 * run time, so new examples are picked up), a small built-in corpus, the declarations of both
 * (for splicing), and dictionaries of tokens, numbers, unicode, suppression comments and import
 * paths for the mutations.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is compiled to out/test/fuzz/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SPEC_EXAMPLES = path.resolve(ROOT, '../shared/spec/examples');

export interface SourceFile {
    readonly name: string;
    readonly text: string;
}

const HEADER = `strategy "Fuzzland Security Sector Reform Strategy" {
    country "Fuzzland"
    period from 2026 to 2030
    currency USD
    context post-conflict
}
`;

/** Small documents that between them use every construct of the grammar. */
export const BUILT_IN: readonly SourceFile[] = [
    { name: 'empty', text: '' },
    { name: 'minimal', text: 'strategy "T" { country "X" period from 2026 to 2030 currency USD }\n' },
    { name: 'library', text: `library "Fuzzland actors"

actor MOI "Ministry of the Interior" { kind interior-ministry }
actor FNP "Fuzzland National Police" { kind police }
actor Donor "A donor" { kind donor }
actor Parl "Parliament" { kind legislature }
` },
    { name: 'fiscal', text: `${HEADER}
actor MOF "Ministry of Finance" { kind finance-ministry }
actor MOJ "Ministry of Justice" { kind justice-ministry }
actor FNP "Fuzzland National Police" { kind police }
actor Donor "Donor agency" { kind donor }

objective Police "Police reform" {
    sector policing
    dimension institutional
    lead FNP
    activity Vet "Vetting" {
        type vetting
        from 2026-01 to 2026-06
    }
    cost capital 10M from 2026 to 2028
    cost recurrent 2.5M per year from 2028
}

objective Courts "Courts" {
    sector justice
    dimension institutional, political
    lead MOJ
    alongside Police
    activity Build "Court houses" {
        type infrastructure
        from 2027 to 2028
    }
    cost capital 3,333,333.33 from 2027 to 2029
    cost recurrent 1M per year from 2029 to 2030
}

funding DonorGrant "Grant" {
    from Donor
    instrument bilateral-grant
    amount 7M from 2026 to 2029
    supports Police, Courts
}

funding Budget "National budget" {
    from MOF
    instrument national-budget
    amount 1.5M per year from 2026 to 2030
    supports Courts
}

fiscal {
    revenue 400M in 2026 growing 3% per year
    ceiling 10% of revenue
    max-external-share 50%
}
` },
    { name: 'sequencing', text: `${HEADER}
actor NSC "National Security Council" { kind national-security-council }
actor MOD "Ministry of Defence" { kind defence-ministry }

phase Prep "Preparation" {
    stage preparatory
    from 2026-01 to 2026-12
}
phase Main "Main" {
    stage implementation
    from 2027 to 2029
}

objective Policy "Policy" {
    sector national-security-policy
    dimension political
    level strategic
    lead NSC
    in Prep
    activity Assess "Assessment" {
        type assessment
        in Prep
    }
}

objective Defence "Defence" {
    sector defence
    dimension institutional
    level strategic, organizational
    lead MOD
    partners NSC
    themes gender, human-rights
    in Main
    after Policy, Policy.Assess
    activity Train "Training" {
        type training
        in Main
        targets MOD
        after Assess
        alongside Policy.Assess
        from 2027-03 to 2028-09
    }
}

benchmark Trust "Public trust" {
    measures Defence, Policy
    type outcome
    source perception-survey
    baseline 31% in 2025
    target 55% by 2029
    disaggregated by sex, region
}
` },
    { name: 'scope', text: `/** A doc comment
 * over two lines. */
strategy "Partial programme" {
    country "Fuzzland"
    period from 2026-03 to 2028-10
    currency EUR
    context fragile
    approach evolutionary
    scope partial: policing, justice "Police and justice only"
}

/** The police. */
actor P """A multi-line
title""" {
    kind police
    jurisdiction subnational
}

objective O "O" { sector policing lead P cost capital -5M from 2026 to 2027 }
` },
    { name: 'suppressions', text: `${HEADER}
actor A "A" { kind police }
// ssr-ignore-next-line coverage/gender -- a reason
objective O "O" {
    sector policing
    lead A
}
// ssr-ignore-next-line coverage/dimensions, monitoring/no-benchmark -- two rules
/** Documented. */
objective P "P" { sector justice lead A }
// ssr-ignore-next-line fiscal/gap
// ssr-ignore-next-line unknown/rule -- no such rule
// ssr-ignore-next-line -- nothing
objective Q "Q" { sector defence lead A }
// ssr-ignore-next-line sequencing/order -- at the end
` },
    { name: 'typos', text: `strategy "Typos" {
    country "X"
    period from 2029 to 2027
    currency USD
    context post-conflcit
}
actor A "A" { kind polise }
actor A "again" { kind police }
phase Ph "P" { stage implementation from 2030 to 2026 }
objective O "O" { sector justise lead B in Ph after O2 }
objective O2 "O2" { lead A after O }
benchmark B "B" { measures O, Oo type outcome baseline 400 in 2025 target 180 by 2033 }
funding F "F" { from Nobody amount 5M from 2031 to 2020 supports O }
` },
    { name: 'imports', text: `${HEADER}
import "lib/actors.ssr"

objective Police "Police reform" {
    sector policing
    dimension institutional
    lead FNP
    partners MOI
    cost capital 4M from 2026 to 2027
}

funding DonorLine "Donor" {
    from Donor
    instrument trust-fund
    amount 1M per year from 2026 to 2027
    supports Police
}
` },
];

/** The spec examples, read now (each run sees the examples of the day). */
export function specExamples(dir = SPEC_EXAMPLES): SourceFile[] {
    const result: SourceFile[] = [];
    const walk = (folder: string) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(folder, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.ssr')) result.push({ name: path.relative(dir, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
        }
    };
    walk(dir);
    return result;
}

/** `.ssrrc.json` files of the spec examples (as extra configuration variants). */
export function specConfigs(dir = SPEC_EXAMPLES): SourceFile[] {
    const result: SourceFile[] = [];
    const walk = (folder: string) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(folder, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name === '.ssrrc.json') result.push({ name: path.relative(dir, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
        }
    };
    walk(dir);
    return result;
}

// ---------------------------------------------------------------------------------------------
// A small lexer of our own (independent of the project's): good enough to cut text into tokens
// that the mutations delete, duplicate, swap and replace.

export interface Tok {
    readonly text: string;
    /** Whitespace (the mutations skip it). */
    readonly ws: boolean;
    readonly offset: number;
}

const TOKEN = /("""[\s\S]*?(?:"""|$)|"(?:\\.|[^"\\\r\n])*"?|\/\/[^\n\r]*|\/\*[\s\S]*?(?:\*\/|$)|\s+|[0-9][0-9,]*(?:\.[0-9]+)?(?:-[0-9]+)?[KMB%]?|[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*|.)/gsu;

export function tokenize(text: string): Tok[] {
    const tokens: Tok[] = [];
    for (const m of text.matchAll(TOKEN)) tokens.push({ text: m[0], ws: /^\s+$/.test(m[0]), offset: m.index ?? 0 });
    return tokens;
}

/** Top-level declarations (with their leading comments) of a document: the units of splicing. */
export function declarations(text: string): string[] {
    return topLevelParts(text).map(d => d.trim() + '\n').filter(d => d.trim().length > 0);
}

/** The text cut after each top-level declaration: the parts join to the text again. */
export function topLevelParts(text: string): string[] {
    const tokens = tokenize(text);
    const result: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.text === '{') depth++;
        else if (t.text === '}') {
            depth = Math.max(0, depth - 1);
            if (depth === 0) {
                const end = t.offset + 1;
                result.push(text.slice(start, end));
                start = end;
            }
        } else if (depth === 0 && !t.ws && /^(import|library|actor)$/.test(t.text)) {
            // One-line forms: `import "…"`, `library "…"`, `actor A "…"` without a block.
            const lineEnd = text.indexOf('\n', t.offset);
            const line = text.slice(t.offset, lineEnd < 0 ? undefined : lineEnd);
            if (!line.includes('{')) {
                const end = lineEnd < 0 ? text.length : lineEnd + 1;
                result.push(text.slice(start, end));
                start = end;
                while (i + 1 < tokens.length && tokens[i + 1].offset < end) i++;
            }
        }
    }
    if (start < text.length) result.push(text.slice(start));
    return result;
}

// ---------------------------------------------------------------------------------------------
// Dictionaries.

export const KEYWORDS = [
    'library', 'import', 'strategy', 'country', 'period', 'currency', 'context', 'approach', 'scope', 'partial',
    'comprehensive', 'actor', 'kind', 'jurisdiction', 'phase', 'stage', 'objective', 'sector', 'dimension', 'level',
    'lead', 'partners', 'themes', 'in', 'after', 'alongside', 'activity', 'type', 'targets', 'cost', 'capital',
    'recurrent', 'per', 'year', 'benchmark', 'measures', 'source', 'baseline', 'target', 'disaggregated', 'by',
    'funding', 'from', 'instrument', 'amount', 'supports', 'fiscal', 'revenue', 'growing', 'ceiling', 'of',
    'max-external-share', 'to', 'implements', 'rolling',
];

export const TERMS = [
    'post-conflict', 'fragile', 'blueprint', 'evolutionary', 'police', 'donor', 'justice-ministry', 'legislature',
    'international-organization', 'national', 'international', 'preparatory', 'implementation', 'consolidation',
    'policing', 'justice', 'defence', 'corrections', 'oversight', 'civil-society', 'public-finance', 'ddr',
    'institutional', 'political', 'economic', 'societal', 'strategic', 'organizational', 'operational', 'gender',
    'assessment', 'vetting', 'training', 'equipment', 'legislation', 'outcome', 'input', 'perception-survey',
    'national-budget', 'incle', 'trust-fund', 'budget-support', 'loan', 'USD', 'EUR',
];

export const PUNCTUATION = ['{', '}', '{', '}', ',', ':', '.', '-', ';', '"', '"""', '/*', '*/', '//', '%', '@', '#', '\\', '(', ')', '[', ']', '='];

export const VALUES = [
    '"x"', '""', '"""multi\nline"""', '"unterminated', '"\\"escaped\\""', '0', '1', '2026', '2027', '2030',
    '2026-01', '2026-12', '2026-13', '2026-00', '2026-1', '12M', '1.5B', '800K', '2,500,000', '31%', '4.5%', '-',
    '-5M', 'A', 'B', 'NNP', 'Main', 'Police', 'Courts', 'O', 'Police.Vet', 'x.y.z', '/** doc */', '// comment',
];

/** Numbers at the edges: years 0 and 9999, months out of range, amounts beyond 2^53 cents or Number.MAX_VALUE. */
export const EXTREME_NUMBERS = [
    '0', '0000', '9999', '99999', '0001', '2026-00', '2026-13', '0000-01', '9999-12', '1', '0.001', '0.005', '0.0049',
    '1.005M', '33.333333333333333M', '9007199254740993', '90071992547409.93', '90071992547409.93M', '99999999999999999999',
    '999999999999999B', '1,000,000,000,000,000,000', '9'.repeat(309), '9'.repeat(400) + 'B', '1' + '0'.repeat(30) + '%',
    '100000%', '0%', '100%', '0.0000001%', '-0', '-9999999999B',
];

/** Ends of a range (periods, phases, costs, funding): reversed, degenerate, year 0, far future. */
export const RANGES = [
    'from 2026 to 2025', 'from 2030 to 2026', 'from 0000 to 0001', 'from 0000 to 9999', 'from 2026-12 to 2026-01',
    'from 2026', 'from 9999 to 9999', 'from 2026-06 to 2026-06', 'from 1 to 2', 'from 2026 to 99999', 'from 2026-13 to 2027',
    'from 1000 to 2026', 'from 2026 to', 'from to 2030', 'from 2030-12 to 2030-12',
];

export const UNICODE = [
    '\u0000', '\uFEFF', '\u200B', '\u202E', '\uD800', '\uDFFF', '😀', 'é', 'e\u0301', '\r', '\r\n', '\u2028', '\u2029',
    '\t', '\v', '\f', 'ǅ', 'İ', '\u00A0', 'ﬁ', 'Ω', '\u0085', '\u3000', '𝔘', 'ß', '\u061C', '\uFFFD', '\uFFFF',
];

const RULE_IDS = [
    'coverage/civil-society', 'coverage/dimensions', 'coverage/gender', 'coverage/oversight-for-capability', 'coverage/subsectors',
    'coverage/unused-actor', 'fiscal/affordability', 'fiscal/donor-taper', 'fiscal/gap', 'fiscal/instrument-restriction',
    'fiscal/missing-recurrent', 'fiscal/no-frame', 'fiscal/recurrent-after-exit', 'fiscal/unfunded', 'monitoring/flat-target',
    'monitoring/incomplete', 'monitoring/input-only', 'monitoring/no-benchmark', 'monitoring/no-evaluation',
    'monitoring/no-perception', 'monitoring/target-outside-period', 'ownership/coordination', 'ownership/external-lead',
    'reference/duplicate', 'reference/unresolved', 'reference/wrong-kind', 'sequencing/assessment-first',
    'sequencing/baseline-before-start', 'sequencing/cycle', 'sequencing/ddr-link', 'sequencing/legal-before-oversight',
    'sequencing/order', 'sequencing/phase-order', 'sequencing/police-justice', 'sequencing/vetting-before-capability',
    'structure/bad-range', 'structure/missing-field', 'suppression/unused', 'syntax/error', 'taxonomy/unknown-term',
];

export function suppressionComment(variant: number, rule: number): string {
    const id = RULE_IDS[rule % RULE_IDS.length];
    const other = RULE_IDS[(rule * 7 + 3) % RULE_IDS.length];
    const variants = [
        `// ssr-ignore-next-line ${id} -- fuzz`,
        `// ssr-ignore-next-line ${id}`,
        '// ssr-ignore-next-line',
        '// ssr-ignore-next-line -- no rule',
        `// ssr-ignore-next-line unknown/${id} -- unknown`,
        `// ssr-ignore-next-line ${id}, ${other} -- two`,
        `//ssr-ignore-next-line ${id} --`,
        `/* ssr-ignore-next-line ${id} -- block */`,
        `// ssr-ignore-next-line ${id},,, -- commas`,
        `// ssr-ignore-next-line ${id} -- ${'reason '.repeat(50)}`,
    ];
    return variants[variant % variants.length];
}

/** Paths written after `import`; the workspace (workspace.ts) provides what they point at. */
export const IMPORT_PATHS = [
    'lib/actors.ssr', // a good library
    'lib', // a directory
    'lib/actors', // an existing file without .ssr
    'missing.ssr', // a missing file
    'latin1.ssr', // not UTF-8
    'huge.ssr', // a huge library
    '../outside.ssr', // outside the workspace
    'cycle-a.ssr', // an import cycle (cycle-a → cycle-b → cycle-a and main)
    'main.ssr', // itself
    '', // empty
    ' ',
    'dir.ssr', // a directory named like a document
    'empty.ssr',
    'binary.ssr',
    'strategy2.ssr', // a strategy, not a library
    'lib/../lib/actors.ssr',
    'LIB/ACTORS.SSR',
    'lib\\actors.ssr',
    'lib/upper.SSR',
    'lib/actors.ssr?query',
    'lib/actors.ssr#fragment',
    'http://example.com/x.ssr',
    '~/x.ssr',
    '.ssrrc.json',
    '../../../../../../../../../../etc/hostname',
    '/',
    '.',
    '..',
    'lib/%61ctors.ssr',
    'ünïcødé.ssr',
];
