/**
 * The grammar: every form of LANGUAGE.md parses, fields in any order, the lexical forms read as
 * specified, and a half-written document recovers with a plain-words syntax error.
 */
import { strict as assert } from 'node:assert';
import * as ast from '../language/generated/ast.js';
import { amountValue, parseNumberToken, percentValue, rangeSpan } from '../language/base/values.js';
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
