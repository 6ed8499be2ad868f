/**
 * The fiscal tables of the plan summary as an Excel workbook (.xlsx), written with `exceljs`, for
 * the budget officers who work in spreadsheets: an overview, the fiscal projection, cost, funding
 * and gap per objective and year, the funding lines with their external and domestic subtotals,
 * and revenue and affordability when the strategy has a `fiscal` block. Amounts are numbers in the
 * strategy's currency format; totals, gaps and shares are formulas (with their values cached, for
 * readers that do not calculate), so a changed figure recomputes; header rows are frozen.
 */
import ExcelJS from 'exceljs';
import { headerRows, type PlanSummary } from '../summary/index.js';
import { titleOf } from './summary-text.js';

type Worksheet = ExcelJS.Worksheet;

/** Sheet names, as the tests and formulas refer to them. */
export const SHEETS = {
    overview: 'Overview',
    projection: 'Fiscal projection',
    cost: 'Cost by objective',
    funding: 'Funding by objective',
    gap: 'Gap by objective',
    sources: 'Funding sources',
    revenue: 'Revenue and affordability',
} as const;

const column = (index: number): string => {
    let name = '';
    for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
};
const ref = (sheet: string, col: number, row: number) => `'${sheet}'!${column(col)}${row}`;
const cents = (v: number) => Math.round(v * 100) / 100;

/** `SUM(C2:C9)`, or a plain 0 for an empty range (a reversed range would take in the header). */
function sum(col: number, first: number, last: number, values: number[]): ExcelJS.CellValue {
    const result = cents(values.reduce((a, b) => a + b, 0));
    return last < first ? result : { formula: `SUM(${column(col)}${first}:${column(col)}${last})`, result };
}
function sumRow(row: number, first: number, last: number, values: number[]): ExcelJS.CellValue {
    const result = cents(values.reduce((a, b) => a + b, 0));
    return last < first ? result : { formula: `SUM(${column(first)}${row}:${column(last)}${row})`, result };
}

