/**
 * A small LSP client for the bundled language server (dist/server.cjs) over stdio, shared by the
 * benchmark and the soak. It keeps the open documents' texts (applying incremental changes the
 * way an editor does), records every publishDiagnostics in arrival order, times requests with a
 * hard limit each, captures the server's stderr and log messages, and notices when the server
 * exits (pending requests then fail at once instead of waiting for their limit).
 *
 * Diagnostics and versions: the server publishes diagnostics without a `version` (Langium's
 * diagnostics handler leaves it out), so a publication cannot name the text it was computed for.
 * Two ways to get the diagnostics of a known text are offered:
 *  - `nextDiagnostics(uri, after)`: the first publication for `uri` that arrived after a point
 *    (a `mark()`); right for one edit at a time, where no older build is still running.
 *  - `settle(uris)`: for any history of edits. A barrier request (a method the server does not
 *    know, answered at once) is processed after every earlier change; once it is answered, no
 *    build started before those changes can publish any more (the server cancels a build before
 *    it handles the next message, and a cancelled build publishes nothing). A change that leaves
 *    the text as it is then makes the server rebuild and publish each given document, so its
 *    first publication after that change is the diagnostics of the current texts.
 * If the server ever publishes with a `version`, `nextDiagnostics` can wait for that version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, CancellationTokenSource, ResponseError } from 'vscode-languageserver-protocol/node';
import type {
    Diagnostic, InitializeResult, PublishDiagnosticsParams, ServerCapabilities, Range,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'langium';
import { threadCpuMs } from './stats.js';

export interface Publication {
    /** Arrival order among all publications of this client, from 1. */
    readonly seq: number;
    /** performance.now() at arrival. */
    readonly at: number;
    readonly uri: string;
    readonly version?: number;
    readonly diagnostics: Diagnostic[];
}

export interface LogEntry {
    /** 1 error, 2 warning, 3 info, 4 log. */
    readonly type: number;
    readonly message: string;
    /** performance.now() at arrival. */
    readonly at: number;
}

export interface RequestOutcome<T> {
    readonly method: string;
    readonly ms: number;
    readonly result?: T;
    /** The server answered with an error. */
    readonly error?: { code: number; message: string };
    /** No answer within the limit (the request was then cancelled), or the server exited first. */
    readonly unanswered?: 'timeout' | 'exit';
}

export class RequestFailure extends Error {
    constructor(readonly outcome: RequestOutcome<unknown>) {
        super(`${outcome.method}: ${outcome.unanswered ? `no answer (${outcome.unanswered}) after ${outcome.ms.toFixed(0)} ms` : `error ${outcome.error?.code} ${outcome.error?.message}`}`);
    }
}

export interface StartOptions {
    /** The bundled server, e.g. dist/server.cjs. */
    serverPath: string;
    /** The workspace folder (absolute path). */
    rootFolder: string;
    /** Extra arguments for node before the server path. */
    nodeArgs?: string[];
    /** Hard limit for `initialize`, ms. */
    initializeTimeoutMs?: number;
}

/** Benign answers: a request cancelled by the client or overtaken by a change. */
export const CANCELLATION_CODES = new Set([-32800 /* RequestCancelled */, -32801 /* ContentModified */, -32802 /* ServerCancelled */]);

const STDERR_LIMIT = 256 * 1024;

export class LspClient {
    readonly connection: MessageConnection;
    capabilities: ServerCapabilities = {};
    /** The server's standard error (the last 256 KB). */
    stderr = '';
    /** window/logMessage and window/showMessage, in order. */
    readonly logs: LogEntry[] = [];
    readonly publications: Publication[] = [];
    exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    private readonly documents = new Map<string, TextDocument>();
    private readonly waiters = new Set<() => void>();
    private readonly exitListeners = new Set<() => void>();
    private seq = 0;
    private barrierCount = 0;

