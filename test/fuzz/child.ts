/**
 * The checking process of the fuzzer (forked by lane.ts): evaluates the cases it is sent, one at a
 * time, and answers with their outcome. A case that hangs is stopped by killing this process.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Evaluator, normalizeMessage, stackTop, type Failure, type Outcome, type Step } from './evaluate.js';
import type { CaseInput } from './workspace.js';

export interface CaseRequest { id: number; input: CaseInput; steps?: Step[] }
export type CaseAnswer = { id: number; outcome: Outcome } | { id: number; error: string } | { id: number; progress: string; cpuMs?: number };

Error.stackTraceLimit = 25;
// A memory file system when there is one: every case writes its files.
const tmpRoot = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'ssr-fuzz-'));
let current = 0;
const evaluator = new Evaluator(tmpRoot, (step, cpuMs) => process.send!({ id: current, progress: step, cpuMs }));
let asyncErrors: Failure[] = [];

const asyncFailure = (kind: string) => (error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const stack = error instanceof Error ? error.stack : undefined;
    asyncErrors.push({ property: 'exception', key: `exception in ${kind}: ${normalizeMessage(message)} @ ${stackTop(stack)}`, message, stack });
};
process.on('uncaughtException', asyncFailure('an uncaught exception'));
process.on('unhandledRejection', asyncFailure('an unhandled rejection'));
process.on('exit', () => fs.rmSync(tmpRoot, { recursive: true, force: true }));
process.on('disconnect', () => process.exit(0));

// One case at a time, in the order sent (cases share this process's folder and services).
let chain: Promise<void> = Promise.resolve();
process.on('message', (request: CaseRequest) => {
    chain = chain.then(() => handle(request));
});

async function handle(request: CaseRequest): Promise<void> {
    try {
        current = request.id;
        process.send!({ id: current, progress: 'checking' });
        asyncErrors = [];
        const outcome = await evaluator.evaluate(request.input, request.steps);
        await new Promise(resolve => setImmediate(resolve));
        const failures = [...outcome.failures, ...asyncErrors.filter(a => !outcome.failures.some(f => f.key === a.key))];
        process.send!({ id: request.id, outcome: { ...outcome, failures } } satisfies CaseAnswer);
    } catch (error) {
        process.send!({ id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies CaseAnswer);
    }
}
process.send!({ id: 0, ready: true, tmpRoot });
