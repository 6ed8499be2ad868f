/**
 * A short seeded soak (issue 15; the harness is bench/soak.ts, long runs with `npm run soak`):
 * the bundled server over stdio, random edits valid and garbage interleaved with every request it
 * supports. The soak exits 1 on any violation (an exit, an unanswered or failed request, edits that
 * cannot apply, diagnostics that differ from `ssr check`) and prints each one.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../helpers.js';

describe('soak: 1,500 seeded edits against dist/server.cjs (issue 15)', function () {
    this.timeout(240_000);

    it('the server never exits, answers every request, and ends with the diagnostics of ssr check', () => {
        const run = spawnSync(process.execPath, ['--import', './language/polyfill.mjs', path.join('out', 'bench', 'soak.js'), '--seed', '15', '--edits', '1500'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const output = `${run.stdout}\n${run.stderr}`;
        assert.equal(run.status, 0, output.slice(-4000));
        assert.match(run.stdout, /OK: no violation/, output.slice(-4000));
        assert.match(run.stdout, /the final texts: equal/);
    });
});
