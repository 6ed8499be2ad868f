/** The command line in process, for tests: `run` with string streams. */
import { run } from '../cli/run.js';

/** Runs the command line in process and collects what it writes. */
export async function ssr(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '', stderr = '';
    const code = await run(args, {
        cwd, env,
        stdout: { write: (text: string) => { stdout += text; } },
        stderr: { write: (text: string) => { stderr += text; } },
    });
    return { code, stdout, stderr };
}
