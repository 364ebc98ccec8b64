import { parseArgs } from 'node:util';
import { closest } from '@placebo/adapters';
import type { Command, Options, Values } from './commands/command.js';

/** What the words after `placebo` ask for: the list of commands, one command's help, a run, or a mistake (exit 2). */
export type Parsed =
  | { readonly _tag: 'List' }
  | { readonly _tag: 'Help'; readonly name: string }
  | { readonly _tag: 'Run'; readonly command: Command; readonly values: Values; readonly positionals: ReadonlyArray<string> }
  | { readonly _tag: 'Mistake'; readonly message: string };

const helpFlags = new Set(['--help', '-h']);
const hint = (word: string, candidates: ReadonlyArray<string>): string => {
  const c = closest(word, candidates);
  return c === null ? '' : ` — did you mean ${c}?`;
};

/** Turns a parseArgs error into the line a person can act on, with the option they most likely meant. */
const mistake = (name: string, e: unknown, options: Options): string => {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const flags = Object.keys(options).map((o) => `--${o}`);
  const token = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = token.split('=')[0] ?? token;
    return `placebo ${name}: unknown option ${flag}${hint(flag.replace(/^-+/, '--'), flags)}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `placebo ${name}: unknown argument "${token}"${hint(`--${token.replace(/^-+/, '')}`, flags)}; ${name} takes options only`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--[a-z-]+/.exec(message)?.[0] ?? token;
    return options[flag.slice(2)]?.type === 'boolean' ? `placebo ${name}: ${flag} takes no value` : `placebo ${name}: ${flag} wants a value`;
  }
  return `placebo ${name}: ${message}`;
};

/** Parses `placebo <command> [options]` strictly: every option must be one the command declares. */
export const parseCommandLine = (argv: ReadonlyArray<string>, commands: ReadonlyArray<Command>): Parsed => {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || helpFlags.has(name)) return { _tag: 'List' };
  const variants = commands.filter((c) => c.name === name);
  if (variants.length === 0) {
    const names = [...new Set(commands.map((c) => c.name))];
    return { _tag: 'Mistake', message: `placebo: unknown command "${name}"${hint(name, names)} (placebo --help lists them)` };
  }
  // Help wins over everything else on the line, so `placebo replay --help` can never start a replay.
  if (args.some((a) => helpFlags.has(a))) return { _tag: 'Help', name };
  const options: Options = Object.assign({}, ...variants.map((v) => v.options));
  let parsed: { values: Values; positionals: string[] };
  try {
    // No option is declared `multiple`, so every value is a string or a flag.
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: variants.some((v) => v.positionals !== undefined) }) as typeof parsed;
  } catch (e) {
    return { _tag: 'Mistake', message: mistake(name, e, options) };
  }
  const command = variants.find((v) => v.accepts?.(parsed.values) ?? true) ?? variants[0]!;
  const stray = Object.keys(parsed.values).find((k) => !(k in command.options));
  if (stray !== undefined) {
    const other = variants.find((v) => stray in v.options);
    return { _tag: 'Mistake', message: `placebo ${name}: --${stray} goes with${other === undefined ? '' : `\n${other.usage}`}` };
  }
  return { _tag: 'Run', command, values: parsed.values, positionals: parsed.positionals };
};

/** `placebo <name> --help`: the usage of every form of the command, and what its options do. */
export const helpOf = (name: string, commands: ReadonlyArray<Command>): string =>
  [
    `usage: placebo ${name} [options]`,
    ...commands.filter((c) => c.name === name).flatMap((c) => [c.usage, ...(c.help === undefined ? [] : [c.help])]),
    '  --help, -h            print this and exit',
    'Settings come from PLACEBO_* environment variables (see the README).',
  ].join('\n');
