/**
 * Which Chromium the tests drive: the one place that decides it, for the mocha browser tests
 * (`summary-browser.test.ts`) and the end-to-end harness (`e2e/code-shim.cjs`, `e2e/screenshot.mjs`,
 * which import the compiled `out/test/browser.js`).
 *
 * 1. `CHROMIUM_PATH`, when set: your own Chromium or Chrome.
 * 2. On Linux x64: always the Chromium that npm installs, the devDependency `@sparticuz/chromium`
 *    (a headless Chromium build with the few shared libraries it needs), whether or not the machine
 *    has a browser of its own, so every Linux machine tests the same browser. Its compressed files are
 *    unpacked once into `.cache/chromium/<version>/`.
 * 3. Elsewhere (macOS, Windows, Linux on ARM), where that build cannot run: playwright's Chromium
 *    (`npx playwright-core install chromium`), else an installed Chrome, Chromium or Edge; if there is
 *    none, `findChromium` throws a `ChromiumMissing` that says how to get one.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';

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
 * Headless, and quiet on a machine without a network: without the background-networking switches
 * Chromium keeps trying to reach Google's hosts. `--no-sandbox` because CI runs as root.
 */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** The platforms where `@sparticuz/chromium`'s build runs. */
function npmChromiumRunsHere(): boolean {
    return process.platform === 'linux' && process.arch === 'x64';
}

export async function findChromium(): Promise<ChromiumLaunch> {
    const own = process.env.CHROMIUM_PATH;
    if (own) {
        if (!fs.existsSync(own)) throw new Error(`CHROMIUM_PATH is ${own}, which does not exist`);
        return { executablePath: own, args: CHROMIUM_ARGS, env: {}, source: `CHROMIUM_PATH (${own})` };
    }
    if (npmChromiumRunsHere()) return npmChromium();
    return otherChromium();
}

/** `@sparticuz/chromium`, unpacked once into `.cache/chromium/<version>/` (safe when several processes start at once). */
async function npmChromium(): Promise<ChromiumLaunch> {
    let entry: string;
    try {
        entry = require.resolve('@sparticuz/chromium');
    } catch {
        throw new Error('the devDependency @sparticuz/chromium is not installed: run npm ci');
    }
    // The package's own folder: the nearest package.json named @sparticuz/chromium above its entry point.
    let packageDir = path.dirname(entry);
    let manifest: { name?: string; version: string } | undefined;
    for (; packageDir !== path.dirname(packageDir); packageDir = path.dirname(packageDir)) {
        const file = path.join(packageDir, 'package.json');
        if (fs.existsSync(file)) manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
        if (manifest?.name === '@sparticuz/chromium') break;
    }
    if (manifest?.name !== '@sparticuz/chromium') throw new Error(`cannot find the folder of @sparticuz/chromium above ${entry}`);
    const cache = path.join(ROOT, '.cache', 'chromium', manifest.version);
    const executablePath = path.join(cache, 'chromium');
    if (!fs.existsSync(executablePath)) await unpack(path.join(packageDir, 'bin'), cache);
    return {
        executablePath,
        args: CHROMIUM_ARGS,
        // The build's own NSS and expat, so the machine's libraries do not matter.
        env: { LD_LIBRARY_PATH: [path.join(cache, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
        source: `@sparticuz/chromium ${manifest.version}`,
    };
}

/**
 * Unpacks the brotli-compressed binary and libraries into a private folder, then renames that folder
 * into place: a process sees the cache folder complete or not at all. When two processes race, the
 * first rename wins and the other drops its copy.
 */
async function unpack(bin: string, cache: string): Promise<void> {
    const parent = path.dirname(cache);
    fs.mkdirSync(parent, { recursive: true });
    removeAbandoned(parent);
    const tmp = path.join(parent, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    fs.mkdirSync(tmp);
    try {
        await pipeline(fs.createReadStream(path.join(bin, 'chromium.br')), zlib.createBrotliDecompress(), fs.createWriteStream(path.join(tmp, 'chromium'), { mode: 0o755 }));
        extractTar(zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'al2023.tar.br'))), tmp);
        try {
            fs.renameSync(tmp, cache);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (!(code === 'ENOTEMPTY' || code === 'EEXIST') || !fs.existsSync(path.join(cache, 'chromium'))) throw error;
        }
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}

/** Removes the private folders of processes that died while unpacking. */
function removeAbandoned(parent: string): void {
    for (const name of fs.readdirSync(parent)) {
        const match = /^\.tmp-(\d+)-/.exec(name);
        if (!match) continue;
        try {
            process.kill(Number(match[1]), 0);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(path.join(parent, name), { recursive: true, force: true });
        }
    }
}

/** Extracts a plain tar archive (regular files and folders, which is all the package ships). */
function extractTar(tar: Buffer, into: string): void {
    const field = (header: Buffer, start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '').trim();
    for (let offset = 0; offset + 512 <= tar.length;) {
        const header = tar.subarray(offset, offset + 512);
        if (header.every(byte => byte === 0)) break;
        const name = [field(header, 345, 155), field(header, 0, 100)].filter(Boolean).join('/');
        const size = parseInt(field(header, 124, 12) || '0', 8);
        const mode = parseInt(field(header, 100, 8) || '644', 8);
        const type = String.fromCharCode(header[156]);
        const target = path.resolve(into, name);
        if (!target.startsWith(path.resolve(into) + path.sep)) throw new Error(`unexpected path in the Chromium archive: ${name}`);
        if (type === '5') fs.mkdirSync(target, { recursive: true });
        else if (type === '0' || type === '\0') {
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, tar.subarray(offset + 512, offset + 512 + size), { mode });
        } else throw new Error(`unexpected entry type '${type}' in the Chromium archive: ${name}`);
        offset += 512 + Math.ceil(size / 512) * 512;
    }
}

/** Outside Linux x64: playwright's Chromium if it was installed, else a browser the system has. */
async function otherChromium(): Promise<ChromiumLaunch> {
    const candidates: Array<[string, string]> = [];
    try {
        const { chromium } = await import('playwright-core');
        candidates.push([chromium.executablePath(), "playwright's Chromium"]);
    } catch { /* playwright knows no Chromium build for this platform */ }
    const programFiles = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter((p): p is string => Boolean(p));
    const system: string[] = process.platform === 'darwin'
        ? ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
            .flatMap(app => [path.join('/Applications', app), path.join(os.homedir(), 'Applications', app)])
        : process.platform === 'win32'
            ? programFiles.flatMap(dir => [path.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.join(dir, 'Chromium', 'Application', 'chrome.exe'), path.join(dir, 'Microsoft', 'Edge', 'Application', 'msedge.exe')])
            : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
    candidates.push(...system.map((file): [string, string] => [file, file]));
    for (const [file, source] of candidates) {
        if (file && fs.existsSync(file)) return { executablePath: file, args: CHROMIUM_ARGS, env: {}, source };
    }
    throw new ChromiumMissing(`no Chromium found for ${process.platform} ${process.arch}: the one npm installs (@sparticuz/chromium) runs on Linux x64 only. `
        + 'Run `npx playwright-core install chromium` (playwright downloads its Chromium), install Google Chrome, Chromium or Edge, or set CHROMIUM_PATH to a Chromium or Chrome executable.');
}
