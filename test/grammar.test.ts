/**
 * The grammar: every form of LANGUAGE.md parses, fields in any order, the lexical forms read as
 * specified, and a half-written document recovers with a plain-words syntax error.
 */
import { strict as assert } from 'node:assert';
import * as ast from '../language/generated/ast.js';
import { amountValue, parseNumberToken, parseTimePoint, percentValue, rangeSpan, yearValue } from '../language/base/values.js';
import type { TimePoint, Year } from '../language/generated/ast.js';
import { createServices, findingsOf, parser, reset } from './helpers.js';
import { findingsHelper } from './support/findings.js';

const services = createServices();
const parse = parser(services);
const { expectFindings } = findingsHelper(services);

const EVERY_FORM = `// a line comment
/* a block comment */
/**
 * The strategy's doc comment.
 */
strategy "Northland Security Sector Reform Strategy" {
    country "Northland"
    period from 2026 to 2032
    currency USD
    context post-conflict
    approach blueprint
    scope partial: policing, justice "Donor-funded police and justice programme only"
}

import "lib.ssr"

actor NNP "Northland National Police" {
    kind police
    jurisdiction national
}
actor INL "Bureau" { kind donor }
actor MOJ "Ministry of Justice" { jurisdiction national kind justice-ministry }
actor Bare

phase Prep "Assessment and consensus building" {
    stage preparatory
    from 2026-01 to 2026-12
}
phase Main "Main" { from 2027 to 2030-06 stage implementation }

/** Community policing. */
objective PoliceReform "Accountable, community-oriented national police" {
    sector policing
    dimension institutional, political
    level organizational, operational
    lead NNP
    partners MOJ, INL
    themes gender, human-rights
    in Main
    after JusticeReform
    alongside JusticeReform.CaseManagement

    activity Vetting "Vet serving officers" {
        type vetting
        in Prep
        from 2026-03 to 2026-09
        targets NNP
    }
    activity Training "Basic training for 4,000 recruits" {
        after Vetting, PoliceReform.Vetting
        type training
        in Main
    }

    cost capital 18M from 2027 to 2029
    cost recurrent 6.5M per year from 2029
    cost recurrent 800K per year from 2027 to 2028
    cost capital 2,500,000 from 2030 to 2030
}

objective JusticeReform """Justice,
over two lines""" {
    lead MOJ
    sector justice
    activity CaseManagement "Case management" { type institutional-reform }
}

benchmark PoliceTrust "Public trust in the police" {
    measures PoliceReform, JusticeReform
    type outcome
    source perception-survey
    baseline 31% in 2025
    target 55.5% by 2030
    disaggregated by sex, region
}

funding INLPolice "INL police assistance" {
    from INL
    instrument incle
    amount 24M from 2027 to 2030
    supports PoliceReform, JusticeReform
}
funding Budget "Budget" {
    supports PoliceReform
    amount 1.5B per year from 2027 to 2028
    instrument national-budget
    from MOJ
}

fiscal {
    revenue 820M in 2026 growing 4% per year
    ceiling 12% of revenue
    max-external-share 50%
}
`;

