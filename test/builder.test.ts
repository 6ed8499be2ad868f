/**
 * The document builder (language/ssr-module.ts SsrDocumentBuilder): when a build is cancelled at
 * the moment a document reaches a phase, every listener of that phase still runs, so a validated
 * document is published, caches are cleared and waiting requests are answered; and a document is
 * re-checked when a library it imports changes, not when an unrelated document does.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Cancellation, DocumentState, EmptyFileSystem, URI, isOperationCancelled } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createSsrServices } from '../language/ssr-module.js';
import { HEADER } from './helpers.js';

describe('document builder', () => {
    it('runs every listener of a phase a document reached, even when the build is cancelled right then', async () => {
        const { shared } = createSsrServices(EmptyFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        const document = shared.workspace.LangiumDocumentFactory.fromString(HEADER, URI.parse('file:///race/a.ssr'));
        shared.workspace.LangiumDocuments.addDocument(document);
        const source = new Cancellation.CancellationTokenSource();
        // The first listener stands for an edit to another document arriving as this one is validated.
        builder.onDocumentPhase(DocumentState.Validated, () => source.cancel());
        let published = false;
        builder.onDocumentPhase(DocumentState.Validated, () => { published = true; });
        try {
            await builder.build([document], { validation: true }, source.token);
        } catch (error) {
            if (!isOperationCancelled(error)) throw error;
        }
        assert.equal(document.state, DocumentState.Validated);
        assert.ok(published, 'the validated document is published although the build was cancelled');
    });

    it('re-checks a strategy when its library changes, and not when another strategy changes', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssr-builder-'));
        const write = (name: string, text: string) => { fs.writeFileSync(path.join(dir, name), text); return URI.file(path.join(dir, name)); };
        const library = write('lib.ssr', 'library "L"\nactor NNP "Police" { kind police }\n');
        const plan = write('plan.ssr', `${HEADER}\nimport "lib.ssr"\n`);
        const other = write('other.ssr', HEADER);
        const { shared } = createSsrServices(NodeFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        const loaded = await Promise.all([library, plan, other].map(uri => shared.workspace.LangiumDocuments.getOrCreateDocument(uri)));
        await builder.build(loaded, { validation: true });
        const validated: string[] = [];
        builder.onDocumentPhase(DocumentState.Validated, d => { validated.push(path.basename(d.uri.fsPath)); });
        await builder.update([other], []);
        assert.deepEqual(validated, ['other.ssr']);
        validated.length = 0;
        await builder.update([library], []);
        assert.deepEqual(validated.sort(), ['lib.ssr', 'plan.ssr']);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
