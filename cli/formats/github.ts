import { isStrategyLevel } from '../../language/validation/identity.js';
import { plural } from '../../language/base/format.js';
import { allFindings, baselineLine, position, type Formatter } from './types.js';

/** Escaping as GitHub's actions toolkit does it: message data, then property values. */
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<string, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub shows at most this many annotations of each type (error, warning, notice) per step; it drops the rest. */
const ANNOTATION_LIMIT = 10;

/**
 * GitHub Actions workflow commands, so that a plain workflow step annotates the pull request.
 * Paths are relative to the repository root, where GitHub looks for them. GitHub keeps only
 * ANNOTATION_LIMIT annotations of each type per step (`--max-annotations` can leave room for
 * other annotations of the step), so the findings that point at a line of
 * the plan come first and the strategy-level ones (about the strategy as a whole) last; past the
 * limit, one notice says how many were not annotated, and they are printed as plain lines in a
 * log group instead of being dropped without a word.
 */
export const github: Formatter = input => {
    const cap = input.maxAnnotations ?? ANNOTATION_LIMIT;
    const findings = allFindings(input).filter(({ finding }) => finding.severity !== 'hint');
    const byType = new Map<string, typeof findings>();
    for (const entry of findings) byType.set(COMMAND[entry.finding.severity], [...byType.get(COMMAND[entry.finding.severity]) ?? [], entry]);
    const overflows = [...byType.values()].some(list => list.length > cap);
    const annotated = new Set<typeof findings[number]>();
    for (const [type, list] of byType) {
        // The overflow notice takes one of the notice slots.
        const room = type === 'notice' && overflows ? cap - 1 : cap;
        const ordered = [...list.filter(e => !isStrategyLevel(e.finding.path)), ...list.filter(e => isStrategyLevel(e.finding.path))];
        ordered.slice(0, room).forEach(e => annotated.add(e));
    }
    const lines: string[] = [];
    const rest: string[] = [];
    const left = { error: 0, warning: 0, notice: 0 };
    for (const entry of findings) {
        const { file, finding } = entry;
        const p = position(finding);
        if (annotated.has(entry)) {
            const properties = [`file=${escapeProperty(file.repoPath)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`, `title=${escapeProperty(finding.ruleId)}`];
            lines.push(`::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`);
        } else {
            left[COMMAND[finding.severity]]++;
            rest.push(`${file.repoPath}:${p.line}:${p.column}: ${finding.severity} ${finding.ruleId}: ${finding.message.replace(/\s*\n\s*/g, ' ')}`);
        }
    }
    if (rest.length > 0) {
        const counts = (['error', 'warning', 'notice'] as const).filter(t => left[t] > 0).map(t => plural(left[t], t)).join(', ');
        lines.push(`::notice title=${escapeProperty(`ssr: ${plural(rest.length, 'finding')} not annotated`)}::${escapeData(`GitHub shows at most ${ANNOTATION_LIMIT} errors, ${ANNOTATION_LIMIT} warnings and ${ANNOTATION_LIMIT} notices per step${cap !== ANNOTATION_LIMIT ? ` (here ${cap} of each were used)` : ''}; findings on a line of the plan were annotated first. Not annotated: ${counts}. All of them are in this step's log, in the group "ssr: findings not annotated".`)}`);
        lines.push('::group::ssr: findings not annotated', ...rest.map(escapeCommandLike), '::endgroup::');
    }
    const baseline = baselineLine(input);
    if (baseline) lines.push(baseline);
    return lines.map(line => line + '\n').join('');
};

/** A plain log line that happens to start with `::` must not be read as a workflow command. */
const escapeCommandLike = (line: string) => line.startsWith('::') ? ` ${line}` : line;
