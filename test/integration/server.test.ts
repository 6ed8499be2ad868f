/**
 * The bundled language server (dist/server.cjs) over LSP on stdio, as an editor would drive it:
 * it starts, publishes diagnostics with rule ids and documentation links as a document is opened
 * and edited, keeps answering after broken input, picks up `.ssrrc.json` changes, reports what the
 * checker does (ssr/checkStatus) and exports the summary (ssr/export).
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CheckStatusNotification, ExportRequest, type CheckStatusParams } from '../../language/base/protocol.js';
import { docsUrl } from '../../language/base/rule-ids.js';
import { HEADER, ROOT } from '../helpers.js';
import { mark } from '../support/findings.js';
import { CONFIG_CASES, lineOf, writeCase, type ProblemAt } from '../support/config-cases.js';

describe('language server (dist/server.cjs over stdio)', function () {
    this.timeout(30000);
    let server: ChildProcess;
    let connection: MessageConnection;
    let folder: string;
    const published = new Map<string, Diagnostic[][]>();
    const statuses: CheckStatusParams[] = [];
    const waiters: (() => void)[] = [];

    /** Resolves when a check status satisfies `predicate`. */
    function statusWhen(predicate: (s: CheckStatusParams) => boolean): Promise<CheckStatusParams> {
        return new Promise(resolve => {
            const check = () => {
                const found = statuses.find(predicate);
                if (found) resolve(found);
                return found !== undefined;
            };
            if (!check()) waiters.push(() => { check(); });
        });
    }

    /** Resolves when the diagnostics published for `uri` satisfy `predicate`. */
    function diagnosticsFor(uri: string, predicate: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
        return new Promise(resolve => {
            const check = () => {
                const list = published.get(uri);
                const last = list?.[list.length - 1];
                if (last && predicate(last)) {
                    resolve(last);
                    return true;
                }
                return false;
            };
            if (!check()) waiters.push(() => { check(); });
        });
    }

    before(async () => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-server-'));
        server = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            const list = published.get(params.uri) ?? [];
            list.push(params.diagnostics);
            published.set(params.uri, list);
            for (const waiter of [...waiters]) waiter();
        });
        connection.onNotification(CheckStatusNotification, params => {
            statuses.push(params);
            for (const waiter of [...waiters]) waiter();
        });
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
        connection.onRequest('client/registerCapability', () => null);
        connection.onNotification('window/logMessage', () => undefined);
        connection.listen();
        await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(folder).href,
            workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
            capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
        });
        await connection.sendNotification('initialized', {});
    });

    after(async () => {
        try {
            await connection.sendRequest('shutdown');
            await connection.sendNotification('exit');
        } catch { /* the process may be gone already */ }
        connection.dispose();
        server.kill();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    it('publishes findings with rule ids and links, follows edits and keeps answering', async () => {
        const uri = pathToFileURL(path.join(folder, 'plan.ssr')).href;
        const { text, marks } = mark(`${HEADER}actor MOJ "Ministry of Justice" { kind ‹justice-minstry› }\n`);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ssr', version: 1, text } });
        const first = await diagnosticsFor(uri, d => d.some(x => x.code === 'taxonomy/unknown-term'));
        const term = first.find(d => d.code === 'taxonomy/unknown-term')!;
        const message = typeof term.message === 'string' ? term.message : '';
        assert.ok(message.includes("Did you mean 'justice-ministry'"), message);
        assert.equal(term.codeDescription?.href, docsUrl('taxonomy/unknown-term'));
        assert.deepEqual(term.range, marks.get('justice-minstry'));

        // Insert a broken line: a syntax error appears…
        const broken = text + 'objective {{ "\n';
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
        await diagnosticsFor(uri, d => d.some(x => x.code === 'syntax/error'));
        // …and goes away when the line is removed; the server still answers requests.
        const fixed = text.replace('justice-minstry', 'justice-ministry');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: fixed }] });
        await diagnosticsFor(uri, d => !d.some(x => x.severity === 1));
        const symbols = await connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.ok(Array.isArray(symbols) && symbols.length >= 1, 'the server answers after broken input');
    });

    it('applies a changed .ssrrc.json without a restart', async () => {
        const uri = pathToFileURL(path.join(folder, 'second.ssr')).href;
        const text = `${HEADER}// ssr-ignore-next-line coverage/gender\nactor A "A" { kind police }\n`;
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ssr', version: 1, text } });
        const before = await diagnosticsFor(uri, d => d.some(x => x.code === 'suppression/unused'));
        assert.equal(before.find(x => x.code === 'suppression/unused')!.severity, 2);
        const config = path.join(folder, '.ssrrc.json');
        fs.writeFileSync(config, JSON.stringify({ rules: { 'suppression/unused': 'error' } }));
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 1 }] });
        const after = await diagnosticsFor(uri, d => d.some(x => x.code === 'suppression/unused' && x.severity === 1));
        assert.ok(after.length > 0);
    });

    it('reports each check: busy, then the configuration, the time it took and the findings by severity', async () => {
        const uri = pathToFileURL(path.join(folder, 'third.ssr')).href;
        const seen = statuses.length;
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ssr', version: 1, text: `${HEADER}actor A "A" { kind polise }\n` } });
        const diagnostics = await diagnosticsFor(uri, d => d.some(x => x.code === 'taxonomy/unknown-term'));
        const status = await statusWhen(s => !s.busy && s.documents.some(d => d.uri === uri));
        assert.ok(statuses.slice(seen).some(s => s.busy), 'busy while it checked');
        const document = status.documents.find(d => d.uri === uri)!;
        const count = (severity: number) => diagnostics.filter(d => d.severity === severity).length;
        assert.deepEqual(document.counts, { error: count(1), warning: count(2), info: count(3), hint: count(4) });
        assert.ok(document.counts.error >= 1);
        assert.equal(document.configFile, pathToFileURL(path.join(folder, '.ssrrc.json')).href, 'the configuration the previous test wrote');
        assert.deepEqual(document.configProblems, []);
        assert.ok(document.durationMs > 0 && document.durationMs < 30000, `${document.durationMs} ms`);
    });

    it('exports the summary of an open document as Word and Excel', async () => {
        const uri = pathToFileURL(path.join(folder, 'plan.ssr')).href;
        for (const format of ['docx', 'xlsx'] as const) {
            const { data } = await connection.sendRequest(ExportRequest, { uri, format, paper: 'a4' });
            const bytes = Buffer.from(data, 'base64');
            assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `${format} is a zip`);
            assert.ok(bytes.length > 5000, `${format}: ${bytes.length} bytes`);
        }
        await assert.rejects(connection.sendRequest(ExportRequest, { uri, format: 'odt' as 'docx' }), /Unknown export format 'odt'/);
    });

    const fileUri = (file: string) => pathToFileURL(file).href;
    const messageOf = (d: Diagnostic) => typeof d.message === 'string' ? d.message : d.message.value;
    const open = (file: string) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fileUri(file), languageId: 'ssr', version: 1, text: fs.readFileSync(file, 'utf8') } });
    const changed = (...files: string[]) => connection.sendNotification('workspace/didChangeWatchedFiles', { changes: files.map(file => ({ uri: fileUri(file), type: 2 })) });

    describe('shows each configuration problem on the file that has it', () => {
        CONFIG_CASES.forEach((configCase, index) => {
            it(configCase.name, async () => {
                const caseDir = path.join(folder, 'cases', String(index));
                writeCase(caseDir, configCase);
                await open(path.join(caseDir, 'plan.ssr'));
                const expect = async (at: ProblemAt) => {
                    const line = lineOf(caseDir, at);
                    const found = await diagnosticsFor(fileUri(path.join(caseDir, at.file)), d => d.some(x => x.range.start.line === line && at.message.test(messageOf(x))));
                    assert.equal(found.find(x => at.message.test(messageOf(x)))?.code, 'config');
                };
                await expect(configCase.problem);
                if (configCase.pointer) await expect(configCase.pointer);
            });
        });
    });

    it('applies an edit to an extended file, and clears its problems once fixed, without a restart', async () => {
        const chain = path.join(folder, 'chain');
        const terms = (restriction: object) => ({
            taxonomy: { instruments: { ndici: { source: 'external', description: 'NDICI-Global Europe' } } },
            restrictions: [{ id: 'eu/ndici-lethal', instruments: ['ndici'], when: [{ activity: { type: ['equipment'] } }], message: 'no lethal equipment', ...restriction }],
        });
        const orgFile = path.join(chain, 'org', 'terms.json');
        fs.mkdirSync(path.dirname(orgFile), { recursive: true });
        fs.writeFileSync(orgFile, JSON.stringify(terms({ severity: 'warning' })));
        fs.writeFileSync(path.join(chain, '.ssrrc.json'), JSON.stringify({ extends: ['org/terms.json'] }));
        const plan = path.join(chain, 'plan.ssr');
        fs.writeFileSync(plan, `${HEADER}actor AF "Army" { kind armed-forces }\nactor EU "EU" { kind donor }\nobjective D "D" {\n    sector defence\n    lead AF\n    activity Kit "Kit" {\n        type equipment\n    }\n}\nfunding F "F" {\n    from EU\n    instrument ndici\n    amount 1M from 2027 to 2028\n    supports D\n}\n`);
        await open(plan);
        const restriction = (d: Diagnostic[]) => d.find(x => x.code === 'fiscal/instrument-restriction');
        await diagnosticsFor(fileUri(plan), d => restriction(d)?.severity === 2 && !d.some(x => x.code === 'taxonomy/unknown-term'));

        fs.writeFileSync(orgFile, JSON.stringify(terms({ severity: 'error' })));
        await changed(orgFile);
        await diagnosticsFor(fileUri(plan), d => restriction(d)?.severity === 1);

        fs.writeFileSync(orgFile, JSON.stringify(terms({ severity: 'fatal' })));
        await changed(orgFile);
        await diagnosticsFor(fileUri(orgFile), d => d.some(x => /"severity" must be one of/.test(messageOf(x))));
        await diagnosticsFor(fileUri(path.join(chain, '.ssrrc.json')), d => d.some(x => /'org\/terms\.json' has a problem/.test(messageOf(x))));
        await diagnosticsFor(fileUri(plan), d => restriction(d) === undefined);

        fs.writeFileSync(orgFile, JSON.stringify(terms({ severity: 'warning' })));
        await changed(orgFile);
        await diagnosticsFor(fileUri(orgFile), d => d.length === 0);
        await diagnosticsFor(fileUri(path.join(chain, '.ssrrc.json')), d => d.length === 0);
        await diagnosticsFor(fileUri(plan), d => restriction(d)?.severity === 2);
    });
});
