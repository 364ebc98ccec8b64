import { playerAt } from '@placebo/app-sink';
import { createProgress } from '../progress.js';
import { stringOption, type Command } from './command.js';
import { withInfra } from './infra.js';

const isoTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/** TIME as an instant, or null: a date alone is its midnight UTC; a time needs its zone, or it would mean this machine's. */
export const parseTime = (text: string): string | null => {
  if (!isoTime.test(text.trim())) return null;
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

export const replayPlayer: Command = {
  name: 'replay',
  usage: "  replay --player ID [--at TIME]   print a player's state as it was at TIME (ISO-8601 with a zone, e.g. 2026-11-23T12:00:00Z; default now)",
  options: { player: { type: 'string' }, at: { type: 'string' } },
  accepts: (values) => values.player !== undefined,
  run: ({ values, config, logger }) => {
    const player = stringOption(values, 'player') ?? '';
    const given = stringOption(values, 'at');
    const at = given === null ? new Date().toISOString() : parseTime(given);
    if (at === null) {
      process.stderr.write(`replay: --at "${given}" is not a time: write ISO-8601 with a zone, e.g. --at 2026-11-23T12:00:00Z (or a date, 2026-11-23)\n`);
      return Promise.resolve(2);
    }
    if (player.trim() === '') {
      process.stderr.write('replay: --player wants a player id, e.g. --player host-user1.comcast.com\n');
      return Promise.resolve(2);
    }
    return withInfra(config, { name: 'replay', readTopics: ['all_events'] }, logger, async (infra) => {
      const progress = createProgress(`replay --player ${player}`, 'records');
      const found = await playerAt({ source: infra.log, playerId: player, at, progress: progress.update });
      progress.done(found.scanned, found.scanned);
      if (found.last === null) {
        process.stderr.write(`replay: player ${player} had no event by ${at}\n`);
        return 1;
      }
      process.stdout.write(
        `${JSON.stringify({ at, as_of_event: { player_version: found.last.player_version, occurred_at: found.last.occurred_at, event_type: found.last.event_type }, state: found.state }, null, 2)}\n`,
      );
      return 0;
    });
  },
};
