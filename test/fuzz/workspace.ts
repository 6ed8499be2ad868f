/**
 * The files of one fuzz case on disk: the document under test (`ws/main.ssr`), the libraries and
 * oddities that `import` may point at (IMPORT_PATHS in corpus.ts), and a `.ssrrc.json` variant.
 * Imports and configuration are real files, read by the same file system services as `ssr check`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CaseInput {
    /** The text of ws/main.ssr. */
    readonly main: string;
    /** Index into LIBRARY_VARIANTS: the text of ws/lib/actors.ssr (and its copies). */
    readonly library: number;
    /** Index into configVariants(): the .ssrrc.json written in ws/ (0: none). */
    readonly config: number;
    /** Extra configuration texts (the spec examples' .ssrrc.json), appended to the variants. */
    readonly extraConfigs?: readonly string[];
}

export const LIBRARY_VARIANTS: readonly { name: string; text: string }[] = [
    { name: 'good', text: 'library "Fuzz actors"\n\nactor MOI "Ministry of the Interior" { kind interior-ministry }\nactor FNP "Fuzzland National Police" { kind police }\nactor Donor "A donor" { kind donor }\nactor A "A" { kind police }\n' },
    { name: 'not-a-library', text: 'strategy "Imported strategy" { country "Y" period from 2020 to 2021 currency EUR }\nobjective Police "Clash" { sector policing }\n' },
    { name: 'half-written', text: 'library "Half"\nactor FNP "Police" { kind pol' },
    { name: 'imports-main', text: 'library "Back"\nimport "../main.ssr"\nactor Donor "D" { kind donor }\n' },
    { name: 'duplicates', text: 'library "Dup"\nactor FNP "P" { kind police }\nactor FNP "P2" { kind police }\nactor Donor "D" { kind donor-agency }\nactor\n' },
    { name: 'empty', text: '' },
    { name: 'garbage', text: '\u0000\uFEFF}}}{{{ "unterminated\n' },
];

/** `.ssrrc.json` variants: none, valid, invalid JSON, unknown keys, wrong types, odd values. */
export const CONFIG_VARIANTS: readonly { name: string; text?: string; dir?: true; bytes?: number[] }[] = [
    { name: 'none' },
    { name: 'valid', text: '{ "rules": { "fiscal/donor-taper": "error", "coverage/subsectors": "off" }, "settings": { "fiscal.maxExternalShare": 0.4 } }' },
    { name: 'invalid-json', text: '{ "rules": { "fiscal/gap": "error", } ' },
    { name: 'unknown-keys', text: '{ "rulez": {}, "rules": { "fiscal/gapp": "error", "syntax/error": "off" }, "settings": { "fiscal.maxExternalShares": 1 }, "taxonomy": { "sectors": { "space": { "description": "x" } } } }' },
    { name: 'wrong-types', text: '{ "rules": [ "fiscal/gap" ], "settings": "none" }' },
    { name: 'wrong-values', text: '{ "rules": { "fiscal/gap": 3, "fiscal/unfunded": null, "fiscal/donor-taper": "fatal" }, "settings": { "fiscal.maxExternalShare": "0.4" } }' },
    { name: 'out-of-range', text: '{ "settings": { "fiscal.maxExternalShare": 1e308 } }' },
    { name: 'nan-like', text: '{ "settings": { "fiscal.maxExternalShare": -0 }, "rules": { "__proto__": "off", "constructor": "error" } }' },
    { name: 'null', text: 'null' },
    { name: 'array', text: '[]' },
    { name: 'empty', text: '' },
    { name: 'everything-off', text: '{ "rules": { "coverage/gender": "off", "fiscal/gap": "hint", "monitoring/no-benchmark": "info", "sequencing/order": "warning", "suppression/unused": "off" } }' },
    { name: 'directory', dir: true },
    { name: 'not-utf8', bytes: [0x7b, 0x22, 0x72, 0x75, 0x6c, 0x65, 0x73, 0x22, 0x3a, 0xff, 0xfe, 0x7d] },
    { name: 'bom', text: '\uFEFF{ "rules": { "fiscal/gap": "warning" } }' },
    { name: 'deep', text: '['.repeat(5000) + ']'.repeat(5000) },
];

