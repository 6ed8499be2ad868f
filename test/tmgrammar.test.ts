/**
 * The hand-written TextMate grammar (syntaxes/ssr.tmLanguage.json), the snippets and the language
 * configuration. No TextMate engine is installed, so a small tokenizer below follows the TextMate
 * scanning rules (earliest match wins, ties go to the end pattern and then to pattern order) closely
 * enough to check what the grammar does on real lines.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED_SPEC = path.resolve(ROOT, '../shared/spec');

interface Capture { name?: string; patterns?: Rule[] }
type Captures = Record<string, Capture>;
interface Rule {
    name?: string;
    contentName?: string;
    match?: string;
    begin?: string;
    end?: string;
    while?: string;
    captures?: Captures;
    beginCaptures?: Captures;
    endCaptures?: Captures;
    patterns?: Rule[];
    include?: string;
    applyEndPatternLast?: boolean | number;
    repository?: Record<string, Rule>;
}
interface Grammar extends Rule {
    scopeName: string;
    patterns: Rule[];
    repository: Record<string, Rule>;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;

const DECLARATIONS = ['strategy', 'library', 'import', 'actor', 'phase', 'objective', 'activity', 'benchmark', 'funding', 'fiscal'];

/** Constructs Oniguruma accepts and JavaScript does not (or reads differently), and lookbehind. */
const ONIGURUMA_ONLY = /\\[AGzZhH]|\(\?[imx-]+[:)]|\(\?>|\(\?<[=!]|[*+?}]\+|\[:[a-z]+:\]/;

/** Every rule of the grammar, with where it sits. */
function allRules(grammar: Grammar): Array<{ where: string; rule: Rule }> {
    const result: Array<{ where: string; rule: Rule }> = [];
    const visit = (rule: Rule, where: string) => {
        result.push({ where, rule });
        rule.patterns?.forEach((p, i) => visit(p, `${where}.patterns[${i}]`));
        for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
            for (const [group, capture] of Object.entries(rule[key] ?? {})) {
                capture.patterns?.forEach((p, i) => visit(p, `${where}.${key}[${group}].patterns[${i}]`));
            }
        }
        for (const [name, r] of Object.entries(rule.repository ?? {})) visit(r, `${where}.repository.${name}`);
    };
    visit(grammar, '$self');
    return result;
}

interface Token { text: string; scopes: string[] }

interface Frame { rule: Rule; scopes: string[]; contentScopes: string[]; end?: RegExp }

/** A minimal TextMate tokenizer: match and begin/end rules, includes, captures, scope names. */
class Tokenizer {
    private readonly compiled = new Map<string, RegExp>();

    constructor(private readonly grammar: Grammar) {}

    private regex(source: string): RegExp {
        let re = this.compiled.get(source);
        if (!re) {
            re = new RegExp(source, 'gd');
            this.compiled.set(source, re);
        }
        return re;
    }

