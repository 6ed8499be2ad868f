/**
 * `ssr`: the command-line face of the language core (../shared/spec/CLI.md). Same services, same
 * rules and the same `.ssrrc.json` resolution as the language server. `run` is the whole command
 * line as a function of its arguments and its io, so tests run it in process; main.ts is the bin.
 */
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import { initCommand } from './commands/init.js';
import { rulesCommand } from './commands/rules.js';
import { summaryCommand } from './commands/summary.js';
import { UsageError, packageVersion, type CliIo } from './io.js';
import { commandUsage, parseCommand, usage, type CommandSpec } from './options.js';

export const COMMANDS: readonly CommandSpec[] = [checkCommand, rulesCommand, summaryCommand, diffCommand, initCommand];

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
    const [name, ...args] = argv;
    try {
        if (name === undefined) {
            io.stderr.write(usage(COMMANDS) + '\n');
            return 2;
        }
        if (name === '--help' || name === '-h' || name === 'help') {
            io.stdout.write(usage(COMMANDS) + '\n');
            return 0;
        }
        if (name === '--version' || name === '-v') {
            io.stdout.write(packageVersion() + '\n');
            return 0;
        }
        const command = COMMANDS.find(c => c.name === name);
        if (!command) throw new UsageError(`unknown command '${name}'; try 'ssr --help'`);
        if (args.includes('--help') || args.includes('-h')) {
            io.stdout.write(commandUsage(command) + '\n');
            return 0;
        }
        const { values, positionals } = parseCommand(command, args);
        return await command.run(io, values, positionals);
    } catch (error) {
        const message = error instanceof UsageError ? error.message : `internal error: ${(error as Error).stack ?? String(error)}`;
        io.stderr.write(`ssr: ${message.split('\n')[0]}\n`);
        return 2;
    }
}
