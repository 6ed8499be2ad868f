/**
 * A fuzz case as a recipe of small integers — which whole documents and which declarations to
 * start from, then a list of grammar-aware mutations — so that fast-check generates it from a
 * seed and shrinks it (fewer sources, fewer and simpler mutations, smaller numbers). `materialize`
 * turns a recipe into the case's files, deterministically.
 */
import fc from 'fast-check';
import {
    BUILT_IN, EXTREME_NUMBERS, IMPORT_PATHS, KEYWORDS, PUNCTUATION, RANGES, TERMS, UNICODE, VALUES,
    declarations, specConfigs, specExamples, suppressionComment, tokenize, type SourceFile, type Tok,
} from './corpus.js';
import { configVariantCount, LIBRARY_VARIANTS, type CaseInput } from './workspace.js';

const OP_KINDS = [
    'delete', 'duplicate', 'swap', 'insert', 'replace', 'truncate', 'unicode', 'suppress', 'longName',
    'extreme', 'range', 'import', 'splice', 'deleteLine', 'duplicateLine', 'repeat', 'huge',
] as const;
type OpKind = typeof OP_KINDS[number];

/** Relative frequencies (per 1000) of the mutations; `huge` (up to 200,000 lines) is rare. */
const OP_WEIGHTS: Record<OpKind, number> = {
    delete: 110, duplicate: 60, swap: 60, insert: 90, replace: 90, truncate: 70, unicode: 40, suppress: 60,
    longName: 20, extreme: 70, range: 60, import: 60, splice: 40, deleteLine: 60, duplicateLine: 30, repeat: 20, huge: 1,
};

interface Op { kind: OpKind; a: number; b: number; c: number }

export interface Recipe {
    /** Whole documents (indices into the pool of files, smallest first), concatenated. */
    files: number[];
    /** Then declarations (indices into the pool of declarations, smallest first). */
    chunks: number[];
    ops: Op[];
    library: number;
    config: number;
}

export interface Pool {
    readonly files: readonly SourceFile[];
    readonly chunks: readonly string[];
    readonly configs: readonly string[];
}

/** The pool, smallest first so that shrinking an index moves towards smaller documents. */
export function loadPool(): Pool {
    const files = [...BUILT_IN, ...specExamples()].sort((a, b) => a.text.length - b.text.length || a.name.localeCompare(b.name));
    const chunks = [...new Set(files.flatMap(f => declarations(f.text)))].sort((a, b) => a.length - b.length || a.localeCompare(b));
    return { files, chunks, configs: specConfigs().map(c => c.text) };
}

const op: fc.Arbitrary<Op> = fc.record({
    kind: fc.oneof(...OP_KINDS.map(kind => ({ arbitrary: fc.constant(kind), weight: OP_WEIGHTS[kind] }))),
    // Positions are taken modulo the document's size, choices modulo their list: small ranges shrink in few steps.
    a: fc.nat({ max: 99_999 }),
    b: fc.nat({ max: 999 }),
    c: fc.nat({ max: 999 }),
});

export function recipeArbitrary(pool: Pool): fc.Arbitrary<Recipe> {
    return fc.record({
        files: fc.array(fc.nat({ max: pool.files.length - 1 }), { maxLength: 2, size: 'xsmall' }),
        chunks: fc.array(fc.nat({ max: Math.max(0, pool.chunks.length - 1) }), { maxLength: 12 }),
        ops: fc.array(op, { maxLength: 8 }),
        library: fc.nat({ max: LIBRARY_VARIANTS.length - 1 }),
        config: fc.nat({ max: configVariantCount({ extraConfigs: pool.configs }) - 1 }),
    });
}

const DICTIONARY = [...KEYWORDS, ...TERMS, ...PUNCTUATION, ...VALUES];
const MAX_TEXT = 8_000_000;
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

function lines(text: string): string[] {
    return text.split('\n');
}

/** The document text of a recipe. */
function documentText(recipe: Recipe, pool: Pool): string {
    let text = [...recipe.files.map(i => pick(pool.files, i).text), ...recipe.chunks.map(i => pick(pool.chunks, i))].join('\n');
    for (const o of recipe.ops) {
        const next = applyOp(text, o, pool);
        if (next.length <= MAX_TEXT) text = next;
    }
    return text;
}

export function materialize(recipe: Recipe, pool: Pool): CaseInput {
    return { main: documentText(recipe, pool), library: recipe.library, config: recipe.config, extraConfigs: pool.configs };
}

/** Token mutations on a large document look at a window of it (tokenising megabytes per mutation is slow). */
const WINDOW = 50_000;

function solidTokens(text: string, a: number): Tok[] {
    if (text.length <= WINDOW) return tokenize(text).filter(t => !t.ws);
    let start = (a * 7919) % (text.length - WINDOW);
    start = text.lastIndexOf('\n', start) + 1;
    return tokenize(text.slice(start, start + WINDOW)).filter(t => !t.ws).slice(0, -1).map(t => ({ ...t, offset: t.offset + start }));
}

