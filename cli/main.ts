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

const io = {
    cwd: process.cwd(),
    // Created only when a command reads it (ssr init on a terminal).
    get stdin() { return process.stdin; },
    stdout, stderr: process.stderr, env: process.env,
};

void run(process.argv.slice(2), io)
    .then(code => { process.exitCode = code; });
