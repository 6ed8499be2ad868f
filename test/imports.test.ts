/**
 * Imports are input too (issue 15): an import that names a folder, a file of another extension, a
 * missing file, a file that is not UTF-8 or too large, a file outside the workspace, or a cycle is
 * one `reference/import` finding on the import's path, never an exception, and the rest of the
 * document is still checked. Real files on disk, checked as the command line checks them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_LIBRARY_BYTES } from '../language/parsing/imports.js';
import { ssr } from './cli-helpers.js';
import { HEADER } from './helpers.js';
import { mark } from './support/findings.js';

interface JsonFinding { file: string; ruleId: string; message: string; line: number; column: number; endColumn: number }

describe('imports are input too', () => {
    let root: string, dir: string;
    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-imports-'));
        dir = path.join(root, 'ws');
        fs.mkdirSync(path.join(dir, 'lib'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'lib', 'actors.ssr'), 'library "Actors"\n\nactor NNP "Police" { kind police }\n');
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    /** Checks plan.ssr (written with markers) and returns its reference/import findings and its other rule ids. */
    async function check(source: string) {
        const marked = mark(source);
        fs.writeFileSync(path.join(dir, 'plan.ssr'), marked.text);
        const result = await ssr(['check', 'plan.ssr', '--format', 'json'], dir);
        assert.notEqual(result.code, 2, result.stderr);
        const findings = (JSON.parse(result.stdout) as JsonFinding[]).filter(f => f.file === 'plan.ssr');
        const imports = findings.filter(f => f.ruleId === 'reference/import');
        const at = marked.marks.get('path');
        assert.ok(at, 'the test marks the path');
        for (const finding of imports) {
            assert.deepEqual([finding.line - 1, finding.column - 1, finding.endColumn - 1], [at.start.line, at.start.character, at.end.character], 'at the import path');
        }
        return { imports, others: findings.filter(f => f.ruleId !== 'reference/import'), code: result.code };
    }

    const plan = (importPath: string) => `${HEADER}\nimport ‹path:"${importPath}"›\n\nobjective P "P" {\n    sector policing\n    lead NNP\n}\n`;

    it('accepts a library inside the workspace', async () => {
        const { imports, others } = await check(plan('lib/actors.ssr'));
        assert.deepEqual(imports, []);
        assert.ok(!others.some(f => f.ruleId.startsWith('reference/')), 'NNP resolves');
    });

    for (const [what, setup, importPath, words] of [
        ['a folder', () => fs.mkdirSync(path.join(dir, 'folder.ssr')), 'folder.ssr', /is a folder/],
        ['a file without the .ssr extension', () => undefined, 'lib/actors', /is not a \.ssr file/],
        ['a file of another extension', () => fs.writeFileSync(path.join(dir, 'x.txt'), 'text'), 'x.txt', /is not a \.ssr file/],
        ['a missing file', () => undefined, 'lib/missing.ssr', /does not exist/],
        ['a file that is not UTF-8', () => fs.writeFileSync(path.join(dir, 'latin1.ssr'), Buffer.from([0x6c, 0x69, 0x62, 0xe9, 0xff, 0xfe])), 'latin1.ssr', /is not UTF-8 text/],
        ['a huge file', () => fs.writeFileSync(path.join(dir, 'huge.ssr'), Buffer.alloc(MAX_LIBRARY_BYTES + 1, 0x20)), 'huge.ssr', /is too large/],
        ['a file outside the workspace', () => fs.writeFileSync(path.join(root, 'outside.ssr'), 'library "Out"\n'), '../outside.ssr', /outside the workspace/],
        ['the file itself', () => undefined, 'plan.ssr', /is this file itself/],
    ] as [string, () => void, string, RegExp][]) {
        it(`reports ${what} on the import, and checks the rest`, async () => {
            setup();
            const { imports, others } = await check(plan(importPath));
            assert.equal(imports.length, 1, JSON.stringify(imports));
            assert.match(imports[0].message, words);
            assert.ok(!/undefined|NaN/.test(imports[0].message), imports[0].message);
            assert.ok(others.some(f => f.ruleId === 'reference/unresolved' || f.ruleId === 'coverage/subsectors'), 'the rest of the document is still checked');
        });
    }

    it('links a name declared both here and in a library to this file\'s declaration, and reports the duplicate of any kind', async () => {
        fs.writeFileSync(path.join(dir, 'lib', 'donors.ssr'), 'library "Donors"\n\nactor A "Donor" { kind donor }\n\nobjective DDR "DDR" {\n    sector ddr\n    lead A\n}\n');
        const text = `${HEADER}\nimport "lib/donors.ssr"\n\nactor A "Police" { kind police }\n\nobjective DDR "DDR here" {\n    sector policing\n    lead A\n}\n`;
        fs.writeFileSync(path.join(dir, 'plan.ssr'), text);
        for (let run = 0; run < 2; run++) { // the same answer whatever order the files are read in
            const files = run === 0 ? ['plan.ssr', 'lib/donors.ssr'] : ['lib/donors.ssr', 'plan.ssr'];
            const result = await ssr(['check', ...files, '--format', 'json'], dir);
            const findings = (JSON.parse(result.stdout) as JsonFinding[]).filter(f => f.file === 'plan.ssr');
            assert.ok(!findings.some(f => f.ruleId === 'ownership/external-lead'), 'lead A is this file\'s police, not the library\'s donor');
            assert.deepEqual(findings.filter(f => f.ruleId === 'reference/duplicate').map(f => f.line).sort((x, y) => x - y), [9, 11], 'the actor and the objective');
        }
    });

    it('reports an import cycle on both imports', async () => {
        fs.writeFileSync(path.join(dir, 'lib', 'a.ssr'), 'library "A"\n\nimport "b.ssr"\n\nactor NNP "Police" { kind police }\n');
        fs.writeFileSync(path.join(dir, 'lib', 'b.ssr'), 'library "B"\n\nimport "a.ssr"\n');
        const result = await ssr(['check', 'lib/a.ssr', 'lib/b.ssr', '--format', 'json'], dir);
        const cycles = (JSON.parse(result.stdout) as JsonFinding[]).filter(f => f.ruleId === 'reference/import');
        assert.deepEqual(cycles.map(f => f.file).sort(), ['lib/a.ssr', 'lib/b.ssr']);
        assert.ok(cycles.every(f => /imports this file back/.test(f.message)));
    });
});
