/**
 * Rule ids (`family/name`), the families, and where each rule's page lives. The rules themselves
 * are in language/rules/; configuration, the command line and the summary need only these names.
 */
import packageJson from '../../package.json' with { type: 'json' };

type RuleFamily = 'syntax' | 'reference' | 'taxonomy' | 'structure' | 'suppression'
    | 'coverage' | 'sequencing' | 'fiscal' | 'monitoring' | 'ownership';

/** Families of the "Language rules (always on)" table of RULES.md. */
export const LANGUAGE_FAMILIES: ReadonlySet<string> = new Set<RuleFamily>(['syntax', 'reference', 'taxonomy', 'structure', 'suppression']);

export const familyOf = (id: string): string => id.split('/')[0];
const ruleName = (id: string): string => id.split('/').slice(1).join('/');

/** A language rule cannot be turned off; `suppression/unused` is the exception (RULES.md). */
export const canBeTurnedOff = (id: string): boolean => !LANGUAGE_FAMILIES.has(familyOf(id)) || id === 'suppression/unused';

/** A rule's page, relative to the package's folder (shipped in the extension: `.vscodeignore` keeps docs/**). */
export const rulePagePath = (id: string): string => `docs/rules/${familyOf(id)}/${ruleName(id)}.md`;

type Repository = string | { url?: string; directory?: string } | undefined;

/**
 * The public web address of a package.json `repository` and the folder of the package in it:
 * `git+https://host/o/r.git`, `git@host:o/r.git`, `github:o/r`, `gitlab:o/r` and `o/r` (GitHub)
 * all give `https://host/o/r`.
 */
export function repositoryWeb(repository: Repository): { url: string; directory: string } | undefined {
    const spec = typeof repository === 'string' ? repository : repository?.url;
    if (!spec) return undefined;
    const directory = (typeof repository === 'object' ? repository.directory ?? '' : '').replace(/^\/+|\/+$/g, '');
    const hosts: Record<string, string> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };
    const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(spec);
    if (shorthand) return { url: `https://${hosts[shorthand[1] ?? 'github']}/${shorthand[2].replace(/\.git$/, '')}`, directory };
    const scp = /^(?:ssh:\/\/)?git@([^:/]+)[:/](.+?)(?:\.git)?\/?$/.exec(spec);
    if (scp) return { url: `https://${scp[1]}/${scp[2]}`, directory };
    const web = /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/]+@)?([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(spec);
    if (web) return { url: `https://${web[1]}/${web[2]}`, directory };
    return undefined;
}

/** The address of a file of the repository's default branch (`HEAD`), in the host's form. */
function fileUrl(web: { url: string; directory: string }, file: string): string {
    const host = new URL(web.url).hostname;
    const blob = host.includes('gitlab') ? '-/blob/HEAD' : host.includes('bitbucket') ? 'src/HEAD' : 'blob/HEAD';
    return `${web.url}/${blob}/${web.directory ? `${web.directory}/` : ''}${file}`;
}

const REPOSITORY = repositoryWeb(packageJson.repository);

/**
 * The project's public address, from package.json `repository` (the one place it is written):
 * SARIF's `informationUri`, `ssr rules`, the CLI's reports. Undefined if package.json names none.
 */
export const PROJECT_URL: string | undefined = REPOSITORY?.url;

/**
 * Where a rule's page is published: the repository's `docs/rules/<family>/<name>.md`. The editor
 * opens the copy shipped inside the extension instead (client/rule-pages.ts), so links work offline.
 */
export const docsUrl = (id: string): string => REPOSITORY ? fileUrl(REPOSITORY, rulePagePath(id)) : rulePagePath(id);

/** The rule id a `docsUrl` link points to, or undefined for any other address. */
export function ruleIdOfDocsUrl(href: string): string | undefined {
    const marker = '/docs/rules/';
    const at = href.lastIndexOf(marker);
    if (at < 0 || !href.endsWith('.md')) return undefined;
    const id = href.slice(at + marker.length, -'.md'.length);
    return /^[a-z][a-z-]*\/[a-z][a-z0-9-]*$/.test(id) && docsUrl(id) === href ? id : undefined;
}
