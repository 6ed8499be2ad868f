/**
 * The plan summary as PDF: the HTML summary (the same file `ssr summary --format html` writes)
 * printed by a headless Chromium over the DevTools protocol, on a pipe (no port, no network):
 * A4 or Letter, the strategy's title in the header and page numbers in the footer, the charts as
 * the vector graphics they are in the HTML. The browser is found by browser.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { renderHtml, type PlanSummary } from '../summary/index.js';
import type { BrowserLaunch } from './browser.js';
import { PAPER_SIZES, type Paper } from './paper.js';

export interface PdfOptions {
    browser: BrowserLaunch;
    paper: Paper;
    /** Gives up after this long (default 60 s). */
    timeoutMs?: number;
}

/** Small, muted, inside the margins; Chromium fills `title`, `pageNumber` and `totalPages` with text. */
const HEADER = '<div style="font: 8px sans-serif; color: #59636e; width: 100%; margin: 0 0.6in; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;"><span class="title"></span></div>';
const FOOTER = '<div style="font: 8px sans-serif; color: #59636e; width: 100%; margin: 0 0.6in; text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

export async function renderPdf(summary: PlanSummary, options: PdfOptions): Promise<Uint8Array> {
    const html = renderHtml(summary);
    const size = PAPER_SIZES[options.paper];
    return printHtml(html, options.browser, {
        paperWidth: size.width, paperHeight: size.height,
        marginTop: 0.75, marginBottom: 0.75, marginLeft: 0.6, marginRight: 0.6,
        displayHeaderFooter: true, headerTemplate: HEADER, footerTemplate: FOOTER,
        printBackground: true, preferCSSPageSize: false, generateTaggedPDF: true, generateDocumentOutline: true,
    }, options.timeoutMs ?? 60000);
}

interface CdpMessage { id?: number; method?: string; sessionId?: string; result?: Record<string, unknown>; error?: { message: string }; params?: Record<string, unknown> }

/** Prints one HTML document with a private, throw-away browser profile. */
async function printHtml(html: string, browser: BrowserLaunch, print: Record<string, unknown>, timeoutMs: number): Promise<Uint8Array> {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-pdf-'));
    let child: ChildProcess | undefined;
    try {
        child = spawn(browser.executablePath, [...browser.args, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
            stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
            env: { ...process.env, ...browser.env },
        });
        const cdp = new Cdp(child, browser.source);
        const timer = setTimeout(() => cdp.fail(new Error(`${browser.source} did not print the PDF within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
        try {
            const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' }) as { targetId: string };
            const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true }) as { sessionId: string };
            await cdp.send('Page.enable', {}, sessionId);
            await cdp.send('Emulation.setEmulatedMedia', { media: 'print', features: [{ name: 'prefers-color-scheme', value: 'light' }] }, sessionId);
            const { frameTree } = await cdp.send('Page.getFrameTree', {}, sessionId) as { frameTree: { frame: { id: string } } };
            const loaded = cdp.once('Page.loadEventFired', sessionId);
            await cdp.send('Page.setDocumentContent', { frameId: frameTree.frame.id, html }, sessionId);
            await loaded;
            const { data } = await cdp.send('Page.printToPDF', print, sessionId) as { data: string };
            await cdp.send('Browser.close').catch(() => undefined);
            return new Uint8Array(Buffer.from(data, 'base64'));
        } finally {
            clearTimeout(timer);
        }
    } finally {
        if (child && child.exitCode === null && child.signalCode === null) {
            const exited = new Promise(resolve => child?.once('exit', resolve));
            child.kill('SIGKILL');
            await exited;
        }
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    }
}

/** The DevTools protocol over `--remote-debugging-pipe`: JSON messages ending in NUL, requests on fd 3, answers on fd 4. */
class Cdp {
    private nextId = 1;
    private readonly pending = new Map<number, { resolve(value: Record<string, unknown>): void; reject(error: Error): void }>();
    private readonly waiters: Array<{ method: string; sessionId?: string; resolve(): void }> = [];
    private failure: Error | undefined;
    private buffer = '';
    private readonly input: Writable;

    constructor(child: ChildProcess, source: string) {
        this.input = child.stdio[3] as Writable;
        const output = child.stdio[4] as Readable;
        output.setEncoding('utf8');
        output.on('data', (chunk: string) => this.receive(chunk));
        this.input.on('error', error => this.fail(error));
        let stderr = '';
        (child.stdio[2] as Readable).on('data', chunk => { stderr = (stderr + String(chunk)).slice(-2000); });
        child.on('error', error => this.fail(new Error(`${source} could not start: ${error.message}`)));
        child.on('exit', (code, signal) => this.fail(new Error(`${source} exited (${signal ?? code}) before the PDF was printed${stderr.trim() ? `: ${stderr.trim().split('\n').pop()}` : ''}`)));
    }

    send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
        if (this.failure) return Promise.reject(this.failure);
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
        });
    }

    once(method: string, sessionId?: string): Promise<void> {
        return new Promise(resolve => this.waiters.push({ method, sessionId, resolve }));
    }

    fail(error: Error): void {
        if (this.failure) return;
        this.failure = error;
        for (const request of this.pending.values()) request.reject(error);
        this.pending.clear();
    }

    private receive(chunk: string): void {
        this.buffer += chunk;
        for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
            const message = JSON.parse(this.buffer.slice(0, end)) as CdpMessage;
            this.buffer = this.buffer.slice(end + 1);
            if (message.id !== undefined) {
                const request = this.pending.get(message.id);
                this.pending.delete(message.id);
                if (message.error) request?.reject(new Error(`Chromium: ${message.error.message}`));
                else request?.resolve(message.result ?? {});
            } else if (message.method) {
                for (const waiter of this.waiters.filter(w => w.method === message.method && (w.sessionId === undefined || w.sessionId === message.sessionId))) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve();
                }
            }
        }
    }
}
