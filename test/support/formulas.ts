/**
 * A small, independent evaluator for the formulas the workbook export writes (SUM, SUMIF, MAX, IF,
 * + − × ÷, cell and cross-sheet references), over the values a second reader (read-excel-file)
 * gives: a test recomputes every formula and compares it with the value the export cached.
 */
export type SheetValues = Map<string, (string | number | boolean | null | Date)[][]>;

const columnIndex = (letters: string): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

export function evaluate(formula: string, sheet: string, sheets: SheetValues): number | string {
    let pos = 0;
    const text = formula.replace(/^=/, '');
    const peek = () => text[pos];
    const skip = () => { while (text[pos] === ' ') pos++; };
    const cell = (sheetName: string, col: number, row: number) => sheets.get(sheetName)?.[row - 1]?.[col - 1] ?? null;
    const reference = (): { sheet: string; col: number; row: number } | undefined => {
        const match = /^(?:'([^']+)'!)?\$?([A-Z]+)\$?(\d+)/.exec(text.slice(pos));
        if (!match) return undefined;
        pos += match[0].length;
        return { sheet: match[1] ?? sheet, col: columnIndex(match[2]), row: Number(match[3]) };
    };
    const range = (): (string | number | boolean | null | Date)[] => {
        const from = reference();
        if (!from || peek() !== ':') throw new Error(`a range at ${pos} in ${formula}`);
        pos++;
        const to = reference()!;
        const values = [];
        for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) values.push(cell(from.sheet, c, r));
        return values;
    };
    const call = (name: string): number | string => {
        pos++; // (
        const result = (() => {
            switch (name) {
                case 'SUM': { const values = range(); return values.reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0); }
                case 'SUMIF': {
                    const criteria = range(); expect(','); const wanted = string(); expect(','); const values = range();
                    return values.reduce<number>((a, v, i) => a + (criteria[i] === wanted && typeof v === 'number' ? v : 0), 0);
                }
                case 'MAX': { const a = expression(); expect(','); const b = expression(); return Math.max(Number(a), Number(b)); }
                case 'IF': {
                    const left = expression(); expect('='); const right = expression(); expect(',');
                    const yes = expression(); expect(','); const no = expression();
                    return Number(left) === Number(right) ? yes : no;
                }
                default: throw new Error(`unknown function ${name} in ${formula}`);
            }
        })();
        expect(')');
        return result;
    };
    const expect = (c: string) => { skip(); if (text[pos] !== c) throw new Error(`expected ${c} at ${pos} in ${formula}`); pos++; };
    const string = (): string => { skip(); expect('"'); const end = text.indexOf('"', pos); const s = text.slice(pos, end); pos = end + 1; return s; };
    const primary = (): number | string => {
        skip();
        const fn = /^([A-Z]+)\(/.exec(text.slice(pos));
        if (fn) { pos += fn[1].length; return call(fn[1]); }
        const num = /^\d+(\.\d+)?/.exec(text.slice(pos));
        if (num && !/^[A-Z]/.test(text.slice(pos))) { pos += num[0].length; return Number(num[0]); }
        if (peek() === '-') { pos++; return -Number(primary()); }
        const r = reference();
        if (!r) throw new Error(`unexpected '${text.slice(pos)}' in ${formula}`);
        const v = cell(r.sheet, r.col, r.row);
        return typeof v === 'number' ? v : v === null ? 0 : String(v);
    };
    const term = (): number | string => {
        let value = primary();
        for (skip(); peek() === '*' || peek() === '/'; skip()) {
            const op = text[pos++];
            const right = Number(primary());
            value = op === '*' ? Number(value) * right : Number(value) / right;
        }
        return value;
    };
    function expression(): number | string {
        let value = term();
        for (skip(); peek() === '+' || peek() === '-'; skip()) {
            const op = text[pos++];
            const right = Number(term());
            value = op === '+' ? Number(value) + right : Number(value) - right;
        }
        return value;
    }
    const result = expression();
    skip();
    if (pos !== text.length) throw new Error(`unread '${text.slice(pos)}' in ${formula}`);
    return result;
}