function applyOp(text: string, o: Op, pool: Pool): string {
    let cached: Tok[] | undefined;
    const solidAll = () => (cached ??= solidTokens(text, o.a));
    const at = (n: number) => { const solid = solidAll(); return solid.length === 0 ? undefined : solid[n % solid.length]; };
    const replaceToken = (t: { offset: number; text: string }, by: string) => text.slice(0, t.offset) + by + text.slice(t.offset + t.text.length);
    const insertAtLine = (line: number, what: string) => {
        const ls = lines(text);
        const i = line % (ls.length + 1);
        return [...ls.slice(0, i), what, ...ls.slice(i)].join('\n');
    };
    switch (o.kind) {
        case 'delete': {
            const t = at(o.a);
            return t ? replaceToken(t, '') : text;
        }
        case 'duplicate': {
            const t = at(o.a);
            return t ? replaceToken(t, `${t.text} ${t.text}`) : text;
        }
        case 'swap': {
            const x = at(o.a), y = at(o.b);
            if (!x || !y || x === y) return text;
            const [first, second] = x.offset < y.offset ? [x, y] : [y, x];
            return text.slice(0, first.offset) + second.text + text.slice(first.offset + first.text.length, second.offset) + first.text + text.slice(second.offset + second.text.length);
        }
        case 'insert': {
            const word = pick(DICTIONARY, o.b);
            const t = at(o.a);
            return t ? text.slice(0, t.offset) + word + ' ' + text.slice(t.offset) : text + word;
        }
        case 'replace': {
            const t = at(o.a);
            return t ? replaceToken(t, pick(DICTIONARY, o.b)) : text;
        }
        case 'truncate':
            return text.slice(0, o.a % (text.length + 1));
        case 'unicode': {
            const offset = o.a % (text.length + 1);
            return text.slice(0, offset) + pick(UNICODE, o.b).repeat(1 + (o.c % 3)) + text.slice(offset);
        }
        case 'suppress':
            return insertAtLine(o.a, suppressionComment(o.b, o.c));
        case 'longName': {
            const length = pick([100, 1000, 10_000, 100_000], o.b);
            const names = solidAll().filter(t => /^[A-Za-z_]/.test(t.text) && !KEYWORDS.includes(t.text));
            const t = names.length > 0 ? names[o.a % names.length] : undefined;
            if (o.c % 4 === 0) return t ? replaceToken(t, 'N' + 'x'.repeat(length)) : text;
            if (o.c % 4 === 2) {
                // Rename a name everywhere to a long one, but with a typo in one place: a reference
                // that misses a long declaration by one letter.
                if (!t) return text;
                const long = 'N' + 'x'.repeat(length);
                let n = 0;
                return text.replace(new RegExp(`\\b${t.text}\\b`, 'g'), () => n++ === 1 ? long.slice(0, -1) + 'y' : long);
            }
            const strings = solidAll().filter(x => x.text.startsWith('"'));
            const quoted = strings.length > 0 ? strings[o.a % strings.length] : undefined;
            return quoted ? replaceToken(quoted, '"' + 'y'.repeat(length) + '"') : text;
        }
        case 'extreme': {
            const numbers = solidAll().filter(t => /^[0-9]/.test(t.text));
            const t = numbers.length > 0 ? numbers[o.a % numbers.length] : undefined;
            return t ? replaceToken(t, pick(EXTREME_NUMBERS, o.b)) : text;
        }
        case 'range': {
            const ranges = [...text.matchAll(/from\s+[0-9][0-9-]*(?:\s+to\s+[0-9][0-9-]*)?/g)];
            if (ranges.length === 0) return text;
            const m = ranges[o.a % ranges.length];
            const start = m.index ?? 0;
            let by = pick(RANGES, o.b);
            if (o.c % 3 === 0) {
                const ends = /from\s+(\S+)\s+to\s+(\S+)/.exec(m[0]);
                if (ends) by = `from ${ends[2]} to ${ends[1]}`;
            }
            return text.slice(0, start) + by + text.slice(start + m[0].length);
        }
        case 'import':
            return insertAtLine(o.a, `import "${pick(IMPORT_PATHS, o.b)}"`);
        case 'splice': {
            const other = pick(pool.files, o.b).text;
            return text.slice(0, o.a % (text.length + 1)) + other.slice(o.c % (other.length + 1));
        }
        case 'deleteLine': {
            const ls = lines(text);
            ls.splice(o.a % ls.length, 1);
            return ls.join('\n');
        }
        case 'duplicateLine': {
            const ls = lines(text);
            const i = o.a % ls.length;
            ls.splice(i, 0, ls[i]);
            return ls.join('\n');
        }
        case 'repeat': {
            const decls = declarations(text.length <= WINDOW ? text : text.slice(0, WINDOW));
            if (decls.length === 0) return text;
            const decl = decls[o.a % decls.length];
            const count = pick([2, 2, 3, 5, 10, 10, 100, 1000], o.b);
            // The declaration's name (the token after its keyword), renamed in each copy when c is odd.
            const code = tokenize(decl).filter(t => !t.ws && !t.text.startsWith('//') && !t.text.startsWith('/*'));
            const name = code.length > 1 && /^[A-Za-z_]/.test(code[1].text) ? code[1] : undefined;
            const copies: string[] = [];
            for (let i = 0; i < count; i++) {
                copies.push(o.c % 2 === 0 || !name ? decl : decl.slice(0, name.offset) + `${name.text}_${i}` + decl.slice(name.offset + name.text.length));
            }
            return text + '\n' + copies.join('\n');
        }
        case 'huge': {
            const count = pick([2000, 20_000, 200_000], o.b);
            const unit = pick([
                (i: number) => `actor H${i} "Actor ${i}" { kind police }`,
                (i: number) => `// ssr-ignore-next-line coverage/unused-actor -- bulk\nactor H${i} "A" { kind police }`,
                (i: number) => `objective O${i} "O" { sector policing cost capital ${i}K from 2026 to 2027 }`,
                (i: number) => `// comment ${i}`,
            ], o.c);
            const parts: string[] = [text];
            for (let i = 0; i < count; i++) parts.push(unit(i));
            return parts.join('\n');
        }
    }
}
