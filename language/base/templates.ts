/**
 * Text that starts a strategy: the skeleton that "SSR: New Strategy" and `ssr init` write, and the
 * blocks the walkthrough inserts step by step (actors and phases, then an objective with costs).
 * The answers an author gives are checked here once, for the editor's input boxes and the command
 * line's prompts and flags alike.
 */
import { BUILTIN_VOCABULARY } from './taxonomy.js';

export interface StrategyAnswers {
    country: string;
    from: number;
    to: number;
    /** An ISO 4217 code: USD, EUR, XOF. */
    currency: string;
    /** A context term (LANGUAGE.md 6.1), if the author chose one. */
    context?: string;
    /** A library to import, relative to the new file's folder, with forward slashes. */
    importPath?: string;
    /** The strategy's title; a default is made from the country and period. */
    title?: string;
}

/** The context terms an author can choose from, with their definitions. */
export const CONTEXT_CHOICES = BUILTIN_VOCABULARY.terms('context').map(term => ({ id: term.id, definition: term.definition }));

/** Undefined when the answer is usable, else why not (one sentence for an input box or a prompt). */
export const checkAnswer = {
    country: (text: string): string | undefined => text.trim() === '' ? 'Give the country (or territory) the strategy is for.' : text.length > 120 ? 'Keep the country name under 120 characters.' : undefined,
    period: (text: string): string | undefined => parsePeriod(text) ? undefined : 'Give the first and the last year, e.g. 2026-2030 (at most 30 years).',
    currency: (text: string): string | undefined => /^[A-Za-z]{3}$/.test(text.trim()) ? undefined : 'Give the three-letter currency code, e.g. USD, EUR, XOF.',
    context: (text: string): string | undefined => text === '' || CONTEXT_CHOICES.some(c => c.id === text) ? undefined : `Choose one of ${CONTEXT_CHOICES.map(c => c.id).join(', ')}.`,
    importPath: (text: string): string | undefined => text === '' || /\.ssr$/i.test(text) ? undefined : 'A library is a .ssr file.',
};

/** Whether a file's text is an actor library: its first declaration, after any comments, is `library "…"`. */
export function isActorLibrary(text: string): boolean {
    return /^\s*library\b/.test(text.slice(0, 4000).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, ''));
}

/** `2026-2030`, `2026 to 2030`, `2026 2030`, `2026–2030` → the two years. */
export function parsePeriod(text: string): { from: number; to: number } | undefined {
    const match = /^\s*(\d{4})\s*(?:-|–|—|to|\s)\s*(\d{4})\s*$/i.exec(text);
    if (!match) return undefined;
    const from = Number(match[1]), to = Number(match[2]);
    return from >= 1900 && to <= 2200 && to >= from && to - from < 30 ? { from, to } : undefined;
}

/** A string literal of the language: quotes and backslashes escaped, line breaks and control characters made spaces. */
// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const literal = (text: string): string => `"${text.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The default title: `Northland Security Sector Reform Strategy 2026–2030`. */
const defaultTitle = (a: Pick<StrategyAnswers, 'country' | 'from' | 'to'>): string => `${a.country.trim()} Security Sector Reform Strategy ${a.from}–${a.to}`;

/** A file name from the country: `northland-ssr-strategy.ssr`. */
export function defaultFileName(country: string): string {
    const slug = country.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return `${slug || 'new'}-ssr-strategy.ssr`;
}

/**
 * A well-formed strategy with nothing in it yet: the header, the import, and comments that say
 * what comes next. It checks with only the findings an empty plan deserves (test/init.test.ts lists them).
 */
export function strategySkeleton(a: StrategyAnswers): string {
    const title = a.title?.trim() || defaultTitle(a);
    const lines = [
        '/**',
        ` * ${title.replace(/\*\//g, '* /').replace(/\s+/g, ' ')}.`,
        ' * Say here what the strategy is for and how it was agreed: the plan summary prints this comment.',
        ' */',
        `strategy ${literal(title)} {`,
        `    country ${literal(a.country)}`,
        `    period from ${a.from} to ${a.to}`,
        `    currency ${a.currency.trim().toUpperCase()}`,
        ...(a.context ? [`    context ${a.context}`] : []),
        '}',
        '',
        ...(a.importPath ? [`import ${literal(a.importPath)}`, ''] : []),
        '// What comes next (type the first word of a declaration for a snippet):',
        '// 1. actor     who leads, takes part in or pays for the reform: ministries, forces, oversight bodies, donors',
        '// 2. phase     the stages of the period: preparatory, implementation, consolidation',
        '// 3. objective what is to change, in which sector, led by whom, with its activities and costs',
        '// 4. benchmark how progress on an objective is measured: baseline and target',
        '// 5. funding   who pays for which objectives, how much and when',
        '// The Problems panel lists what a complete strategy still needs; each finding links to its rule.',
        '',
    ];
    return lines.join('\n');
}

/** The walkthrough's actors and phases, dated inside the period. */
export function actorsAndPhasesBlock(from: number, to: number): string {
    const years = to - from + 1;
    const phase = (name: string, title: string, stage: string, start: number, end: number) =>
        [`phase ${name} ${literal(title)} {`, `    stage ${stage}`, `    from ${start} to ${end}`, '}'];
    return [
        '',
        'actor MOI "Ministry of Interior" {',
        '    kind interior-ministry',
        '}',
        'actor NP "National Police" {',
        '    kind police',
        '}',
        'actor Parliament "Parliamentary committee on security" {',
        '    kind legislature',
        '}',
        '',
        ...phase('Preparation', 'Assessment and consensus building', 'preparatory', from, from),
        ...(years >= 2 ? phase('Implementation', 'Implementation', 'implementation', Math.min(from + 1, to), years >= 3 ? to - 1 : to) : []),
        ...(years >= 3 ? phase('Consolidation', 'Consolidation and hand-over', 'consolidation', to, to) : []),
        '',
    ].join('\n');
}

/** The walkthrough's objective: a police reform with an assessment, a vetting, capital and recurrent costs. */
export function objectiveBlock(from: number, to: number): string {
    const main = to > from ? 'Implementation' : 'Preparation';
    const capitalFrom = Math.min(from + 1, to), capitalTo = Math.min(from + 2, to);
    return [
        '',
        '/** Police that serve the public, under civilian and parliamentary control. */',
        'objective PoliceReform "Accountable, community-oriented police" {',
        '    sector policing',
        '    dimension institutional',
        '    level organizational',
        '    lead NP',
        '    partners MOI',
        `    in ${main}`,
        '',
        '    activity PoliceAssessment "Assessment of police capacity and conduct" {',
        '        type assessment',
        '        in Preparation',
        '    }',
        '    activity Vetting "Vetting of serving officers" {',
        '        type vetting',
        `        in ${main}`,
        '    }',
        '',
        `    cost capital 2M from ${capitalFrom} to ${capitalTo}`,
        `    cost recurrent 500K per year from ${capitalTo}`,
        '}',
        '',
    ].join('\n');
}
