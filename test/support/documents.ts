/**
 * Reading the exported documents back with readers independent of the libraries that wrote them:
 * fflate to unzip, fast-xml-parser to check and read the XML, mammoth to turn a Word document into
 * HTML, read-excel-file for a workbook's values.
 */
import { strict as assert } from 'node:assert';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import readXlsxFile from 'read-excel-file/node';
import type { SheetValues } from './formulas.js';

/** The parts of an Office file (a zip), by path; each XML part checked to be well-formed. */
export function officeParts(bytes: Uint8Array): Map<string, Uint8Array> {
    const parts = new Map(Object.entries(unzipSync(bytes)));
    for (const [name, data] of parts) {
        if (name.endsWith('.xml') || name.endsWith('.rels')) {
            const valid = XMLValidator.validate(strFromU8(data));
            assert.equal(valid, true, `${name} is well-formed XML: ${JSON.stringify(valid)}`);
        }
    }
    return parts;
}

export const partText = (parts: Map<string, Uint8Array>, name: string): string => {
    const data = parts.get(name);
    assert.ok(data, `the file has ${name}`);
    return strFromU8(data);
};

export const xml = (text: string): Record<string, unknown> => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(text) as Record<string, unknown>;

/** The Word document as HTML (the Title style as `h1.title`), and mammoth's warnings. */
export async function wordToHtml(bytes: Uint8Array): Promise<{ html: string; messages: string[] }> {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: ["p[style-name='Title'] => h1.title:fresh"] });
    return { html: result.value, messages: result.messages.map(m => m.message) };
}

/** Text with tags removed and entities decoded. */
export const textOf = (html: string): string => html.replace(/<br \/>/g, '\n').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The tables of an HTML document: rows of cell texts. */
export function tablesOf(html: string): string[][][] {
    return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(table =>
        [...table[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(row => [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(cell => textOf(cell[1]).trim())));
}

/** Every sheet's values as read-excel-file reads them (row-major, 0-based arrays). */
export async function workbookValues(bytes: Uint8Array): Promise<SheetValues> {
    const sheets = await readXlsxFile(Buffer.from(bytes));
    return new Map(sheets.map(s => [s.sheet, s.data as (string | number | boolean | null | Date)[][]]));
}

/** A strategy whose texts try to become Word fields, links, markup and spreadsheet formulas. */
export const HOSTILE = `strategy "=HYPERLINK(\\"http://evil.example\\",\\"x\\") { PAGE } <w:fldSimple w:instr=\\"HYPERLINK x\\"/> </w:t>" {
    country "<img src=x onerror=alert(1)> & { HYPERLINK \\"http://evil.example\\" }"
    period from 2026 to 2028
    currency USD
}

actor P "+SUM(1,2)" { kind police }

/** Doc </w:p><w:hyperlink r:id="rId1"> comment
    on two lines */
objective Police "@cmd|' /C calc'!A0" {
    sector policing
    dimension institutional
    lead P
    activity A "<script>alert(3)</script>" {
        type assessment
        from 2026-01 to 2026-06
    }
    cost capital 1M from 2026 to 2027
}
`;
