import type { AstNode } from 'langium';
import type * as ast from '../../generated/ast.js';
import { declarationOf, describe as describeDeclaration } from '../../base/declarations.js';
import { MAX_AMOUNT, amountValue, endMonth, formatMonth, isComputable, parseNumberToken, parseTimePoint, percentValue, rangeSpan, startMonth, yearValue, type Span } from '../../base/values.js';
import { money } from '../../base/format.js';
import type { FindingInput, Rule } from '../rule.js';

export const structureBadRange: Rule = {
    id: 'structure/bad-range',
    severity: 'error',
    description: 'A range ends before it starts or lies outside the strategy period, an amount is negative or too large to compute, or a share is above 100%.',
    check({ model, report }) {
        const periodRange = model.strategy?.period;
        // Each range is reported once: a malformed or reversed range is not also judged against the period.
        const wellFormed = (range: ast.Range | undefined, owner: AstNode, what: string): Span | undefined => {
            if (!range) return undefined;
            for (const point of [range.start, range.end]) {
                if (point && parseTimePoint(point)?.valid === false) {
                    report({ message: `'${point.value}' is not a date: write a year (2027) or a month (2027-03, months 01 to 12).`, node: point });
                    return undefined;
                }
            }
            const start = startMonth(range.start), end = range.end ? endMonth(range.end) : undefined;
            if (start !== undefined && end !== undefined && end < start) {
                report({ message: `The range 'from ${range.start?.value ?? ''} to ${range.end?.value ?? ''}' (${what} of ${describe(owner)}) ends before it starts. Swap the two dates.`, node: range });
                return undefined;
            }
            return rangeSpan(range);
        };
        const period = model.strategy ? wellFormed(periodRange, model.strategy, 'period') : undefined;
        const inPeriod = (range: ast.Range | undefined, owner: AstNode, what: string, openEnded = false) => {
            const span = wellFormed(range, owner, what);
            if (!span || !period || !range) return;
            const end = openEnded && !range.end ? span.start : span.end;
            if (span.start < period.start || end > period.end) {
                report({
                    message: `The ${what} of ${describe(owner)} (${formatMonth(span.start)} to ${formatMonth(end)}) extends outside the strategy period (${formatMonth(period.start)} to ${formatMonth(period.end)}). Everything the strategy schedules, costs or funds must lie inside its period.`,
                    node: range,
                });
            }
        };
        for (const phase of model.phases) inPeriod(phase.range, phase, 'dates');
        for (const activity of model.activities) inPeriod(activity.range, activity, 'dates');
        for (const objective of model.objectives) {
            for (const cost of objective.costs) {
                inPeriod(cost.range, objective, `${cost.kind ?? ''} cost`.trim(), true);
                amountProblems(cost.amount, objective, report);
            }
        }
        for (const funding of model.fundings) {
            inPeriod(funding.range, funding, 'amount', true);
            amountProblems(funding.amount, funding, report);
        }
        for (const benchmark of model.benchmarks) {
            for (const quantity of [benchmark.baseline?.value, benchmark.target?.value]) {
                if (quantity?.value && !Number.isFinite(parseNumberToken(quantity.value))) {
                    report({ message: `The figure ${quantity.value} of ${describe(benchmark)} is too large to be a number. Check the figure and its unit (K, M, B).`, node: quantity });
                }
            }
        }
        const fiscal = model.fiscal;
        if (fiscal) {
            let previous: number | undefined;
            for (const point of fiscal.revenues) {
                amountProblems(point.amount, fiscal, report);
                // LANGUAGE.md section 5: the years of a revenue series are in increasing order.
                const year = yearValue(point.year);
                if (year === undefined) continue;
                if (previous !== undefined && year <= previous) {
                    report({ message: `The revenue series gives ${year} after ${previous}: its years must increase, each given once, for the years between them to be interpolated. Put the years in order.`, node: point, property: 'year', key: `revenue-${year}` });
                }
                previous = year;
            }
            for (const [percent, what] of [[fiscal.ceiling, 'ceiling'], [fiscal.maxExternalShare, 'maximum external share']] as const) {
                const value = percentValue(percent);
                if (percent && value !== undefined && (value > 1 || value < 0)) {
                    report({ message: `A ${what} of ${percent.negative ? '-' : ''}${percent.value} is not a share: it must lie between 0% and 100%.`, node: percent });
                }
            }
        }
    },
};

function amountProblems(amount: ast.Amount | undefined, owner: AstNode, report: (f: FindingInput) => void) {
    if (amount?.negative) {
        report({ message: `The amount of ${describe(owner)} is negative. Costs, funding and revenue are positive amounts.`, node: amount });
        return;
    }
    const value = amountValue(amount);
    if (amount && value !== undefined && !isComputable(value)) {
        report({ message: `The amount ${amount.value} of ${describe(owner)} is too large to compute exactly: amounts are added up to the cent, and at most ${money(MAX_AMOUNT)} can be. Check the figure and its unit (K, M, B).`, node: amount });
    }
}

function describe(node: AstNode): string {
    const declaration = declarationOf(node);
    return declaration ? describeDeclaration(declaration) : 'this line';
}
