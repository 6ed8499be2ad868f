// The extension in a real VS Code: activation, diagnostics equal to `ssr check`, completion, hover,
// definition across an import, rename, symbols, formatting, a quick fix, edits, .ssrrc.json changes,
// terms added by configuration, edits to an extended configuration file and the summary commands.
// Runs in the extension host (see ../run.mjs).
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const { WS, uriOf, until } = require('./support.cjs');

const expected = JSON.parse(fs.readFileSync(path.join(WS, 'expected-findings.json'), 'utf8'));
const SEVERITY = { 0: 'error', 1: 'warning', 2: 'info', 3: 'hint' };

const findings = uri => vscode.languages.getDiagnostics(uri)
    .filter(d => d.severity !== vscode.DiagnosticSeverity.Hint)
    .map(d => ({ ruleId: typeof d.code === 'object' ? String(d.code.value) : String(d.code), severity: SEVERITY[d.severity], line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));

const cliFindings = rel => expected[rel]
    .map(f => ({ ruleId: f.ruleId, severity: f.severity, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));

async function open(rel) {
    const document = await vscode.workspace.openTextDocument(uriOf(rel));
    await vscode.window.showTextDocument(document);
    return document;
}

function positionOf(document, needle, delta = 0) {
    const offset = document.getText().indexOf(needle);
    assert.ok(offset >= 0, `'${needle}' in ${document.uri.fsPath}`);
    return document.positionAt(offset + delta);
}

describe('SSR extension in VS Code', () => {
    it('activates on a .ssr file with the language ssr', async () => {
        const document = await open('plan/westland.ssr');
        assert.equal(document.languageId, 'ssr');
        const extension = vscode.extensions.all.find(e => e.packageJSON.name === 'ssr-strategy');
        assert.ok(extension, 'the extension is loaded');
        await until(() => extension.isActive, 'activation');
    });

    for (const rel of Object.keys(expected).filter(r => r.startsWith('spec/'))) {
        it(`reports the same findings as ssr check for ${rel}`, async () => {
            const document = await open(rel);
            const want = cliFindings(rel);
            await until(() => findings(document.uri).length === want.length, `${want.length} diagnostics for ${rel}`);
            assert.deepEqual(findings(document.uri), want);
        });
    }

    it('completes only actors after lead', async () => {
        const document = await open('plan/westland.ssr');
        const position = positionOf(document, 'lead WNP', 5);
        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position);
        const labels = list.items.filter(i => i.kind !== vscode.CompletionItemKind.Snippet).map(i => typeof i.label === 'string' ? i.label : i.label.label).sort();
        assert.deepEqual(labels, ['Donor', 'MOJ', 'NSC', 'WNP']);
    });

    it('shows a term definition on hover', async () => {
        const document = await open('plan/westland.ssr');
        const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, 'context transition', 10));
        const text = hovers.flatMap(h => h.contents.map(c => typeof c === 'string' ? c : c.value)).join('\n');
        assert.match(text, /\*\*transition\*\*/);
    });

    it('goes to a definition across an import', async () => {
        const document = await open('plan/westland.ssr');
        const locations = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'lead WNP', 6));
        const target = locations[0].targetUri || locations[0].uri;
        assert.equal(target.fsPath, uriOf('plan/lib/actors.ssr').fsPath);
    });

    it('renames an actor in the library and the strategy', async () => {
        const document = await open('plan/westland.ssr');
        const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'lead WNP', 6), 'Police');
        const touched = edit.entries().map(([uri]) => path.basename(uri.fsPath)).sort();
        assert.deepEqual(touched, ['actors.ssr', 'westland.ssr']);
    });

    it('lists document symbols with objectives', async () => {
        const document = await open('plan/westland.ssr');
        const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
        const names = symbols.map(s => s.name);
        assert.ok(names.includes('PoliceReform') && names.includes('Main') && names.includes('Donor'), names.join(', '));
    });

    it('formats a document into stable, parseable text', async () => {
        const document = await open('spec/northland.ssr');
        const messy = new vscode.WorkspaceEdit();
        messy.replace(document.uri, document.lineAt(positionOf(document, '    country "Northland"').line).range, 'country    "Northland"');
        await vscode.workspace.applyEdit(messy);
        const options = { tabSize: 4, insertSpaces: true };
        const edits = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', document.uri, options);
        assert.ok(edits && edits.length > 0, 'the formatter fixes the layout');
        const format = new vscode.WorkspaceEdit();
        format.set(document.uri, edits);
        await vscode.workspace.applyEdit(format);
        assert.match(document.getText(), /\n    country "Northland"\n/);
        const again = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', document.uri, options);
        assert.equal((again || []).length, 0, 'formatting twice changes nothing');
        await until(() => vscode.languages.getDiagnostics(document.uri).length === 0, 'no findings on the formatted text');
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('applies a quick fix that removes its finding', async () => {
        const document = await open('plan/westland.ssr');
        await until(() => vscode.languages.getDiagnostics(document.uri).some(d => String(d.code && d.code.value || d.code) === 'monitoring/no-benchmark'), 'monitoring/no-benchmark');
        const before = vscode.languages.getDiagnostics(document.uri).filter(d => String(d.code.value || d.code) === 'monitoring/no-benchmark');
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, before[0].range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find(a => a.title.startsWith('Add a benchmark for'));
        assert.ok(fix, actions.map(a => a.title).join(' | '));
        await vscode.workspace.applyEdit(fix.edit);
        await until(() => vscode.languages.getDiagnostics(document.uri).filter(d => String(d.code.value || d.code) === 'monitoring/no-benchmark').length === before.length - 1, 'the finding to go');
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('follows edits (a broken line comes and goes) and keeps answering', async () => {
        const document = await open('plan/westland.ssr');
        const end = document.lineAt(document.lineCount - 1).range.end;
        const insert = new vscode.WorkspaceEdit();
        insert.insert(document.uri, end, '\nobjective {{ "broken\n');
        await vscode.workspace.applyEdit(insert);
        await until(() => vscode.languages.getDiagnostics(document.uri).some(d => String(d.code.value || d.code) === 'syntax/error'), 'a syntax error');
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await until(() => !vscode.languages.getDiagnostics(document.uri).some(d => String(d.code.value || d.code) === 'syntax/error'), 'the syntax error to go');
        const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, 'kind donor', 6));
        assert.ok(hovers.length > 0, 'the server still answers');
    });

    it('applies a .ssrrc.json change without a reload', async () => {
        const document = await open('plan/westland.ssr');
        const has = () => vscode.languages.getDiagnostics(document.uri).some(d => String(d.code.value || d.code) === 'coverage/gender');
        await until(has, 'coverage/gender');
        const config = uriOf('plan/.ssrrc.json');
        await vscode.workspace.fs.writeFile(config, Buffer.from(JSON.stringify({ rules: { 'coverage/gender': 'off' } })));
        try {
            await until(() => !has(), 'coverage/gender to be turned off');
        } finally {
            await vscode.workspace.fs.delete(config);
        }
        await until(has, 'coverage/gender to come back');
    });

    it('completes a term added by the configuration with its description', async () => {
        const document = await open('spec/westmoor/westmoor.ssr');
        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'instrument ndici', 11));
        const item = list.items.find(i => (typeof i.label === 'string' ? i.label : i.label.label) === 'ndici');
        assert.ok(item, list.items.map(i => typeof i.label === 'string' ? i.label : i.label.label).join(', '));
        const documentation = typeof item.documentation === 'string' ? item.documentation : item.documentation.value;
        assert.match(documentation, /^NDICI-Global Europe, the EU's external development and cooperation instrument/);
        assert.match(documentation, /Added by `org\/eu-instruments\.json`/);
    });

    it('applies an edit to a file the .ssrrc.json extends without a reload', async () => {
        const document = await open('spec/westmoor/westmoor.ssr');
        const restrictions = severity => vscode.languages.getDiagnostics(document.uri)
            .filter(d => String(d.code.value || d.code) === 'fiscal/instrument-restriction' && SEVERITY[d.severity] === severity).length;
        await until(() => restrictions('warning') === 1 && restrictions('error') === 1, 'the NDICI warning and the US error');
        const extended = uriOf('spec/westmoor/org/eu-instruments.json');
        const original = Buffer.from(await vscode.workspace.fs.readFile(extended)).toString('utf8');
        assert.match(original, /"severity": "warning"/);
        await vscode.workspace.fs.writeFile(extended, Buffer.from(original.replace('"severity": "warning"', '"severity": "error"')));
        try {
            await until(() => restrictions('warning') === 0 && restrictions('error') === 2, 'the NDICI restriction to become an error');
        } finally {
            await vscode.workspace.fs.writeFile(extended, Buffer.from(original));
        }
        await until(() => restrictions('warning') === 1 && restrictions('error') === 1, 'the NDICI warning to come back');
    });

    it('opens the Markdown summary and the summary preview', async () => {
        await open('spec/northland.ssr');
        const summary = await vscode.commands.executeCommand('ssr.generateSummary');
        assert.equal(summary.languageId, 'markdown');
        assert.match(summary.getText(), /^# Northland Security Sector Reform Strategy/);
        await open('spec/northland.ssr');
        const panel = await vscode.commands.executeCommand('ssr.openSummaryPreview');
        assert.match(panel.webview.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
        assert.equal(panel.webview.options.enableScripts, false);
        panel.dispose();
    });
});