    private constructor(readonly process: ChildProcess, readonly rootUri: string) {
        this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
        process.stderr!.setEncoding('utf8');
        process.stderr!.on('data', (chunk: string) => {
            this.stderr = (this.stderr + chunk).slice(-STDERR_LIMIT);
        });
        // A write after the server died must not crash the client.
        process.stdin!.on('error', () => undefined);
        process.on('exit', (code, signal) => {
            this.exit = { code, signal };
            for (const listener of [...this.exitListeners]) listener();
            this.notifyWaiters();
        });
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.publications.push({ seq: ++this.seq, at: performance.now(), uri: params.uri, version: params.version, diagnostics: params.diagnostics });
            this.notifyWaiters();
        });
        const log = (params: { type: number; message: string }) => { this.logs.push({ type: params.type, message: params.message, at: performance.now() }); };
        this.connection.onNotification('window/logMessage', log);
        this.connection.onNotification('window/showMessage', log);
        this.connection.onNotification(() => undefined); // telemetry, $/progress, …
        // Requests from the server: settings are empty (defaults), everything else is acknowledged.
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
        this.connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
        this.connection.onRequest(() => null);
        this.connection.onError(() => undefined);
        this.connection.onClose(() => this.notifyWaiters());
        this.connection.listen();
    }

    /** Starts the server, initializes it with the workspace folder and waits until its workspace is loaded. */
    static async start(options: StartOptions): Promise<LspClient> {
        const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const rootUri = fileUri(options.rootFolder);
        const client = new LspClient(child, rootUri);
        const init = await client.request<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: true },
                textDocument: {
                    synchronization: { didSave: true, dynamicRegistration: false },
                    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
                    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], resolveSupport: { properties: ['documentation', 'detail'] } } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } }, resolveSupport: { properties: ['edit'] }, dataSupport: true },
                    rename: { prepareSupport: true },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
                    foldingRange: { lineFoldingOnly: true },
                },
            },
        }, options.initializeTimeoutMs ?? 30000);
        if (!init.result) {
            client.dispose();
            throw new Error(`initialize failed: ${new RequestFailure(init).message}\n${client.stderr}`);
        }
        client.capabilities = init.result.capabilities;
        await client.connection.sendNotification('initialized', {});
        // A workspace request is answered once the workspace is loaded and indexed.
        if (client.capabilities.workspaceSymbolProvider) {
            const ready = await client.request('workspace/symbol', { query: 'no-such-symbol-ssr-bench' }, options.initializeTimeoutMs ?? 30000);
            if (ready.unanswered) throw new RequestFailure(ready);
        }
        return client;
    }

    get pid(): number {
        return this.process.pid!;
    }

    /** A point in the stream of publications: `nextDiagnostics(uri, mark)` waits for a later one. */
    mark(): number {
        return this.seq;
    }

    onExit(listener: () => void): () => void {
        this.exitListeners.add(listener);
        return () => this.exitListeners.delete(listener);
    }

    /** Sends a request and times it. Never throws: the outcome says how it ended. */
    async request<T = unknown>(method: string, params: unknown, timeoutMs: number): Promise<RequestOutcome<T>> {
        const start = performance.now();
        const elapsed = () => performance.now() - start;
        if (this.exit) return { method, ms: 0, unanswered: 'exit' };
        const source = new CancellationTokenSource();
        let timer: NodeJS.Timeout | undefined;
        let removeExit: (() => void) | undefined;
        const limit = new Promise<RequestOutcome<T>>(resolve => {
            timer = setTimeout(() => {
                source.cancel();
                resolve({ method, ms: elapsed(), unanswered: 'timeout' });
            }, timeoutMs);
            removeExit = this.onExit(() => resolve({ method, ms: elapsed(), unanswered: 'exit' }));
        });
        const answer = this.connection.sendRequest<T>(method, params, source.token).then(
            (result): RequestOutcome<T> => ({ method, ms: elapsed(), result }),
            (error: unknown): RequestOutcome<T> => {
                if (error instanceof ResponseError) return { method, ms: elapsed(), error: { code: error.code, message: error.message } };
                return { method, ms: elapsed(), unanswered: 'exit', error: { code: 0, message: String(error) } };
            });
        try {
            return await Promise.race([answer, limit]);
        } finally {
            clearTimeout(timer);
            removeExit?.();
            source.dispose();
        }
    }

    // -----------------------------------------------------------------------------------------
    // Documents
    // -----------------------------------------------------------------------------------------

    text(uri: string): string {
        return this.document(uri).getText();
    }

    version(uri: string): number {
        return this.document(uri).version;
    }

    textDocument(uri: string): TextDocument {
        return this.document(uri);
    }

    get openUris(): string[] {
        return [...this.documents.keys()];
    }

    async open(uri: string, text: string): Promise<void> {
        const document = TextDocument.create(uri, 'ssr', 1, text);
        this.documents.set(uri, document);
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ssr', version: 1, text } });
    }

    /** Applies incremental changes locally and sends them; returns the new version. */
    async change(uri: string, changes: { range: Range; text: string }[]): Promise<number> {
        const document = this.document(uri);
        const version = document.version + 1;
        TextDocument.update(document, changes, version);
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
        return version;
    }

    async close(uri: string): Promise<void> {
        this.documents.delete(uri);
        await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }

    // -----------------------------------------------------------------------------------------
    // Diagnostics
    // -----------------------------------------------------------------------------------------

    /** The latest diagnostics published for `uri`, if any. */
    latest(uri: string): Publication | undefined {
        for (let i = this.publications.length - 1; i >= 0; i--) {
            if (this.publications[i].uri === uri) return this.publications[i];
        }
        return undefined;
    }

    /**
     * The first publication for `uri` after `after` (a `mark()`), and for `version` if the server
     * sends versions. Rejects after `timeoutMs` or when the server exits.
     */
    nextDiagnostics(uri: string, after: number, timeoutMs: number, version?: number): Promise<Publication> {
        const find = () => this.publications.find(p => p.seq > after && p.uri === uri && (p.version === undefined || version === undefined || p.version >= version));
        return new Promise((resolve, reject) => {
            const check = () => {
                const found = find();
                if (found) {
                    done();
                    resolve(found);
                } else if (this.exit) {
                    done();
                    reject(new Error(`the server exited (code ${this.exit.code}, signal ${this.exit.signal}) before publishing diagnostics for ${uri}`));
                }
            };
            const timer = setTimeout(() => {
                done();
                reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
            }, timeoutMs);
            const done = () => {
                clearTimeout(timer);
                this.waiters.delete(check);
            };
            this.waiters.add(check);
            check();
        });
    }

    /**
     * Resolves once `condition` holds, checked now and after every publication; rejects after
     * `timeoutMs` or when the server exits. For conditions on what the editor would show.
     */
    waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
        return new Promise((resolve, reject) => {
            const check = () => {
                if (condition()) {
                    done();
                    resolve();
                } else if (this.exit) {
                    done();
                    reject(new Error(`the server exited before ${what}`));
                }
            };
            const timer = setTimeout(() => {
                done();
                reject(new Error(`not within ${timeoutMs} ms: ${what}`));
            }, timeoutMs);
            const done = () => {
                clearTimeout(timer);
                this.waiters.delete(check);
            };
            this.waiters.add(check);
            check();
        });
    }

    /**
     * The diagnostics of the current text of each of `uris` (see the header): a barrier request,
     * then a change that keeps each text as it is, then the first publication of each after the
     * barrier.
     */
    async settle(uris: string[], timeoutMs: number): Promise<Map<string, Publication>> {
        const barrier = await this.request(`ssr-bench/barrier-${++this.barrierCount}`, {}, timeoutMs);
        if (barrier.unanswered) throw new RequestFailure(barrier);
        const result = new Map<string, Publication>();
        // One document at a time: a change sent while the server is still publishing for the
        // previous one would cancel that build, and a cancelled build may leave a document
        // validated but unpublished (see docs/performance.md, known problems).
        for (const uri of uris) {
            const after = this.mark();
            await this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
            result.set(uri, await this.nextDiagnostics(uri, after, timeoutMs));
        }
        return result;
    }

    // -----------------------------------------------------------------------------------------
    // Process
    // -----------------------------------------------------------------------------------------

    /** The server's resident set size now (VmRSS) and its peak so far (VmHWM), in bytes. */
    memory(): { rss: number; peak: number } | undefined {
        return readMemory(this.pid);
    }

    /**
     * CPU time of the server's main thread so far (from /proc/<pid>/schedstat, nanosecond
     * resolution), in milliseconds: the work the server did, whatever else runs on the machine.
     */
    cpu(): number | undefined {
        return threadCpuMs(this.pid);
    }

    /** Asks the server to shut down and exit; kills it if it does not within the limit. */
    async shutdown(timeoutMs = 5000): Promise<void> {
        if (!this.exit) {
            const exited = new Promise<void>(resolve => this.onExit(resolve));
            await this.request('shutdown', null, timeoutMs);
            await this.connection.sendNotification('exit').catch(() => undefined);
            const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
            await exited;
            clearTimeout(timer);
        }
        this.connection.dispose();
    }

    dispose(): void {
        if (!this.exit) this.process.kill('SIGKILL');
        this.connection.dispose();
    }

    private document(uri: string): TextDocument {
        const document = this.documents.get(uri);
        if (!document) throw new Error(`${uri} is not open`);
        return document;
    }

    private notifyWaiters(): void {
        for (const waiter of [...this.waiters]) waiter();
    }
}

/** A file's URI written as the server writes it (vscode-uri), so that publications match. */
export function fileUri(file: string): string {
    return URI.file(file).toString();
}

/** VmRSS and VmHWM of a process from /proc, in bytes (undefined where /proc is not available). */
export function readMemory(pid: number): { rss: number; peak: number } | undefined {
    try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
        return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    } catch {
        return undefined;
    }
}

