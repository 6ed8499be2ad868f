// For authors who are not programmers, in a real VS Code: the walkthrough and its buttons, "SSR:
// New Strategy…" (its result checks with only the findings an empty plan deserves), the language
// status, the Word, PDF and Excel exports, and a finding's rule link opening the page shipped with
// the extension (no network). Runs in the extension host (see ../run.mjs).
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const { WS, uriOf, until } = require('./support.cjs');
const codeOf = d => typeof d.code === 'object' ? String(d.code.value) : String(d.code);

/** The findings an empty plan deserves (test/init.test.ts says why each): rule id → count, all at the strategy title. */
const EMPTY_PLAN = {
    'coverage/subsectors': 7, 'coverage/dimensions': 4, 'coverage/gender': 1, 'coverage/civil-society': 1,
    'ownership/coordination': 1, 'sequencing/assessment-first': 1, 'monitoring/no-perception': 1, 'monitoring/no-evaluation': 1,
};
const countsOf = diagnostics => {
    const counts = {};
    for (const d of diagnostics) counts[codeOf(d)] = (counts[codeOf(d)] || 0) + 1;
    return counts;
};
const sorted = object => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));

const tabs = () => vscode.window.tabGroups.all.flatMap(group => group.tabs);
const previewTab = name => tabs().find(tab => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes(name));

