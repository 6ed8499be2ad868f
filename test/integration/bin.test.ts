/**
 * The bundled bin (dist/cli.cjs) as a user runs it: a real process, real exit codes, and quiet
 * when its reader goes away (`ssr rules | head -1`). Everything else about the command line is
 * tested in process (test/cli.test.ts).
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HEADER, ROOT, SPEC_EXAMPLES } from '../helpers.js';

const CLI = path.join(ROOT, 'dist', 'cli.cjs');

/**
 * Runs the bin with stdout read until its first line, then closed, as `| head -1` does; with
 * `closeAtOnce`, the reader is gone before the first write (so the first write meets a closed pipe
 * whatever the size of the output).
 */
function firstLineThenClose(args: string[], cwd: string, closeAtOnce = false): Promise<{ code: number | null; line: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        if (closeAtOnce) child.stdout.destroy();
        let buffered = '', line: string | undefined, stderr = '';
        child.stdout.on('data', (chunk: Buffer) => {
            if (line !== undefined) return;
            buffered += chunk.toString();
            const newline = buffered.indexOf('\n');
            if (newline >= 0) {
                line = buffered.slice(0, newline);
                child.stdout.destroy();
            }
        });
        child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
        child.on('error', reject);
        child.on('close', code => resolve({ code, line: line ?? buffered, stderr }));
    });
}

describe('the ssr bin (dist/cli.cjs)', function () {
    this.timeout(60000);
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-bin-'));
        fs.copyFileSync(path.join(SPEC_EXAMPLES, 'northland.ssr'), path.join(dir, 'northland.ssr'));
        fs.writeFileSync(path.join(dir, 'broken.ssr'), `${HEADER}\nactor NNP "Police" { kind polise }\n`);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('exits 0, 1 and 2 as CLI.md says', () => {
        const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
        assert.equal(run('check', 'northland.ssr').status, 0);
        const broken = run('check', 'broken.ssr');
        assert.equal(broken.status, 1);
        assert.match(broken.stdout, /taxonomy\/unknown-term/);
        const bad = run('check', '--bogus');
        assert.equal(bad.status, 2);
        assert.match(bad.stderr, /^ssr: /);
        assert.match(run('--version').stdout, /^\d+\.\d+\.\d+\n$/);
    });

    for (const [args, code] of [
        [['rules'], 0],
        [['--help'], 0],
        [['check', 'broken.ssr', 'northland.ssr'], 1],
        [['check', 'northland.ssr', '--format', 'sarif'], 0],
        [['summary', 'northland.ssr'], 0],
        [['diff', 'northland.ssr', 'broken.ssr'], 0],
    ] as [string[], number][]) {
        it(`ends quietly with status ${code} when the reader of 'ssr ${args.join(' ')}' closes after one line`, async () => {
            const result = await firstLineThenClose(args, dir);
            assert.notEqual(result.line, '', 'it wrote a first line');
            assert.equal(result.code, code, result.stderr);
            assert.equal(result.stderr, '', 'no stack trace, no EPIPE');
        });
        it(`ends quietly with status ${code} when the reader of 'ssr ${args.join(' ')}' is gone before it writes`, async () => {
            const result = await firstLineThenClose(args, dir, true);
            assert.equal(result.code, code, result.stderr);
            assert.equal(result.stderr, '', 'no stack trace, no EPIPE');
        });
    }
});
