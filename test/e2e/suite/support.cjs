// What both end-to-end suites use: the test workspace and waiting on a condition (no fixed sleeps).
'use strict';
const path = require('node:path');
const vscode = require('vscode');

const WS = process.env.SSR_E2E_WORKSPACE;
const uriOf = rel => vscode.Uri.file(path.join(WS, rel));

/** Polls `probe` until it returns a truthy value or the deadline passes (no fixed sleeps). */
async function until(probe, what, timeoutMs = 30000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
        last = await probe();
        if (last) return last;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
}

module.exports = { WS, uriOf, until };
