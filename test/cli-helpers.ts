/** The command line in process, for tests: `run` with string streams. */
import { Readable } from 'node:stream';
import { run } from '../cli/run.js';

/**
 * Runs the command line in process and collects what it writes. With `terminal`, standard input
 * and output are a terminal (isTTY) and the lines are what the user types.
 */
export async function ssr(args: string[], cwd: string, env: Record<string, string | undefined> = {}, terminal?: { input: string[] }): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '', stderr = '';
    const stdin = terminal ? Object.assign(Readable.from(terminal.input.map(line => `${line}\n`)), { isTTY: true }) : undefined;
    const code = await run(args, {
        cwd, env, stdin,
        stdout: { write: (text: string) => { stdout += text; }, isTTY: terminal !== undefined },
        stderr: { write: (text: string) => { stderr += text; } },
    });
    return { code, stdout, stderr };
}