export async function renderXlsx(s: PlanSummary): Promise<Uint8Array> {
    const currency = (s.strategy.currency ?? '').replace(/[^A-Za-z]/g, '').toUpperCase();
    const amounts = [...s.years.flatMap(y => [y.capital, y.recurrent, y.external, y.domestic, y.gap, y.revenue ?? 0, y.affordable ?? 0]),
        ...s.objectives.flatMap(o => o.years.flatMap(y => [y.cost, y.funded])), ...s.fundingLines.flatMap(l => l.years.map(y => y.amount))];
    const decimals = amounts.some(v => Math.round(v * 100) % 100 !== 0) ? '.00' : '';
    const money = currency ? `"${currency} "#,##0${decimals};[Red]-"${currency} "#,##0${decimals}` : `#,##0${decimals};[Red]-#,##0${decimals}`;
    const title = titleOf(s);

    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'SSR Strategy Language';
    workbook.title = title;
    workbook.subject = 'Fiscal tables of the plan summary';
    workbook.calcProperties.fullCalcOnLoad = true;

    /** A sheet whose first `frozenColumns` columns and header row stay in view. */
    const sheet = (name: string, headers: string[], widths: number[], frozenColumns: number): Worksheet => {
        const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }] });
        ws.columns = headers.map((header, i) => ({ header, width: widths[i] ?? widths[widths.length - 1] }));
        const head = ws.getRow(1);
        head.font = { bold: true };
        head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
        head.alignment = { vertical: 'middle' };
        return ws;
    };
    const styleMoney = (ws: Worksheet, fromColumn: number, toColumn: number, fromRow: number, toRow: number) => {
        for (let r = fromRow; r <= toRow; r++) for (let c = fromColumn; c <= toColumn; c++) ws.getCell(r, c).numFmt = money;
    };
    const boldRow = (ws: Worksheet, row: number) => { ws.getRow(row).font = { bold: true }; };

    // Overview: what the workbook is, and the totals, which refer to the other sheets.
    const overview = workbook.addWorksheet(SHEETS.overview);
    overview.columns = [{ width: 28 }, { width: 60 }];
    overview.getCell('A1').value = title;
    overview.getCell('A1').font = { bold: true, size: 14 };
    overview.getCell('A2').value = `Fiscal tables of the plan summary${currency ? `; amounts in ${currency}` : ''}. Totals are formulas.`;
    overview.getCell('A2').font = { italic: true, color: { argb: 'FF59636E' } };
    let row = 4;
    for (const [label, value] of headerRows(s)) {
        overview.getCell(row, 1).value = label;
        overview.getCell(row, 1).font = { bold: true };
        overview.getCell(row, 2).value = value;
        row++;
    }

    // Fiscal projection: one row per year, as in the summary.
    const years = s.years;
    const withFiscal = years.some(y => y.affordable !== undefined || y.revenue !== undefined);
    const projection = sheet(SHEETS.projection, ['Year', 'Capital', 'Recurrent', 'Cost', 'External', 'Domestic', 'Total funding', 'Gap'], [8, 16], 1);
    const objectiveRows = s.objectives.length;
    const lastObjectiveRow = 1 + objectiveRows;
    const objectiveTotalRow = lastObjectiveRow + 1;
    const firstYearColumn = 3;
    years.forEach((y, i) => {
        const r = 2 + i;
        const yearColumn = firstYearColumn + i;
        projection.getRow(r).values = [y.year, cents(y.capital), cents(y.recurrent),
            { formula: `B${r}+C${r}`, result: cents(y.cost) }, cents(y.external), cents(y.domestic),
            { formula: `E${r}+F${r}`, result: cents(y.external + y.domestic) },
            objectiveRows > 0 ? { formula: ref(SHEETS.gap, yearColumn, objectiveTotalRow), result: cents(y.gap) } : cents(y.gap)];
    });
    const projectionTotal = 2 + years.length;
    if (years.length > 0) {
        const keys = ['capital', 'recurrent', 'cost', 'external', 'domestic', 'total', 'gap'] as const;
        const value = (y: PlanSummary['years'][number], key: typeof keys[number]) => key === 'total' ? y.external + y.domestic : y[key];
        projection.getRow(projectionTotal).values = ['Total', ...keys.map((key, k) => sum(2 + k, 2, projectionTotal - 1, years.map(y => value(y, key))))];
        boldRow(projection, projectionTotal);
        styleMoney(projection, 2, 8, 2, projectionTotal);
    }

    // Cost, funding and gap per objective and year; the gap is what the funding leaves of the cost.
    const yearHeaders = years.map(y => String(y.year));
    const perObjective = (name: string, value: (o: PlanSummary['objectives'][number], i: number) => ExcelJS.CellValue, figure: (o: PlanSummary['objectives'][number], i: number) => number) => {
        const ws = sheet(name, ['Objective', 'Title', ...yearHeaders, 'Total'], [22, 40, ...years.map(() => 15), 17], 2);
        const totalColumn = firstYearColumn + years.length;
        s.objectives.forEach((o, k) => {
            const r = 2 + k;
            ws.getRow(r).values = [o.name, o.title ?? '', ...years.map((_, i) => value(o, i)), sumRow(r, firstYearColumn, totalColumn - 1, years.map((_, i) => figure(o, i)))];
        });
        ws.getRow(objectiveTotalRow).values = ['Total', '', ...years.map((_, i) => sum(firstYearColumn + i, 2, lastObjectiveRow, s.objectives.map(o => figure(o, i)))),
            sum(totalColumn, 2, lastObjectiveRow, s.objectives.map(o => years.reduce((a, _, i) => a + figure(o, i), 0)))];
        boldRow(ws, objectiveTotalRow);
        styleMoney(ws, firstYearColumn, totalColumn, 2, objectiveTotalRow);
        return ws;
    };
    perObjective(SHEETS.cost, (o, i) => cents(o.years[i].cost), (o, i) => o.years[i].cost);
    perObjective(SHEETS.funding, (o, i) => cents(o.years[i].funded), (o, i) => o.years[i].funded);
    perObjective(SHEETS.gap, (o, i) => {
        const r = 2 + s.objectives.indexOf(o), c = firstYearColumn + i;
        return { formula: `MAX(0,${ref(SHEETS.cost, c, r)}-${ref(SHEETS.funding, c, r)})`, result: cents(o.years[i].gap) };
    }, (o, i) => o.years[i].gap);

    // Funding sources: each funding line per year, then the external and domestic subtotals and the external share.
    const lines = s.fundingLines;
    const sourceColumn = 5, lineYearColumn = 6;
    const sources = sheet(SHEETS.sources, ['Funding line', 'Title', 'From', 'Instrument', 'Source', ...yearHeaders, 'Total'], [20, 36, 12, 22, 10, ...years.map(() => 15), 17], 1);
    const lineTotalColumn = lineYearColumn + years.length;
    lines.forEach((l, k) => {
        const r = 2 + k;
        sources.getRow(r).values = [l.name, l.title ?? '', l.from ?? '', l.instrument ?? '', l.source, ...l.years.map(y => cents(y.amount)),
            sumRow(r, lineYearColumn, lineTotalColumn - 1, l.years.map(y => y.amount))];
    });
    const lastLine = 1 + lines.length;
    const sourceRange = `$${column(sourceColumn)}$2:$${column(sourceColumn)}$${Math.max(2, lastLine)}`;
    const subtotal = (r: number, label: string, source: 'external' | 'domestic', figures: number[]) => {
        sources.getRow(r).values = [label, '', '', '', source, ...figures.map((v, i) => lines.length === 0 ? cents(v)
            : { formula: `SUMIF(${sourceRange},"${source}",${column(lineYearColumn + i)}2:${column(lineYearColumn + i)}${lastLine})`, result: cents(v) }),
        sumRow(r, lineYearColumn, lineTotalColumn - 1, figures)];
        boldRow(sources, r);
    };
    const externalRow = lastLine + 2, domesticRow = lastLine + 3, fundingTotalRow = lastLine + 4, shareRow = lastLine + 5;
    subtotal(externalRow, 'External', 'external', years.map(y => y.external));
    subtotal(domesticRow, 'Domestic', 'domestic', years.map(y => y.domestic));
    sources.getRow(fundingTotalRow).values = ['Total funding', '', '', '', '', ...years.map((y, i) => ({ formula: `${column(lineYearColumn + i)}${externalRow}+${column(lineYearColumn + i)}${domesticRow}`, result: cents(y.external + y.domestic) })),
        { formula: `${column(lineTotalColumn)}${externalRow}+${column(lineTotalColumn)}${domesticRow}`, result: cents(s.totals.external + s.totals.domestic) }];
    boldRow(sources, fundingTotalRow);
    styleMoney(sources, lineYearColumn, lineTotalColumn, 2, fundingTotalRow);
    sources.getRow(shareRow).values = ['External share', '', '', '', '', ...years.map((y, i) => {
        const c = column(lineYearColumn + i);
        const total = y.external + y.domestic;
        return { formula: `IF(${c}${fundingTotalRow}=0,0,${c}${externalRow}/${c}${fundingTotalRow})`, result: total === 0 ? 0 : y.external / total };
    })];
    for (let i = 0; i < years.length; i++) sources.getCell(shareRow, lineYearColumn + i).numFmt = '0.0%';
    sources.getCell(shareRow, 1).font = { italic: true };

    // Revenue and affordability: with a fiscal block only.
    if (withFiscal) {
        const revenue = sheet(SHEETS.revenue, ['Year', 'Revenue', 'Affordable ceiling', 'Ceiling share', 'Domestic funding', 'Headroom', 'Recurrent cost'], [8, 18], 1);
        years.forEach((y, i) => {
            const r = 2 + i;
            revenue.getRow(r).values = [y.year, y.revenue === undefined ? null : cents(y.revenue), y.affordable === undefined ? null : cents(y.affordable),
                y.revenue && y.affordable !== undefined ? { formula: `IF(B${r}=0,0,C${r}/B${r})`, result: y.affordable / y.revenue } : null,
                { formula: ref(SHEETS.projection, 6, r), result: cents(y.domestic) },
                y.affordable === undefined ? null : { formula: `C${r}-E${r}`, result: cents(y.affordable - y.domestic) },
                { formula: ref(SHEETS.projection, 3, r), result: cents(y.recurrent) }];
            for (const c of [2, 3, 5, 6, 7]) revenue.getCell(r, c).numFmt = money;
            revenue.getCell(r, 4).numFmt = '0.0%';
        });
    }

    // Overview totals: formulas into the projection, so they follow it.
    if (years.length > 0) {
        row++;
        const totals: [string, number, number][] = [['Total cost', 4, s.totals.cost], ['External funding', 5, s.totals.external], ['Domestic funding', 6, s.totals.domestic], ['Funding gap', 8, s.totals.gap]];
        for (const [label, col, value] of totals) {
            overview.getCell(row, 1).value = label;
            overview.getCell(row, 1).font = { bold: true };
            overview.getCell(row, 2).value = { formula: ref(SHEETS.projection, col, projectionTotal), result: cents(value) };
            overview.getCell(row, 2).numFmt = money;
            overview.getCell(row, 2).alignment = { horizontal: 'left' };
            row++;
        }
    }
    return new Uint8Array(await workbook.xlsx.writeBuffer());
}
