// Which VS Code the end-to-end tests run in, for run.mjs and screenshot.mjs.
// SSR_E2E_MODE=code-server: code-server (VS Code's workbench, from npm) in the npm Chromium, through
// code-shim.cjs; needs Linux x64, where npm ships Node 24 and that Chromium. SSR_E2E_MODE=download:
// @vscode/test-electron downloads desktop VS Code. Without the variable: code-server on Linux x64,
// the download elsewhere (macOS, Windows, Linux on ARM).
export function e2eMode() {
    const mode = process.env.SSR_E2E_MODE || (process.platform === 'linux' && process.arch === 'x64' ? 'code-server' : 'download');
    if (mode !== 'code-server' && mode !== 'download') throw new Error(`SSR_E2E_MODE is '${mode}': use code-server or download`);
    return mode;
}
