/**
 * Where rule pages are linked from: one address, derived from package.json `repository`
 * (language/base/rule-ids.ts), for every public link (diagnostics, `ssr rules`, SARIF, Markdown
 * reports); the editor maps it back to the page shipped in the extension.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_URL, docsUrl, repositoryWeb, ruleIdOfDocsUrl, rulePagePath } from '../language/base/rule-ids.js';
import { ROOT } from './helpers.js';

describe('rule page links', () => {
    it('derives the public address from package.json repository', () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
        const web = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
        assert.equal(PROJECT_URL, web);
        assert.equal(docsUrl('fiscal/donor-taper'), `${web}/blob/HEAD/docs/rules/fiscal/donor-taper.md`);
    });

    it('reads every form of repository npm accepts', () => {
        const cases: [Parameters<typeof repositoryWeb>[0], string | undefined, string?][] = [
            [{ url: 'https://github.com/o/r.git' }, 'https://github.com/o/r'],
            [{ url: 'git+https://github.com/o/r.git' }, 'https://github.com/o/r'],
            [{ url: 'git+ssh://git@github.com/o/r.git' }, 'https://github.com/o/r'],
            [{ url: 'git@gitlab.example.org:group/sub/r.git' }, 'https://gitlab.example.org/group/sub/r'],
            ['github:o/r', 'https://github.com/o/r'],
            ['gitlab:o/r', 'https://gitlab.com/o/r'],
            ['o/r', 'https://github.com/o/r'],
            [{ url: 'https://github.com/o/mono', directory: 'packages/ssr/' }, 'https://github.com/o/mono', 'packages/ssr'],
            [undefined, undefined],
            [{ url: 'not a url' }, undefined],
        ];
        for (const [repository, url, directory = ''] of cases) {
            const web = repositoryWeb(repository);
            assert.equal(web?.url, url, JSON.stringify(repository));
            if (url) assert.equal(web?.directory, directory, JSON.stringify(repository));
        }
    });

    it('maps a public link back to its rule and the shipped page', () => {
        assert.equal(ruleIdOfDocsUrl(docsUrl('sequencing/police-justice')), 'sequencing/police-justice');
        assert.equal(ruleIdOfDocsUrl('https://example.org/docs/rules/fiscal/gap.md'), undefined, 'another site');
        assert.equal(ruleIdOfDocsUrl('https://example.org/page'), undefined);
        assert.equal(rulePagePath('fiscal/gap'), 'docs/rules/fiscal/gap.md');
        assert.ok(fs.existsSync(path.join(ROOT, rulePagePath('fiscal/gap'))));
    });
});
