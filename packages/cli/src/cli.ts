import * as E from 'fp-ts/lib/Either.js';
import { createLogger, loadConfig } from '@placebo/adapters';
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

/** Every command, in the order `placebo help` lists them. */
const commands: ReadonlyArray<Command> = [start, api, sink, sinkCatchUp, query, replay, report, replayPlayer, exportState, compact, simulate];

const usage = `usage: placebo <command>
${commands.map((c) => c.usage).join('\n')}
Settings come from PLACEBO_* environment variables (see the README).`;

export const main = async (argv: ReadonlyArray<string>, env: Env): Promise<number> => {
  const [name, ...args] = argv;
  const command = commands.find((c) => c.name === name && (c.accepts?.(args) ?? true));
  const decoded = loadConfig(command?.env?.(env) ?? env);
  if (E.isLeft(decoded)) {
    for (const p of decoded.left) process.stderr.write(`configuration: ${p.path}: ${p.message}\n`);
    return 2;
  }
  const config = decoded.right;
  const logger = createLogger({ level: config.PLACEBO_LOG_LEVEL, fields: { command: name } });
  if (command === undefined) {
    process.stderr.write(`${usage}\n`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  return command.run({ args, config, logger });
};