export function configVariantCount(input: Pick<CaseInput, 'extraConfigs'>): number {
    return CONFIG_VARIANTS.length + (input.extraConfigs?.length ?? 0);
}

export function configName(input: CaseInput): string {
    const n = input.config % configVariantCount(input);
    return n < CONFIG_VARIANTS.length ? CONFIG_VARIANTS[n].name : `spec-${n - CONFIG_VARIANTS.length}`;
}

/** A library of `count` actors (the huge import). */
function hugeLibrary(count = 20000): string {
    const lines = ['library "Huge"'];
    for (let i = 0; i < count; i++) lines.push(`actor H${i} "Actor number ${i}" { kind police }`);
    return lines.join('\n') + '\n';
}

/** Writes the case under `root` (fixtures and the case's own files); returns the path of ws/main.ssr. */
export function writeCase(root: string, input: CaseInput, options: { huge?: boolean } = {}): string {
    writeFixtures(root, options.huge ?? input.main.includes('huge.ssr'));
    return writeCaseFiles(root, input);
}

/** The files every case shares (written once per folder). */
export function writeFixtures(root: string, huge: boolean): void {
    const ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(ws, 'lib'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'dir.ssr'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'dir.ssr', 'inner.ssr'), LIBRARY_VARIANTS[0].text);
    fs.writeFileSync(path.join(ws, 'empty.ssr'), '');
    fs.writeFileSync(path.join(ws, 'latin1.ssr'), Buffer.from('library "Caf\xe9 \xff\xfe"\nactor Lat "\xe9t\xe9" { kind police }\n', 'latin1'));
    fs.writeFileSync(path.join(ws, 'binary.ssr'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
    fs.writeFileSync(path.join(ws, 'cycle-a.ssr'), 'library "Cycle A"\nimport "cycle-b.ssr"\nactor CA "A" { kind police }\n');
    fs.writeFileSync(path.join(ws, 'cycle-b.ssr'), 'library "Cycle B"\nimport "cycle-a.ssr"\nimport "main.ssr"\nactor CB "B" { kind donor }\n');
    fs.writeFileSync(path.join(ws, 'strategy2.ssr'), 'strategy "Second" { country "Z" period from 2026 to 2027 currency USD }\nactor FNP "Also police" { kind police }\n');
    fs.writeFileSync(path.join(root, 'outside.ssr'), 'library "Outside"\nactor Out "Outside the workspace" { kind donor }\n');
    if (huge && !fs.existsSync(path.join(ws, 'huge.ssr'))) fs.writeFileSync(path.join(ws, 'huge.ssr'), hugeLibrary());
}

/** The files of one case: the document, the library variant and the configuration variant. */
export function writeCaseFiles(root: string, input: CaseInput): string {
    const ws = path.join(root, 'ws');
    const library = LIBRARY_VARIANTS[input.library % LIBRARY_VARIANTS.length].text;
    const main = path.join(ws, 'main.ssr');
    fs.writeFileSync(main, input.main);
    for (const file of [path.join(ws, 'lib', 'actors.ssr'), path.join(ws, 'lib', 'actors'), path.join(ws, 'lib', 'upper.SSR'), path.join(ws, 'ünïcødé.ssr')]) {
        fs.writeFileSync(file, library);
    }
    if (input.main.includes('huge.ssr') && !fs.existsSync(path.join(ws, 'huge.ssr'))) fs.writeFileSync(path.join(ws, 'huge.ssr'), hugeLibrary());
    const n = input.config % configVariantCount(input);
    const configPath = path.join(ws, '.ssrrc.json');
    fs.rmSync(configPath, { recursive: true, force: true });
    if (n < CONFIG_VARIANTS.length) {
        const variant = CONFIG_VARIANTS[n];
        if (variant.dir) fs.mkdirSync(configPath, { recursive: true });
        else if (variant.bytes) fs.writeFileSync(configPath, Buffer.from(variant.bytes));
        else if (variant.text !== undefined) fs.writeFileSync(configPath, variant.text);
    } else {
        fs.writeFileSync(configPath, input.extraConfigs![n - CONFIG_VARIANTS.length]);
    }
    return main;
}