    /** The match and begin rules reachable from a list of patterns, includes resolved, in order. */
    private flatten(patterns: Rule[] | undefined, seen = new Set<Rule>()): Rule[] {
        const result: Rule[] = [];
        for (const p of patterns ?? []) {
            if (p.include) {
                const target = p.include === '$self' || p.include === '$base'
                    ? this.grammar
                    : this.grammar.repository[p.include.replace(/^#/, '')];
                assert.ok(target, `unresolved include ${p.include}`);
                if (seen.has(target)) continue;
                seen.add(target);
                result.push(...(target.match || target.begin ? [target] : this.flatten(target.patterns, seen)));
                seen.delete(target);
            } else if (p.match || p.begin) {
                result.push(p);
            } else {
                result.push(...this.flatten(p.patterns, seen));
            }
        }
        return result;
    }

    tokenize(text: string): Token[][] {
        const root: Frame = { rule: this.grammar, scopes: [this.grammar.scopeName], contentScopes: [this.grammar.scopeName] };
        const stack: Frame[] = [root];
        return text.split(/\r?\n/).map(line => this.tokenizeLine(line, stack));
    }

    private tokenizeLine(line: string, stack: Frame[]): Token[] {
        const scopes: string[][] = Array.from({ length: line.length }, () => []);
        const paint = (from: number, to: number, names: string[]) => {
            for (let i = from; i < to; i++) scopes[i] = names;
        };
        const paintMatch = (m: RegExpExecArray, base: string[], captures: Captures | undefined) => {
            paint(m.index, m.index + m[0].length, base);
            const groups = Object.keys(captures ?? {}).map(Number).sort((a, b) => a - b);
            for (const group of groups) {
                const range = m.indices?.[group];
                const name = captures![String(group)].name;
                if (!range || !name) continue;
                for (let i = range[0]; i < range[1]; i++) scopes[i] = [...scopes[i], ...split(name)];
            }
        };
        let pos = 0;
        let guard = 0;
        while (pos <= line.length) {
            assert.ok(++guard < 10_000, `tokenizer loops on: ${line}`);
            const frame = stack[stack.length - 1];
            let best: { m: RegExpExecArray; rule?: Rule } | undefined;
            const tryEnd = () => {
                if (!frame.end) return;
                frame.end.lastIndex = pos;
                const m = frame.end.exec(line);
                if (m && (!best || m.index < best.m.index)) best = { m };
            };
            if (!frame.rule.applyEndPatternLast) tryEnd();
            for (const rule of this.flatten(frame.rule.patterns)) {
                const re = this.regex((rule.match ?? rule.begin)!);
                re.lastIndex = pos;
                const m = re.exec(line);
                if (m && (!best || m.index < best.m.index)) best = { m, rule };
            }
            if (frame.rule.applyEndPatternLast) tryEnd();
            if (!best) {
                paint(pos, line.length, frame.contentScopes);
                break;
            }
            const { m, rule } = best;
            paint(pos, m.index, frame.contentScopes);
            const after = m.index + m[0].length;
            if (!rule) {
                // The end of the open begin/end rule.
                stack.pop();
                paintMatch(m, frame.scopes, frame.rule.endCaptures ?? frame.rule.captures);
            } else if (rule.match) {
                paintMatch(m, [...frame.contentScopes, ...split(rule.name)], rule.captures);
                if (after === pos) {
                    // A zero-width match changes nothing: step over one character.
                    paint(pos, pos + 1, frame.contentScopes);
                    pos++;
                    continue;
                }
            } else {
                const scopes = [...frame.contentScopes, ...split(rule.name)];
                paintMatch(m, scopes, rule.beginCaptures ?? rule.captures);
                stack.push({ rule, scopes, contentScopes: [...scopes, ...split(rule.contentName)], end: this.regex(rule.end!) });
            }
            pos = after;
        }
        const tokens: Token[] = [];
        for (let i = 0; i < line.length; i++) {
            const last = tokens[tokens.length - 1];
            if (last && sameScopes(last.scopes, scopes[i])) last.text += line[i];
            else tokens.push({ text: line[i], scopes: scopes[i] });
        }
        return tokens;
    }
}

const split = (name: string | undefined) => (name ? name.split(/\s+/).filter(Boolean) : []);
const sameScopes = (a: string[], b: string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

describe('TextMate grammar (syntaxes/ssr.tmLanguage.json)', () => {
    const grammar = readJson<Grammar>('syntaxes/ssr.tmLanguage.json');
    const tokenizer = new Tokenizer(grammar);
    const tokens = (text: string) => tokenizer.tokenize(text).flat().filter(t => t.text.trim() !== '');
    const tokenOf = (text: string, word: string) => {
        const found = tokens(text).find(t => t.text === word);
        assert.ok(found, `no token "${word}" in ${JSON.stringify(text)}: ${JSON.stringify(tokens(text).map(t => t.text))}`);
        return found;
    };
    const hasScope = (token: Token, prefix: string) => token.scopes.some(s => s === prefix || s.startsWith(prefix + '.'));
    const assertScope = (text: string, word: string, prefix: string) => {
        const token = tokenOf(text, word);
        assert.ok(hasScope(token, prefix), `"${word}" in ${JSON.stringify(text)} has scopes ${token.scopes.join(' ')}, expected ${prefix}`);
    };

    it('is a grammar for source.ssr', () => {
        assert.equal(grammar.scopeName, 'source.ssr');
        assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0);
    });

    it('has regexes that compile as JavaScript and use no Oniguruma-only constructs or lookbehind', () => {
        let count = 0;
        for (const { where, rule } of allRules(grammar)) {
            for (const key of ['match', 'begin', 'end', 'while'] as const) {
                const source = rule[key];
                if (source === undefined) continue;
                count++;
                assert.doesNotThrow(() => new RegExp(source, 'd'), `${where}.${key}: ${source}`);
                assert.doesNotMatch(source, ONIGURUMA_ONLY, `${where}.${key} uses an Oniguruma-only construct: ${source}`);
            }
            if (rule.begin !== undefined) assert.ok(rule.end !== undefined || rule.while !== undefined, `${where} has begin without end`);
        }
        assert.ok(count > 10, `only ${count} regexes found`);
    });

    it('resolves every include', () => {
        for (const { where, rule } of allRules(grammar)) {
            if (!rule.include || rule.include === '$self' || rule.include === '$base') continue;
            assert.match(rule.include, /^#/, `${where}: only repository includes are expected`);
            assert.ok(grammar.repository[rule.include.slice(1)], `${where}: unresolved include ${rule.include}`);
        }
    });

    it('matches every keyword of language/ssr.langium', () => {
        const source = fs.readFileSync(path.join(ROOT, 'language/ssr.langium'), 'utf8')
            .replace(/^\s*(hidden\s+)?terminal\b.*$/gm, '')
            .replace(/^\s*\/\/.*$/gm, '');
        const keywords = [...new Set([...source.matchAll(/'([^'\s]+)'/g)].map(m => m[1]))];
        assert.ok(keywords.length > 40, `only ${keywords.length} keywords found`);
        for (const keyword of keywords) {
            const line = tokens(keyword);
            assert.equal(line.length, 1, `"${keyword}" is split into ${JSON.stringify(line.map(t => t.text))}`);
            const token = line[0];
            assert.equal(token.text, keyword);
            const expected = /^[A-Za-z]/.test(keyword)
                ? ['keyword', 'storage.type']
                : ['punctuation', 'keyword.operator'];
            assert.ok(expected.some(p => hasScope(token, p)), `"${keyword}" has scopes ${token.scopes.join(' ')}, expected ${expected.join(' or ')}`);
            if (DECLARATIONS.includes(keyword)) assert.ok(hasScope(token, 'keyword.declaration') && hasScope(token, 'storage.type'));
            else if (/^[A-Za-z]/.test(keyword)) assert.ok(hasScope(token, 'keyword.other.ssr'), `"${keyword}" is not keyword.other.ssr`);
        }
    });

    it('highlights a declaration name', () => {
        const line = 'objective PoliceReform "Accountable police" {';
        assertScope(line, 'objective', 'keyword.declaration');
        assertScope(line, 'PoliceReform', 'entity.name.type.ssr');
        assertScope(line, '{', 'punctuation.section.block.begin');
        assertScope('    activity Vetting_2 "Vet" {', 'Vetting_2', 'entity.name.type.ssr');
        assertScope('actor NNP { kind police }', 'police', 'support.constant.term.ssr');
    });

    it('treats - as part of a word: no keyword inside a term', () => {
        assertScope('    type institutional-reform', 'institutional-reform', 'support.constant.term.ssr');
        assertScope('    type quick-impact', 'quick-impact', 'support.constant.term.ssr');
        assertScope('    kind human-rights-commission', 'human-rights-commission', 'support.constant.term.ssr');
        assertScope('    context post-conflic', 'post-conflic', 'variable.other.ssr');
        assertScope('    kind in-the-field', 'in-the-field', 'variable.other.ssr');
        assertScope('    max-external-share 50%', 'max-external-share', 'keyword.other.ssr');
        assert.ok(!tokens('type institutional-reform').some(t => t.text === 'in'));
    });

    it('scopes every taxonomy term of LANGUAGE.md section 6 as a term', () => {
        const spec = path.join(SHARED_SPEC, 'LANGUAGE.md');
        assert.ok(fs.existsSync(spec), `${spec} is missing: the tests read the spec from ../shared`);
        const text = fs.readFileSync(spec, 'utf8');
        // The built-in lists end where 6.8 (terms a configuration adds, with examples) begins.
        const end = text.indexOf('### 6.8') >= 0 ? text.indexOf('### 6.8') : text.indexOf('## 7.');
        const section = text.slice(text.indexOf('## 6.'), end);
        const terms = [...new Set([...section.matchAll(/`([a-z][a-z-]*)`/g)].map(m => m[1]))];
        assert.ok(terms.length > 60, `only ${terms.length} terms found`);
        for (const term of terms) assertScope(`    sector ${term}`, term, 'support.constant.term.ssr');
        for (const term of ['blueprint', 'evolutionary', 'national', 'subnational', 'regional', 'international',
            'preparatory', 'implementation', 'consolidation', 'political', 'institutional', 'economic', 'societal',
            'strategic', 'organizational', 'operational', 'input', 'output', 'outcome', 'impact']) {
            assertScope(`    level ${term}`, term, 'support.constant.term.ssr');
        }
    });

    it('highlights numbers, months, percents and amounts', () => {
        assertScope('    from 2026-03 to 2027', '2026-03', 'constant.numeric.date.ssr');
        assertScope('    from 2026-03 to 2027', '2027', 'constant.numeric.ssr');
        assertScope('    baseline 31% in 2025', '31', 'constant.numeric.percent.ssr');
        assertScope('    baseline 31% in 2025', '%', 'keyword.other.unit.ssr');
        assertScope('    revenue 820M in 2026 growing 4.5% per year', '4.5', 'constant.numeric');
        assertScope('    revenue 820M in 2026 growing 4.5% per year', 'per', 'keyword.other.ssr');
        assertScope('    revenue 820M in 2026 growing 4.5% per year', 'year', 'keyword.other.ssr');
        assertScope('    cost capital 1.5B from 2027', '1.5', 'constant.numeric.ssr');
        const unit = tokenOf('    cost capital 1.5B from 2027', 'B');
        assert.ok(hasScope(unit, 'keyword.other.unit.ssr') && hasScope(unit, 'constant.numeric.ssr'), unit.scopes.join(' '));
        assertScope('    amount 2,500,000 from 2027', '2,500,000', 'constant.numeric.ssr');
        assertScope('    amount -800K', '-', 'keyword.operator');
        assertScope('    amount -800K', 'K', 'keyword.other.unit.ssr');
    });

    it('highlights strings, escapes and multi-line strings', () => {
        const line = tokens('actor A "Say \\"hi\\" now" { kind police }');
        assert.ok(line.some(t => t.text === '\\"' && hasScope(t, 'constant.character.escape.ssr')));
        assert.ok(line.some(t => t.text === 'police' && hasScope(t, 'support.constant.term.ssr')), 'the string ends at its closing quote');
        const multi = tokenizer.tokenize('strategy """First\nobjective in\nlast""" {');
        assert.ok(multi[1].every(t => hasScope(t, 'string.quoted.triple.ssr')));
        assert.ok(multi[2].some(t => t.text === '{' && !hasScope(t, 'string')));
        const unterminated = tokenizer.tokenize('actor A "open\nactor B');
        assert.ok(unterminated[1].some(t => t.text === 'actor' && hasScope(t, 'keyword.declaration')), 'a plain string ends at the line end');
    });

    it('highlights comments, doc comments and the suppression directive', () => {
        assertScope('phase P // in the main phase', '//', 'comment.line.double-slash.ssr');
        assertScope('phase P // in the main phase', ' in the main phase', 'comment.line.double-slash.ssr');
        assertScope('a /* in */ b', 'a', 'variable.other.ssr');
        assertScope('a /* in */ b', ' in ', 'comment.block.ssr');
        assertScope('/**/ phase', 'phase', 'keyword.declaration');
        const doc = tokenizer.tokenize('/**\n * Objective in the main phase.\n */\nobjective X {');
        for (const line of doc.slice(0, 3)) {
            for (const t of line) assert.ok(hasScope(t, 'comment.block.documentation.ssr'), `${t.text}: ${t.scopes.join(' ')}`);
        }
        assert.ok(doc[3].some(t => t.text === 'X' && hasScope(t, 'entity.name.type.ssr')));

        const directive = '// ssr-ignore-next-line sequencing/police-justice, fiscal/gap -- courts in the EU programme';
        for (const t of tokens(directive)) assert.ok(hasScope(t, 'comment.line.double-slash.ssr'), `${t.text}: ${t.scopes.join(' ')}`);
        assertScope(directive, 'ssr-ignore-next-line', 'keyword.other.directive.ssr');
        assertScope(directive, 'sequencing/police-justice', 'entity.name.tag.rule.ssr');
        assertScope(directive, 'fiscal/gap', 'entity.name.tag.rule.ssr');
        assert.ok(!tokens(directive).some(t => hasScope(t, 'entity.name.tag.rule.ssr') && /courts|EU/.test(t.text)), 'the reason is not a rule id');
    });

    it('highlights qualified names', () => {
        const line = tokens('    after PoliceReform.Vetting, Courts');
        assert.deepEqual(line.map(t => t.text), ['after', 'PoliceReform', '.', 'Vetting', ',', 'Courts']);
        assert.ok(hasScope(line[1], 'variable.other.ssr') && hasScope(line[2], 'punctuation') && hasScope(line[4], 'punctuation'));
    });

    it('gives every character of the example files a scope', () => {
        const dirs = [path.join(SHARED_SPEC, 'examples'), path.join(ROOT, 'examples')].filter(d => fs.existsSync(d));
        const files = dirs.flatMap(d => fs.readdirSync(d, { recursive: true, encoding: 'utf8' })
            .filter(f => f.endsWith('.ssr')).map(f => path.join(d, f)));
        assert.ok(files.length > 0, 'no example files found');
        for (const file of files) {
            tokenizer.tokenize(fs.readFileSync(file, 'utf8')).forEach((line, i) => {
                for (const t of line) {
                    if (t.text.trim() === '') continue;
                    assert.ok(t.scopes.length > 1, `${path.basename(file)}:${i + 1}: "${t.text}" has no scope`);
                }
            });
        }
    });
});

describe('snippets/ssr.json', () => {
    interface Snippet { prefix: string | string[]; body: string | string[]; description?: string }
    const snippets = Object.values(readJson<Record<string, Snippet>>('snippets/ssr.json'));
    const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

    it('has a snippet for every declaration', () => {
        for (const keyword of DECLARATIONS) {
            assert.ok(snippets.some(s => new RegExp(`^${keyword}(\\s|$)`).test(bodyOf(s))), `no snippet for ${keyword}`);
        }
        for (const kind of ['capital', 'recurrent']) {
            assert.ok(snippets.some(s => bodyOf(s).startsWith(`cost ${kind} `)), `no snippet for cost ${kind}`);
        }
        assert.ok(snippets.some(s => bodyOf(s).startsWith('// ssr-ignore-next-line ') && bodyOf(s).includes(' -- ')));
    });

    it('has well-formed snippets indented with spaces', () => {
        for (const s of snippets) {
            assert.ok(typeof s.prefix === 'string' || (Array.isArray(s.prefix) && s.prefix.length > 0));
            const body = bodyOf(s);
            assert.ok(!body.includes('\t'), `tab in ${JSON.stringify(s.prefix)}`);
            for (const line of body.split('\n')) assert.equal(line.match(/^ */)![0].length % 4, 0, `odd indent: ${line}`);
            assert.equal((body.match(/\{/g) ?? []).length, (body.match(/\}/g) ?? []).length, `unbalanced braces in ${JSON.stringify(s.prefix)}`);
        }
    });

    it('offers taxonomy terms as choices', () => {
        const grammar = readJson<Grammar>('syntaxes/ssr.tmLanguage.json');
        const tokenizer = new Tokenizer(grammar);
        let choices = 0;
        for (const s of snippets) {
            for (const m of bodyOf(s).matchAll(/\$\{\d+\|([^|]*)\|\}/g)) {
                for (const term of m[1].split(',')) {
                    choices++;
                    const token = tokenizer.tokenize(`x ${term}`)[0].find(t => t.text === term);
                    assert.ok(token?.scopes.includes('support.constant.term.ssr'), `choice ${term} is not a term of the grammar`);
                }
            }
        }
        assert.ok(choices > 50, `only ${choices} choices`);
    });
});

describe('language-configuration.json', () => {
    interface OnEnterRule { beforeText: string; afterText?: string; previousLineText?: string; action: { indent: string } }
    interface LanguageConfiguration {
        comments: { lineComment: string; blockComment: [string, string] };
        brackets: Array<[string, string]>;
        autoClosingPairs: Array<{ open: string; close: string; notIn?: string[] }>;
        surroundingPairs: Array<[string, string]>;
        indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
        onEnterRules: OnEnterRule[];
        wordPattern: string;
    }
    const config = readJson<LanguageConfiguration>('language-configuration.json');

    it('declares comments, brackets and pairs', () => {
        assert.equal(config.comments.lineComment, '//');
        assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
        assert.deepEqual(config.brackets, [['{', '}']]);
        const opens = config.autoClosingPairs.map(p => p.open);
        for (const open of ['{', '"', '/**']) assert.ok(opens.includes(open), `no auto-closing pair for ${open}`);
        assert.deepEqual(config.autoClosingPairs.find(p => p.open === '"')?.notIn?.sort(), ['comment', 'string']);
        assert.ok(config.surroundingPairs.length > 0);
    });

    it('has indentation rules and doc comment continuation', () => {
        const increase = new RegExp(config.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
        assert.match('objective PoliceReform "Police" {', increase);
        assert.doesNotMatch('    sector policing', increase);
        assert.match('    }', decrease);
        assert.doesNotMatch('    lead NNP', decrease);
        for (const rule of config.onEnterRules) {
            for (const source of [rule.beforeText, rule.afterText, rule.previousLineText]) {
                if (source !== undefined) assert.doesNotThrow(() => new RegExp(source), source);
            }
        }
        assert.ok(config.onEnterRules.some(r => new RegExp(r.beforeText).test('/** The police') && r.afterText === undefined));
        assert.ok(config.onEnterRules.some(r => new RegExp(r.beforeText).test('    /**') && r.afterText && new RegExp(r.afterText).test(' */')));
    });

    it('has a word pattern with inner dashes and no dots', () => {
        const word = new RegExp(config.wordPattern, 'g');
        assert.deepEqual('type institutional-reform'.match(word), ['type', 'institutional-reform']);
        assert.deepEqual('after Police.Vetting, -x'.match(word), ['after', 'Police', 'Vetting', 'x']);
    });
});
