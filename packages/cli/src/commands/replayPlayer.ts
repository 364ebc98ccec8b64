import { playerAt } from '@placebo/app-sink';
import { createProgress } from '../progress.js';
import { option, type Command } from './command.js';
import { withInfra } from './infra.js';

export const replayPlayer: Command = {
  name: 'replay',
  usage: "  replay --player ID [--at TIME]   print a player's state as it was at TIME (ISO-8601; default now)",
  accepts: (args) => option(args, '--player') !== null,
  run: ({ args, config, logger }) => {
    const player = option(args, '--player') ?? '';
    const at = option(args, '--at') ?? new Date().toISOString();
    return withInfra(config, { name: 'replay', readTopics: ['all_events'] }, logger, async (infra) => {
      const progress = createProgress(`replay --player ${player}`, 'records');
      const found = await playerAt({ source: infra.log, playerId: player, at, progress: progress.update });
      progress.done(found.scanned, found.scanned);
      if (found.last === null) {
        process.stderr.write(`player ${player} had no event by ${at}\n`);
        return 1;
      }
      process.stdout.write(
        `${JSON.stringify({ at, as_of_event: { player_version: found.last.player_version, occurred_at: found.last.occurred_at, event_type: found.last.event_type }, state: found.state }, null, 2)}\n`,
      );
      return 0;
    });
  },
};
