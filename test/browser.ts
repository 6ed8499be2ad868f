/**
 * Which Chromium the tests drive: the one place that decides it, for the mocha browser tests
 * (`test/integration/*-browser.test.ts`) and the end-to-end harness (`e2e/code-shim.cjs`,
 * `e2e/screenshot.mjs`, which import the compiled `out/test/browser.js`).
 *
 * 1. `CHROMIUM_PATH`, when set: your own Chromium or Chrome.
 * 2. On Linux x64: always the Chromium that npm installs, the devDependency `@sparticuz/chromium`
 *    (a headless Chromium build with the few shared libraries it needs), whether or not the machine
 *    has a browser of its own, so every Linux machine tests the same browser. Its compressed files are
 *    unpacked once into `.cache/chromium/<version>/` (by language/export/browser.ts, which the PDF
 *    export uses at run time, so tests and product print with the same browser).
 * 3. Elsewhere (macOS, Windows, Linux on ARM), where that build cannot run: playwright's Chromium
 *    (`npx playwright-core install chromium`), else an installed Chrome, Chromium or Edge; if there is
 *    none, `findChromium` throws a `ChromiumMissing` that says how to get one.
 */
import * as fs from 'node:fs';
import { BrowserMissing, findBrowser, npmChromium, npmChromiumRunsHere } from '../language/export/browser.js';

export interface ChromiumLaunch {
    /** The browser executable, for playwright's `executablePath`. */
    executablePath: string;
    /** Command-line switches, for playwright's `args`. */
    args: string[];
    /** Variables to add to the browser's environment (on top of `process.env`). */
    env: Record<string, string>;
    /** Where the browser comes from, for messages. */
    source: string;
}

/** No Chromium on this machine (only outside Linux x64, where npm ships one). */
export class ChromiumMissing extends Error {
    override name = 'ChromiumMissing';
}

/**
 * Headless (playwright adds its own switch), and quiet on a machine without a network: without the
 * background-networking switches Chromium keeps trying to reach Google's hosts. `--no-sandbox`
 * because CI runs as root.
 */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function findChromium(): Promise<ChromiumLaunch> {
    const own = process.env.CHROMIUM_PATH;
    if (own) {
        if (!fs.existsSync(own)) throw new Error(`CHROMIUM_PATH is ${own}, which does not exist`);
        return { executablePath: own, args: CHROMIUM_ARGS, env: {}, source: `CHROMIUM_PATH (${own})` };
    }
    if (npmChromiumRunsHere()) return { ...(await npmChromium(true))!, args: CHROMIUM_ARGS };
    try {
        return { ...(await findBrowser({ env: { ...process.env, CHROMIUM_PATH: undefined } })), args: CHROMIUM_ARGS };
    } catch (error) {
        if (!(error instanceof BrowserMissing)) throw error;
        throw new ChromiumMissing(`no Chromium found for ${process.platform} ${process.arch}: the one npm installs (@sparticuz/chromium) runs on Linux x64 only. `
            + 'Run `npx playwright-core install chromium` (playwright downloads its Chromium), install Google Chrome, Chromium or Edge, or set CHROMIUM_PATH to a Chromium or Chrome executable.');
    }
}
