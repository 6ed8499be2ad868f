/**
 * A lane: one child process (child.ts) that checks cases one at a time, with a wall-clock timeout
 * per case. A case that does not answer in time is a hang: the process is killed and a new one
 * started for the next case. The process is also replaced every few hundred cases (memory).
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './corpus.js';
import type { CaseAnswer } from './child.js';
import { extraTimeoutMs, type Outcome, type Step } from './evaluate.js';
import type { CaseInput } from './workspace.js';

export type LaneResult =
    | { kind: 'ok'; outcome: Outcome }
    /** `step`: where the case was when time ran out; `checkCpuMs`: the check's CPU time if it had ended. */
    | { kind: 'timeout'; ms: number; step: string; checkCpuMs?: number; bytes: number }
    | { kind: 'crash'; detail: string };

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.js');
const POLYFILL = path.join(ROOT, 'language', 'polyfill.mjs');

export class Lane {
    private child?: ChildProcess;
    private ready?: Promise<void>;
    private served = 0;
    private stderr = '';
    private nextId = 1;
    private tmpRoot?: string;

    constructor(private readonly timeoutMs: number, private readonly recycleAfter = 400) { }

    private start(): Promise<void> {
        this.stderr = '';
        const child = fork(CHILD, [], {
            execArgv: ['--import', POLYFILL, '--enable-source-maps', '--max-old-space-size=4096'],
            stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
            serialization: 'advanced',
        });
        child.stderr!.on('data', (chunk: Buffer) => { this.stderr = (this.stderr + chunk.toString()).slice(-4000); });
        this.child = child;
        this.served = 0;
        this.ready = new Promise((resolve, reject) => {
            const onMessage = (message: { tmpRoot?: string }) => { this.tmpRoot = message.tmpRoot; child.off('exit', onExit); resolve(); };
            const onExit = (code: number | null, signal: string | null) => {
                if (this.child === child) this.child = undefined; // the next case starts a new one
                reject(new Error(`fuzz child exited at start (${code ?? signal}): ${this.stderr}`));
            };
            child.once('message', onMessage);
            child.once('exit', onExit);
        });
        return this.ready;
    }

    private stop(): void {
        const child = this.child;
        this.child = undefined;
        if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        // A killed child cannot clean up its temporary folder.
        if (this.tmpRoot) {
            try { fs.rmSync(this.tmpRoot, { recursive: true, force: true, maxRetries: 3 }); } catch { /* left in the temp folder */ }
        }
        this.tmpRoot = undefined;
    }

    private busy = false;

    async run(input: CaseInput, steps?: readonly Step[], timeoutMs = this.timeoutMs): Promise<LaneResult> {
        if (this.busy) throw new Error('a lane runs one case at a time');
        this.busy = true;
        try {
            // A large text may take longer before it counts as a hang (evaluate.ts extraTimeoutMs).
            return await this.runOne(input, steps, timeoutMs + extraTimeoutMs(input.main.length));
        } finally {
            this.busy = false;
        }
    }

    private async runOne(input: CaseInput, steps: readonly Step[] | undefined, timeoutMs: number): Promise<LaneResult> {
        if (this.child && this.served >= this.recycleAfter) this.stop();
        if (!this.child) await this.start();
        else await this.ready;
        const child = this.child!;
        this.served++;
        const id = this.nextId++;
        const started = performance.now();
        return new Promise<LaneResult>(resolve => {
            const done = (result: LaneResult) => {
                clearTimeout(timer);
                child.off('message', onMessage);
                child.off('exit', onExit);
                resolve(result);
            };
            let step = 'not started';
            let checkCpuMs: number | undefined;
            const onMessage = (answer: CaseAnswer) => {
                if (answer.id !== id) return;
                if ('progress' in answer) {
                    step = answer.progress;
                    if (answer.cpuMs !== undefined) checkCpuMs = answer.cpuMs;
                } else if ('error' in answer) {
                    this.stop();
                    done({ kind: 'crash', detail: `the harness failed: ${answer.error}` });
                } else {
                    done({ kind: 'ok', outcome: answer.outcome });
                }
            };
            const onExit = (code: number | null, signal: string | null) => {
                this.stop();
                done({ kind: 'crash', detail: `exit ${code ?? signal}: ${this.stderr.trim().split('\n').slice(-6).join('\n')}` });
            };
            const timer = setTimeout(() => {
                this.stop();
                done({ kind: 'timeout', ms: performance.now() - started, step, checkCpuMs, bytes: input.main.length });
            }, timeoutMs);
            child.on('message', onMessage);
            child.once('exit', onExit);
            child.send({ id, input, steps }, error => { if (error) { this.stop(); done({ kind: 'crash', detail: `cannot send the case: ${error.message}` }); } });
        });
    }

    close(): void {
        this.stop();
    }
}
