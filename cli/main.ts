/**
 * The `ssr` bin: runs the command line with the process's streams. When the reader of standard
 * output goes away (`ssr rules | head -1`), it stops writing and exits with the command's status.
 */
import { run } from './run.js';

let closed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
        closed = true;
        return;
    }
    throw error;
});

const stdout = {
    get isTTY() { return process.stdout.isTTY; },
    write: (text: string) => closed || process.stdout.write(text),
};

void run(process.argv.slice(2), { cwd: process.cwd(), stdout, stderr: process.stderr, env: process.env })
    .then(code => { process.exitCode = code; });
