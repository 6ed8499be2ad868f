// Entry point of the end-to-end suite inside VS Code's extension host (CommonJS, as the extension
// host loads it with require): runs every *.e2e.cjs file here with mocha.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const mochaModule = require('mocha');
const Mocha = mochaModule.Mocha || mochaModule;

exports.run = function run() {
    // SSR_E2E_GREP runs only the tests whose title matches (while working on some of them).
    const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec', ...(process.env.SSR_E2E_GREP ? { grep: process.env.SSR_E2E_GREP } : {}) });
    for (const file of fs.readdirSync(__dirname).filter(f => f.endsWith('.e2e.cjs')).sort()) mocha.addFile(path.join(__dirname, file));
    return new Promise((resolve, reject) => {
        mocha.run(failures => failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve());
    });
};