describe('for authors: walkthrough, new strategy, language status, exports, rule pages', () => {
    let extension;
    let strategy;

    before(async () => {
        const document = await vscode.workspace.openTextDocument(uriOf('plan/westland.ssr'));
        await vscode.window.showTextDocument(document);
        extension = vscode.extensions.all.find(e => e.packageJSON.name === 'ssr-strategy');
        await until(() => extension.isActive, 'activation');
    });

    it('contributes a walkthrough whose every step has a picture and a button that is a command of the extension', async () => {
        const [walkthrough] = extension.packageJSON.contributes.walkthroughs;
        assert.equal(walkthrough.id, 'ssr.firstStrategy');
        assert.deepEqual(walkthrough.steps.map(s => s.id), ['create', 'actors', 'objective', 'finding', 'summary', 'export']);
        const commands = new Set(await vscode.commands.getCommands(true));
        for (const step of walkthrough.steps) {
            assert.ok(fs.existsSync(path.join(extension.extensionPath, step.media.image)), `${step.id}: ${step.media.image}`);
            const button = /\]\(command:([\w.]+)/.exec(step.description);
            assert.ok(button && commands.has(button[1]), `${step.id}: a button that runs a registered command`);
        }
        await vscode.commands.executeCommand('ssr.openWalkthrough');
    });

    it('creates a new strategy that checks with only the findings an empty plan deserves, and never overwrites', async () => {
        const answers = { country: 'Eastland', period: '2026-2030', currency: 'eur', context: '', library: null };
        strategy = await vscode.commands.executeCommand('ssr.newStrategy', uriOf(''), answers);
        assert.equal(strategy.fsPath, uriOf('eastland-ssr-strategy.ssr').fsPath);
        const document = await until(() => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.toString() === strategy.toString() && vscode.window.activeTextEditor.document, 'the new strategy in an editor');
        assert.match(document.getText(), /strategy "Eastland Security Sector Reform Strategy 2026–2030" \{\n {4}country "Eastland"\n {4}period from 2026 to 2030\n {4}currency EUR\n\}/);
        const findings = () => vscode.languages.getDiagnostics(strategy);
        const expected = Object.values(EMPTY_PLAN).reduce((a, b) => a + b, 0);
        await until(() => findings().length >= expected, 'the findings of an empty plan');
        assert.deepEqual(sorted(countsOf(findings())), sorted(EMPTY_PLAN));
        assert.ok(findings().every(d => d.range.start.line === 4 && d.severity !== vscode.DiagnosticSeverity.Error), 'warnings and infos at the title');

        const again = await vscode.commands.executeCommand('ssr.newStrategy', uriOf(''), answers);
        assert.equal(path.basename(again.fsPath), 'eastland-ssr-strategy-2.ssr', 'a second one gets a new name');
        const refused = await vscode.commands.executeCommand('ssr.newStrategy', undefined, { ...answers, target: strategy });
        assert.equal(refused, undefined, 'an explicit existing file is refused');
        assert.match(fs.readFileSync(strategy.fsPath, 'utf8'), /country "Eastland"/);
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(strategy));
    });

    it('runs the walkthrough\'s steps: actors and phases, an objective with costs, a finding and its quick fix, the summary', async () => {
        await vscode.commands.executeCommand('ssr.walkthrough.addActorsAndPhases');
        const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === strategy.toString());
        assert.match(document.getText(), /actor NP "National Police" \{\n {4}kind police\n\}/);
        assert.match(document.getText(), /phase Consolidation "Consolidation and hand-over" \{\n {4}stage consolidation\n {4}from 2030 to 2030\n\}/);
        await vscode.commands.executeCommand('ssr.walkthrough.addObjective');
        assert.match(document.getText(), /objective PoliceReform "Accountable, community-oriented police" \{/);
        assert.match(document.getText(), /cost capital 2M from 2027 to 2028\n {4}cost recurrent 500K per year from 2028/);
        const has = id => vscode.languages.getDiagnostics(strategy).some(d => codeOf(d) === id);
        await until(() => has('monitoring/no-benchmark') && has('fiscal/unfunded'), 'the objective\'s findings');
        assert.ok(!vscode.languages.getDiagnostics(strategy).some(d => d.severity === vscode.DiagnosticSeverity.Error), 'the examples are well-formed');

        const shown = await vscode.commands.executeCommand('ssr.walkthrough.showFinding');
        assert.equal(shown, 'monitoring/no-benchmark');
        const editor = vscode.window.activeTextEditor;
        const finding = vscode.languages.getDiagnostics(strategy).find(d => codeOf(d) === 'monitoring/no-benchmark');
        assert.deepEqual(editor.selection.active, finding.range.start, 'the cursor is on the finding');
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', strategy, finding.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find(a => a.title.startsWith('Add a benchmark for'));
        assert.ok(fix, actions.map(a => a.title).join(' | '));
        await vscode.workspace.applyEdit(fix.edit);
        await until(() => !has('monitoring/no-benchmark'), 'the finding to go');
        await document.save();

        const panel = await vscode.commands.executeCommand('ssr.openSummaryPreview');
        assert.match(panel.webview.html, /<h1>Eastland Security Sector Reform Strategy 2026–2030<\/h1>/);
        panel.dispose();
    });

    it('shows the configuration, the time of the last check and the findings by severity in the language status', async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(strategy));
        const api = extension.exports;
        const diagnostics = vscode.languages.getDiagnostics(strategy).filter(d => d.severity !== vscode.DiagnosticSeverity.Hint);
        const warnings = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Warning).length;
        const infos = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Information).length;
        const status = await until(() => { const s = api.languageStatus(); return !s.check.busy && s.check.text.includes(`${warnings} warning`) && s; }, 'the check status');
        assert.equal(status.check.text, `$(warning) 0 errors, ${warnings} warnings, ${infos} info${infos === 1 ? '' : 's'}`);
        assert.match(status.check.detail, /^checked in [\d.]+ ms$/);
        assert.equal(status.configuration.text, '$(gear) Default rules');

        fs.mkdirSync(path.join(WS, 'configured'));
        fs.writeFileSync(path.join(WS, 'configured', '.ssrrc.json'), JSON.stringify({ rules: { 'coverage/gender': 'off', 'coverage/gendr': 'off' } }));
        fs.copyFileSync(strategy.fsPath, path.join(WS, 'configured', 'plan.ssr'));
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf('configured/plan.ssr')));
        const configured = await until(() => { const s = api.languageStatus(); return s.configuration.text.includes('.ssrrc.json') && s; }, 'the configuration in the status');
        assert.equal(configured.configuration.text, '$(gear) configured/.ssrrc.json');
        assert.equal(configured.configuration.severity, 'Warning');
        assert.match(configured.configuration.detail, /^1 problem: .*coverage\/gendr/);
    });

    it('exports the plan summary as Word, PDF and Excel, and never over a strategy', async () => {
        fs.mkdirSync(path.join(WS, 'exports'));
        const magic = { docx: 'PK', xlsx: 'PK', pdf: '%PDF-' };
        for (const format of ['docx', 'pdf', 'xlsx']) {
            const target = uriOf(`exports/eastland.${format}`);
            const written = await vscode.commands.executeCommand('ssr.exportSummary', { uri: strategy, target });
            assert.equal(written && written.fsPath, target.fsPath, format);
            const bytes = fs.readFileSync(target.fsPath);
            assert.equal(bytes.subarray(0, magic[format].length).toString('latin1'), magic[format], `${format} file`);
            assert.ok(bytes.length > 5000, `${format}: ${bytes.length} bytes`);
        }
        const before = fs.readFileSync(strategy.fsPath, 'utf8');
        assert.equal(await vscode.commands.executeCommand('ssr.exportSummary', { uri: strategy, target: strategy, format: 'pdf' }), undefined);
        assert.equal(await vscode.commands.executeCommand('ssr.exportSummary', { uri: strategy, target: uriOf('exports/other.ssr'), format: 'docx' }), undefined);
        assert.equal(fs.readFileSync(strategy.fsPath, 'utf8'), before, 'the strategy is untouched');
        assert.equal(fs.existsSync(path.join(WS, 'exports', 'other.ssr')), false);
    });

    it('opens a rule page from a finding\'s link and from the hover, from the copy shipped with the extension', async () => {
        const finding = await until(() => vscode.languages.getDiagnostics(strategy).find(d => codeOf(d) === 'coverage/gender'), 'coverage/gender');
        const target = finding.code.target;
        assert.equal(target.scheme, 'file', `a local page, not ${target.toString()}`);
        assert.equal(target.fsPath, path.join(extension.extensionPath, 'docs', 'rules', 'coverage', 'gender.md'));
        assert.ok(fs.existsSync(target.fsPath));
        await vscode.commands.executeCommand('vscode.open', target); // what a click on the link does
        await until(() => previewTab('gender.md'), 'the rule page in the Markdown preview');
        await until(() => !tabs().some(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === target.toString()), 'no text editor left on the page');

        const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', strategy, finding.range.start);
        const text = hovers.flatMap(h => h.contents.map(c => typeof c === 'string' ? c : c.value)).join('\n');
        assert.match(text, /\*\*coverage\/gender\*\* \(warning\): .+ \[Rule page\]\(command:ssr\.openRulePage\?/);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('ssr.openRulePage', 'fiscal/unfunded');
        await until(() => previewTab('unfunded.md'), 'the page the hover links to');
    });
});
