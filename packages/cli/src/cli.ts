import * as E from 'fp-ts/lib/Either.js';
import { createLogger, loadConfig, unknownSettings } from '@placebo/adapters';
import { api } from './commands/api.js';
import type { Command, Env } from './commands/command.js';
import { compact } from './commands/compact.js';
import { exportState } from './commands/exportState.js';
import { query } from './commands/query.js';
import { replay } from './commands/replay.js';
import { replayPlayer } from './commands/replayPlayer.js';
import { report } from './commands/report.js';
import { simulate } from './commands/simulate.js';
import { sink } from './commands/sink.js';
import { sinkCatchUp } from './commands/sinkCatchUp.js';
import { start } from './commands/start.js';
import { helpOf, parseCommandLine } from './commandLine.js';
import { explain } from './explain.js';

/** Every command, in the order `placebo --help` lists them. */
export const commands: ReadonlyArray<Command> = [start, api, sink, sinkCatchUp, query, replay, replayPlayer, exportState, report, compact, simulate];

const usage = `usage: placebo <command> [options]     (placebo <command> --help for one command's)
${commands.map((c) => c.usage).join('\n')}
Settings come from PLACEBO_* environment variables (see the README).`;

export const main = async (argv: ReadonlyArray<string>, env: Env): Promise<number> => {
  const parsed = parseCommandLine(argv, commands);
  switch (parsed._tag) {
    case 'List':
      process.stdout.write(`${usage}\n`);
      return 0;
    case 'Help':
      process.stdout.write(`${helpOf(parsed.name, commands)}\n`);
      return 0;
    case 'Mistake':
      process.stderr.write(`${parsed.message}\n`);
      return 2;
    case 'Run':
      break;
    default:
      return parsed satisfies never;
  }
  const { command, values, positionals } = parsed;
  for (const u of unknownSettings(env)) {
    process.stderr.write(`placebo: warning: ${u.name} is not a setting${u.suggestion === null ? '' : ` — did you mean ${u.suggestion}?`} (ignored)\n`);
  }
  const decoded = loadConfig(command.env?.(env) ?? env);
  if (E.isLeft(decoded)) {
    for (const p of decoded.left) process.stderr.write(`configuration: ${p.path}: ${p.message} (see the README's Configuration table)\n`);
    return 2;
  }
  const config = decoded.right;
  const logger = createLogger({ level: config.PLACEBO_LOG_LEVEL, fields: { command: command.name } });
  try {
    return await command.run({ values, positionals, config, logger });
  } catch (e) {
    process.stderr.write(`${explain(e, config)}\n`);
    logger.debug('command failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    return 1;
  }
};
