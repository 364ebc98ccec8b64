import type { Config, Logger } from '@placebo/adapters';

export type Env = Readonly<Record<string, string | undefined>>;

/** What a command runs with: its arguments (after its name), the decoded settings and a logger naming the command. */
export interface CommandContext {
  readonly args: ReadonlyArray<string>;
  readonly config: Config;
  readonly logger: Logger;
}

/** One `placebo` command: its name, its help line and what it does. Resolves to the process's exit code. */
export interface Command {
  readonly name: string;
  /** Its line(s) of `placebo help`, indented as printed there. */
  readonly usage: string;
  /** For commands that share a name (`replay`, `replay --player`): whether these arguments are this one's. */
  readonly accepts?: (args: ReadonlyArray<string>) => boolean;
  /** Settings this command defaults differently, applied to the environment before it is decoded. */
  readonly env?: (env: Env) => Env;
  readonly run: (context: CommandContext) => Promise<number>;
}

/** The value after a flag (`--player abc`), or null. */
export const option = (args: ReadonlyArray<string>, flag: string): string | null => {
  const i = args.indexOf(flag);
  return i >= 0 && i + 1 < args.length ? (args[i + 1] ?? null) : null;
};
