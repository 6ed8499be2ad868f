/**
 * Commands and their options as data: `node:util` parseArgs reads the command line from this
 * table, and the usage text is written from it, so the two never disagree.
 */
import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './io.js';

interface OptionSpec {
    readonly name: string;
    readonly short?: string;
    /** A value placeholder (`FILE`, `N`); a flag has none. */
    readonly value?: string;
    /** The values a string option accepts (shown in the usage, checked when parsed). */
    readonly choices?: readonly string[];
    readonly default?: string;
    readonly description: string;
}

export interface CommandSpec<V = Record<string, string | boolean | undefined>> {
    readonly name: string;
    /** The positional arguments as the usage shows them: `[paths…]`, `FILE`, `BASE HEAD`. */
    readonly args: string;
    readonly summary: string;
    readonly options: readonly OptionSpec[];
    run(io: CliIo, values: V, positionals: string[]): Promise<number>;
}

export type OptionValues = Record<string, string | boolean | undefined>;

/** Parses a command's arguments against its option table. */
export function parseCommand(spec: CommandSpec, args: string[]): { values: OptionValues; positionals: string[] } {
    const options: Record<string, { type: 'string' | 'boolean'; short?: string; default?: string }> = {};
    for (const option of spec.options) {
        options[option.name] = { type: option.value ? 'string' : 'boolean', ...(option.short ? { short: option.short } : {}), ...(option.default !== undefined ? { default: option.default } : {}) };
    }
    let parsed: ReturnType<typeof parseArgs>;
    try {
        parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    } catch (error) {
        throw new UsageError(`${(error as Error).message.split('\n')[0]} (see 'ssr ${spec.name} --help')`);
    }
    for (const option of spec.options) {
        const value = parsed.values[option.name];
        if (option.choices && typeof value === 'string' && !option.choices.includes(value)) {
            throw new UsageError(`unknown ${option.name} '${value}' for 'ssr ${spec.name}'; use ${option.choices.join(', ')}`);
        }
    }
    return { values: parsed.values as OptionValues, positionals: parsed.positionals };
}

function optionUsage(option: OptionSpec): string {
    const value = option.choices ? option.choices.join('|') : option.value;
    return `--${option.name}${value ? ` ${value}` : ''}`;
}

/** One command's usage: its synopsis and each option with its description. */
export function commandUsage(spec: CommandSpec): string {
    const lines = [`ssr ${spec.name}${spec.args ? ` ${spec.args}` : ''}`, `  ${spec.summary}`];
    const width = Math.max(0, ...spec.options.map(o => optionUsage(o).length + (o.short ? 4 : 0)));
    for (const option of spec.options) {
        const flag = `${option.short ? `-${option.short}, ` : ''}${optionUsage(option)}`;
        lines.push(`    ${flag.padEnd(width)}  ${option.description}${option.default !== undefined ? ` (default: ${option.default})` : ''}`);
    }
    return lines.join('\n');
}

/** The whole usage text. */
export function usage(commands: readonly CommandSpec[]): string {
    return [
        'Usage: ssr <command> [options]',
        '',
        ...commands.map(commandUsage).flatMap(text => [text, '']),
        'ssr --help | --version',
        '',
        'Exit codes: 0 no errors (warnings within --max-warnings), 1 findings over the limit,',
        '2 the command could not run (bad option, unreadable path, invalid configuration).',
    ].join('\n');
}
