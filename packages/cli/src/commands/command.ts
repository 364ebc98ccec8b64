import type { ParseArgsConfig } from 'node:util';
import type { Config, Logger } from '@placebo/adapters';

export type Env = Readonly<Record<string, string | undefined>>;

/** The options a command takes, as `util.parseArgs` declares them (`{ player: { type: 'string' } }`). */
export type Options = NonNullable<ParseArgsConfig['options']>;

/** The options given, by name: a string, or true for a flag. */
export type Values = Readonly<Record<string, string | boolean | undefined>>;

/** What a command runs with: its options and words (after its name), the decoded settings and a logger naming the command. */
export interface CommandContext {
  readonly values: Values;
  readonly positionals: ReadonlyArray<string>;
  readonly config: Config;
  readonly logger: Logger;
}

/** One `placebo` command: its name, its help, the options it takes and what it does. Resolves to the process's exit code. */
export interface Command {
  readonly name: string;
  /** Its line(s) of `placebo --help`, indented as printed there. */
  readonly usage: string;
  /** What `placebo <name> --help` adds below the usage line: what each option does. */
  readonly help?: string;
  readonly options: Options;
  /** The words it takes besides options (`query`'s SQL), as named in its usage; none when absent. */
  readonly positionals?: string;
  /** For commands that share a name (`replay`, `replay --player`): whether these options are this one's. */
  readonly accepts?: (values: Values) => boolean;
  /** Settings this command defaults differently, applied to the environment before it is decoded. */
  readonly env?: (env: Env) => Env;
  readonly run: (context: CommandContext) => Promise<number>;
}

/** A string option's value, or null when not given. */
export const stringOption = (values: Values, name: string): string | null => {
  const v = values[name];
  return typeof v === 'string' ? v : null;
};
