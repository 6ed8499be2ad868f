/**
 * Which Chromium prints the PDF summary, found at run time (the package ships none):
 *
 * 1. an explicit executable: `--browser`, the editor's `ssr.export.browserPath` setting, or the
 *    `CHROMIUM_PATH` environment variable;
 * 2. the npm package `@sparticuz/chromium` (Linux x64), when it is installed beside this package:
 *    its compressed build is unpacked once into `.cache/chromium/<version>/` of the project whose
 *    node_modules holds it (this project's tests install it as a devDependency);
 * 3. playwright's Chromium, if `npx playwright install chromium` put one in its cache;
 * 4. an installed Google Chrome, Chromium or Microsoft Edge (every Windows 10 and 11 has Edge).
 *
 * Without any of them `findBrowser` throws a `BrowserMissing` that says, in one line, what to do.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';

export interface BrowserLaunch {
    /** The browser executable. */
    executablePath: string;
    /** Command-line switches every launch needs. */
    args: string[];
    /** Variables to add to the browser's environment. */
    env: Record<string, string>;
    /** Where the browser comes from, for messages. */
    source: string;
}

/** No browser to print with. */
export class BrowserMissing extends Error {
    override name = 'BrowserMissing';
}

/**
 * Headless, and quiet on a machine without a network (without the background-networking switches
 * Chromium keeps trying to reach Google's hosts). The sandbox is left on except for root, where
 * Chromium refuses to start with it.
 */
function browserArgs(): string[] {
    const args = ['--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-extensions', '--disable-dev-shm-usage', '--hide-scrollbars', '--mute-audio'];
    if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
    return args;
}

const require = createRequire(import.meta.url);

/** The platforms where `@sparticuz/chromium`'s build runs. */
export const npmChromiumRunsHere = (): boolean => process.platform === 'linux' && process.arch === 'x64';

interface FindOptions {
    /** An executable named by the user (option or setting); it must exist. */
    explicit?: string;
    env?: Readonly<Record<string, string | undefined>>;
}

export async function findBrowser(options: FindOptions = {}): Promise<BrowserLaunch> {
    const env = options.env ?? process.env;
    for (const [file, source] of [[options.explicit, 'the configured browser'], [env.CHROMIUM_PATH, 'CHROMIUM_PATH']] as const) {
        if (!file) continue;
        if (!fs.existsSync(file)) throw new BrowserMissing(`${source} ${file} does not exist`);
        return { executablePath: file, args: browserArgs(), env: {}, source: `${source} (${file})` };
    }
    if (npmChromiumRunsHere()) {
        const npm = await npmChromium(false);
        if (npm) return npm;
    }
    for (const [file, source] of [...playwrightChromiums(env), ...systemBrowsers(env)]) {
        if (fs.existsSync(file)) return { executablePath: file, args: browserArgs(), env: {}, source };
    }
    throw new BrowserMissing('no Chromium, Chrome or Edge found to print the PDF: install Google Chrome, Chromium or Microsoft Edge, '
        + 'or set CHROMIUM_PATH (the editor: the setting ssr.export.browserPath) to a Chromium-based browser');
}

/**
 * `@sparticuz/chromium`, unpacked once into `.cache/chromium/<version>/` beside the node_modules that
 * holds it (safe when several processes start at once). Undefined when it is not installed, unless
 * `required`, which throws instead.
 */
export async function npmChromium(required: boolean): Promise<BrowserLaunch | undefined> {
    let entry: string;
    try {
        entry = require.resolve('@sparticuz/chromium');
    } catch {
        if (required) throw new Error('the devDependency @sparticuz/chromium is not installed: run npm ci');
        return undefined;
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
    const modules = packageDir.slice(0, packageDir.lastIndexOf(`${path.sep}node_modules${path.sep}`));
    const cache = path.join(modules, '.cache', 'chromium', manifest.version);
    const executablePath = path.join(cache, 'chromium');
    if (!fs.existsSync(executablePath)) await unpack(path.join(packageDir, 'bin'), cache);
    return {
        executablePath,
        args: browserArgs(),
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

/** Chromium builds that `playwright install` left in its cache, newest first. */
function playwrightChromiums(env: Readonly<Record<string, string | undefined>>): Array<[string, string]> {
    const home = os.homedir();
    const cache = env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0' ? env.PLAYWRIGHT_BROWSERS_PATH
        : process.platform === 'darwin' ? path.join(home, 'Library', 'Caches', 'ms-playwright')
            : process.platform === 'win32' ? path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'ms-playwright')
                : path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'ms-playwright');
    let builds: string[];
    try {
        builds = fs.readdirSync(cache).filter(name => /^chromium(_headless_shell)?-\d+$/.test(name))
            .sort((a, b) => Number(b.split('-').pop()) - Number(a.split('-').pop()));
    } catch {
        return [];
    }
    const inside = process.platform === 'darwin'
        ? ['chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium', 'chrome-mac/headless_shell', 'chrome-mac-arm64/headless_shell']
        : process.platform === 'win32' ? ['chrome-win/chrome.exe', 'chrome-win64/chrome.exe', 'chrome-win/headless_shell.exe', 'chrome-win64/headless_shell.exe']
            : ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-linux/headless_shell', 'chrome-headless-shell-linux64/chrome-headless-shell'];
    return builds.flatMap(build => inside.map((file): [string, string] => [path.join(cache, build, file), `playwright's ${build}`]));
}

/** Where Chrome, Chromium and Edge install themselves. */
function systemBrowsers(env: Readonly<Record<string, string | undefined>>): Array<[string, string]> {
    const files = process.platform === 'darwin'
        ? ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
            .flatMap(app => [path.join('/Applications', app), path.join(os.homedir(), 'Applications', app)])
        : process.platform === 'win32'
            ? [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((dir): dir is string => Boolean(dir))
                .flatMap(dir => [path.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.join(dir, 'Chromium', 'Application', 'chrome.exe'), path.join(dir, 'Microsoft', 'Edge', 'Application', 'msedge.exe')])
            : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome',
                '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/snap/bin/chromium'];
    return files.map(file => [file, file]);
}
