/**
 * `ssr init`: writes a new strategy — the header (country, period, currency, context), an optional
 * import of an actor library, and comments that say what comes next — that already checks with
 * only the findings an empty plan deserves. On a terminal it asks for what the flags do not give;
 * in scripts the flags are enough. It never writes over a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { CONTEXT_CHOICES, checkAnswer, defaultFileName, isActorLibrary, parsePeriod, strategySkeleton, type StrategyAnswers } from '../../language/base/templates.js';
import { UsageError, displayPath, type CliIo } from '../io.js';
import type { CommandSpec } from '../options.js';

const contexts = CONTEXT_CHOICES.map(c => c.id);

/** `.ssr` files under `folder` that are actor libraries (they start with `library "…"`), as paths relative to it. */
function librariesUnder(folder: string): string[] {
    const found: string[] = [];
    const walk = (dir: string, depth: number) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && depth < 3 && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full, depth + 1);
            else if (entry.isFile() && entry.name.endsWith('.ssr') && isLibrary(full)) found.push(path.relative(folder, full).split(path.sep).join('/'));
        }
    };
    walk(folder, 0);
    return found.sort();
}

/** Whether a file is an actor library (its first declaration is `library`). */
function isLibrary(file: string): boolean {
    try {
        return isActorLibrary(fs.readFileSync(file, 'utf8'));
    } catch {
        return false;
    }
}

/** The lines the user types, one per call (buffered: typed-ahead or piped answers are not lost). */
type Lines = AsyncIterator<string>;

/** Asks until the answer is valid; an empty answer takes `fallback` when there is one. */
async function ask(lines: Lines, io: CliIo, question: string, check: (answer: string) => string | undefined, fallback?: string): Promise<string> {
    for (;;) {
        io.stdout.write(`${question}${fallback ? ` [${fallback}]` : ''}: `);
        const next = await lines.next();
        if (next.done) throw new UsageError('the input ended before every question was answered');
        const answer = next.value.trim() || fallback || '';
        const problem = check(answer);
        if (!problem) return answer;
        io.stdout.write(`  ${problem}\n`);
    }
}

export const initCommand: CommandSpec = {
    name: 'init',
    args: '',
    summary: 'Write a new strategy: its header and what comes next. Asks on a terminal; never overwrites a file.',
    options: [
        { name: 'country', value: 'NAME', description: 'the country or territory' },
        { name: 'period', value: 'YEARS', description: 'first and last year, e.g. 2026-2030' },
        { name: 'currency', value: 'CODE', description: 'three-letter currency code, e.g. USD' },
        { name: 'context', value: 'TERM', choices: contexts, description: 'the country\'s situation' },
        { name: 'import', value: 'FILE', description: 'an actor library to import (relative to the new file)' },
        { name: 'title', value: 'TEXT', description: 'the strategy\'s title (default: "<country> Security Sector Reform Strategy <period>")' },
        { name: 'output', short: 'o', value: 'FILE', description: 'the file to write (default: <country>-ssr-strategy.ssr); it must not exist' },
    ],
    async run(io, values, positionals) {
        if (positionals.length > 0) throw new UsageError(`ssr init takes no paths (got '${positionals[0]}'); use --output FILE`);
        const given = (name: string) => values[name] as string | undefined;
        const interactive = io.stdin?.isTTY === true && io.stdout.isTTY === true;
        const missing = ['country', 'period', 'currency'].filter(name => given(name) === undefined);
        if (missing.length > 0 && !interactive) {
            throw new UsageError(`missing ${missing.map(m => `--${m}`).join(', ')} (run 'ssr init' on a terminal to be asked, or see 'ssr init --help')`);
        }
        for (const name of ['country', 'period', 'currency', 'import'] as const) {
            const value = given(name);
            const problem = value === undefined ? undefined : checkAnswer[name === 'import' ? 'importPath' : name](value);
            if (problem) throw new UsageError(`--${name} '${value}': ${problem}`);
        }

        let country = given('country'), period = given('period'), currency = given('currency'), context = given('context'), importPath = given('import');
        const askedLater = missing.length > 0;
        if (askedLater && io.stdin) {
            const rl = createInterface({ input: io.stdin, terminal: false });
            const lines: Lines = rl[Symbol.asyncIterator]();
            try {
                io.stdout.write('A new SSR strategy: a few questions (Enter keeps the value in brackets).\n');
                country ??= await ask(lines, io, 'Country', checkAnswer.country);
                period ??= await ask(lines, io, 'Period, first and last year', checkAnswer.period, `${new Date().getFullYear() + 1}-${new Date().getFullYear() + 5}`);
                currency ??= await ask(lines, io, 'Currency code', checkAnswer.currency, 'USD');
                if (context === undefined) {
                    io.stdout.write(`Context: ${CONTEXT_CHOICES.map((c, i) => `${i + 1} ${c.id}`).join(', ')}; Enter for none.\n`);
                    const answer = await ask(lines, io, 'Context (number or term)', text => text === '' || contexts[Number(text) - 1] || contexts.includes(text) ? undefined : checkAnswer.context(text));
                    context = contexts[Number(answer) - 1] ?? (answer || undefined);
                }
                if (importPath === undefined) {
                    const folder = path.dirname(path.resolve(io.cwd, given('output') ?? defaultFileName(country)));
                    const libraries = librariesUnder(folder);
                    if (libraries.length > 0) {
                        io.stdout.write(`Actor libraries here: ${libraries.map((l, i) => `${i + 1} ${l}`).join(', ')}; Enter for none.\n`);
                        const answer = await ask(lines, io, 'Import a library (number or path)', text => text === '' || libraries[Number(text) - 1] ? undefined : checkAnswer.importPath(text));
                        importPath = libraries[Number(answer) - 1] ?? (answer || undefined);
                    }
                }
            } finally {
                rl.close();
            }
        }
        const years = parsePeriod(period as string);
        if (!country || !years || !currency) throw new UsageError('the country, period and currency are needed');
        const output = given('output') ?? defaultFileName(country);
        if (!output.endsWith('.ssr')) throw new UsageError(`--output '${output}': a strategy is a .ssr file`);
        const target = path.resolve(io.cwd, output);
        if (importPath) {
            const library = path.resolve(path.dirname(target), importPath);
            if (!fs.existsSync(library)) throw new UsageError(`--import '${importPath}': no such file beside ${displayPath(io, target)}`);
            if (!isLibrary(library)) throw new UsageError(`--import '${importPath}' is not an actor library (a file that starts with library "…")`);
        }
        const answers: StrategyAnswers = { country, ...years, currency, context, importPath: importPath?.replace(/\\/g, '/'), title: given('title') };
        fs.mkdirSync(path.dirname(target), { recursive: true });
        try {
            fs.writeFileSync(target, strategySkeleton(answers), { flag: 'wx' });
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`'${output}' exists: ssr init never overwrites a file; choose another --output`);
            throw error;
        }
        io.stdout.write(`Wrote ${displayPath(io, target)}. Open it in VS Code, or check it with: ssr check ${displayPath(io, target)}\n`);
        return 0;
    },
};