describe('grammar', () => {
    afterEach(() => reset(services));

    it('parses every form of the language, fields in any order', async () => {
        const document = await parse(EVERY_FORM);
        const syntax = findingsOf(document).filter(f => f.ruleId === 'syntax/error');
        assert.deepEqual(syntax, []);
        const root = document.parseResult.value;
        const counts = Object.fromEntries(['Strategy', 'Import', 'Actor', 'Phase', 'Objective', 'Benchmark', 'Funding', 'Fiscal'].map(t => [t, root.elements.filter(e => e.$type === t).length]));
        assert.deepEqual(counts, { Strategy: 1, Import: 1, Actor: 4, Phase: 2, Objective: 2, Benchmark: 1, Funding: 2, Fiscal: 1 });
        const strategy = root.elements.find(ast.isStrategy)!;
        assert.equal(strategy.scope?.partial, true);
        assert.deepEqual(strategy.scope?.sectors, ['policing', 'justice']);
        const police = root.elements.filter(ast.isObjective)[0];
        assert.deepEqual(police.dimensions, ['institutional', 'political']);
        assert.equal(police.activities.length, 2);
        assert.equal(police.costs.length, 4);
        assert.equal(police.alongside[0].$refText, 'JusticeReform.CaseManagement');
        assert.equal(police.alongside[0].ref?.$type, 'Activity');
        assert.equal(police.activities[1].after[1].ref, police.activities[0]);
        assert.equal(services.documentation.DocumentationProvider.getDocumentation(police), 'Community policing.');
        const library = await parse('library "Donor actors"\n\nactor USAID "USAID" { kind donor }\n');
        assert.equal(library.parseResult.value.elements[0].$type, 'Library');
        assert.deepEqual(findingsOf(library).filter(f => f.ruleId === 'syntax/error'), []);
    });

    it('reads amounts, percents, years and months as specified', async () => {
        assert.equal(parseNumberToken('850000'), 850000);
        assert.equal(parseNumberToken('24M'), 24_000_000);
        assert.equal(parseNumberToken('1.5B'), 1_500_000_000);
        assert.equal(parseNumberToken('800K'), 800_000);
        assert.equal(parseNumberToken('2,500,000'), 2_500_000);
        assert.equal(parseNumberToken('6.5M'), 6_500_000);
        assert.equal(parseNumberToken('0.001K'), 1);
        const document = await parse(EVERY_FORM);
        const root = document.parseResult.value;
        const fiscal = root.elements.find(ast.isFiscal)!;
        assert.equal(percentValue(fiscal.ceiling), 0.12);
        assert.equal(amountValue(fiscal.revenues[0].amount), 820_000_000);
        const phases = root.elements.filter(ast.isPhase);
        const main = rangeSpan(phases[1].range)!;
        assert.equal(main.end - main.start + 1, 42, 'from 2027 to 2030-06 is 42 months');
        const strategy = root.elements.find(ast.isStrategy)!;
        const period = rangeSpan(strategy.period)!;
        assert.equal(period.end - period.start + 1, 84, 'from 2026 to 2032 is seven whole years');
    });

    it('reads numbers, years and months without regexes exactly as the lexical forms say', () => {
        // The readers are hand-written for speed (issue 11); these are the forms' definitions.
        const number = (text: string): number => {
            const match = /^([0-9,]+(?:\.[0-9]+)?)([KMB%]?)$/.exec(text.trim());
            if (!match) return NaN;
            const base = match[1].replace(/,/g, '');
            if (!match[2] || match[2] === '%') return Number(base);
            const scale = { K: 3, M: 6, B: 9 }[match[2] as 'K' | 'M' | 'B'];
            const [whole, fraction = ''] = base.split('.');
            return Number(`${whole}${(fraction + '0'.repeat(scale)).slice(0, scale)}${fraction.length > scale ? `.${fraction.slice(scale)}` : ''}`);
        };
        const point = (text: string) => {
            const m = /^([0-9]{4})(?:-([0-9]{1,2}))?$/.exec(text);
            if (!m) return { year: NaN, valid: false };
            if (m[2] === undefined) return { year: Number(m[1]), valid: true };
            return { year: Number(m[1]), month: Number(m[2]), valid: Number(m[2]) >= 1 && Number(m[2]) <= 12 };
        };
        const year = (text: string) => /^[0-9]{4}$/.test(text) ? Number(text) : undefined;
        const texts = ['0', '7', '2027', '2027-3', '2027-03', '2027-12', '2027-13', '2027-00', '2027-0', '2027-123', '2027-', '2027-a', '202', '20277',
            'x027', '2027x01', '2,500,000', ',', ',,1', '%', '12%', '1,2%', '1%%', '999999999999999', '9999999999999999', '99999999999999999999', '123456789012345,6',
            '1.5', '1.5M', '6.5M', '0.001K', '24M', '1.5B', ' 12', '12 ', '1 2', '-1', '1e5', '', '١٢', '12K%', '.5', '5.'];
        let seed = 20261201;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        const alphabet = '0123456789,.-%KMB x';
        for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
        for (const text of texts) {
            assert.ok(Object.is(parseNumberToken(text), number(text)), `number ${JSON.stringify(text)}: ${parseNumberToken(text)} ≠ ${number(text)}`);
            assert.deepEqual(parseTimePoint({ value: text } as TimePoint), text ? point(text) : undefined, `time point ${JSON.stringify(text)}`);
            assert.equal(yearValue({ value: text } as Year), text ? year(text) : undefined, `year ${JSON.stringify(text)}`);
        }
    });

    it('recovers from a half-written document and says what was expected in plain words', async () => {
        const text = `strategy "T" {\n    country "X"\n    period from 2026 to 2030\n    currency USD\n}\nobjective Half "Half" {\n    sector policing\n    lead\n\nactor After "After" { kind police }\nphase P "P" { stage preparatory from 2026 to 2026 }\n`;
        const document = await parse(text);
        const syntax = findingsOf(document).filter(f => f.ruleId === 'syntax/error');
        assert.ok(syntax.length >= 1);
        for (const finding of syntax) {
            assert.doesNotMatch(finding.message, /token|EOF|Expecting|\[|NoViableAlt/, finding.message);
            assert.match(finding.message, /^(Expected|Unexpected)/);
        }
        const names = document.parseResult.value.elements.map(e => (e as { name?: string }).name).filter(Boolean);
        assert.ok(names.includes('Half'));
        assert.ok(names.includes('P'), `later declarations are still read: ${names.join(', ')}`);
    });

    it('explains a missing title in plain words, at the unquoted name', async () => {
        const [finding] = await expectFindings('strategy ‹Northland› {\n    country "N"\n}\n', 'syntax/error', ['Northland'], { allow: ['structure/missing-field'] });
        assert.ok(finding.message.includes('Titles are written in double quotes'), finding.message);
    });

    it('reports a stray character without crashing, at the character', async () => {
        const [finding] = await expectFindings('strategy "T" {\n    country "X" ‹#›\n}\n', 'syntax/error', ['#'], { allow: ['structure/missing-field'] });
        assert.ok(finding.message.includes("Unexpected character '#'"), finding.message);
    });

    it('parses 200,000 comment lines in a row (Langium\'s CST builder overflowed the stack)', async () => {
        const comments = Array.from({ length: 200_000 }, (_, i) => `// line ${i}`).join('\n');
        const document = await parse(`strategy "T" {\n    country "X"\n    period from 2026 to 2030\n    currency USD\n}\n${comments}\nactor A "A" { kind police }\n`);
        assert.equal(document.parseResult.parserErrors.length, 0);
        const root = document.parseResult.value;
        assert.deepEqual(root.elements.map(e => e.$type), ['Strategy', 'Actor']);
        await reset(services);
    });

    it('reads an unclosed /* or """ as before: an error at the opener, then the text after it (each opener no longer searches to the end)', async () => {
        const unclosed = Array.from({ length: 2000 }, (_, i) => i % 2 ? '/* open' : '""" open').join('\n');
        const document = await parse(`strategy "T" {\n    country "X"\n    period from 2026 to 2030\n    currency USD\n}\nactor A """A""" { kind police }\n/* a closed comment */\n${unclosed}\nactor B "B" { kind police }\n`);
        const root = document.parseResult.value;
        assert.ok(document.parseResult.lexerErrors.length > 0);
        assert.deepEqual(root.elements.filter(ast.isActor).map(a => [a.name, a.title]), [['A', 'A'], ['B', 'B']]);
        await reset(services);
    });
});
