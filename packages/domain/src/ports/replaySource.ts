import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { Recorded } from '../decider.js';
import type { LogSource } from './eventLog.js';
import type { PortError } from './portError.js';

/** Share `index` of `of` of a partition's players (`playerShare(id, of) === index`); `of` 1 is every player. */
export interface PlayerShare {
  readonly index: number;
  readonly of: number;
}

export const everyPlayer: PlayerShare = { index: 0, of: 1 };

/** Which of `of` shares a player falls in: FNV-1a of the id's UTF-16 code units, so SQL functions and JS agree. */
export const playerShare = (playerId: string, of: number): number => {
  if (of <= 1) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < playerId.length; i++) h = Math.imul(h ^ playerId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % of;
};

/** What the fold needs of a record: evolve's input and the player it belongs to. */
export type FoldRecord = Recorded & { readonly player_id: string };

export interface FoldBatch {
  /** The records of the share, in offset order. */
  readonly records: ReadonlyArray<FoldRecord>;
  /** The offset to read from next: past every record looked at, of the share or not. */
  readonly next: number;
}

/**
 * Topic all_events as replay reads it. A player's records all live in one partition, so shares of players (or whole
 * partitions) fold independently, each in its own reader.
 */
export interface ReplaySource {
  readonly partitions: () => TaskEither<PortError, ReadonlyArray<number>>;
  /** The offset the next record will get: what a replay must read up to. */
  readonly end: (partition: number) => TaskEither<PortError, number>;
  /**
   * The records of the share's players among those at offsets >= `from` (about `max` looked at), decoded only as far as
   * the fold needs. A `next` equal to `from` means nothing more was readable in time.
   */
  readonly read: (partition: number, from: number, max: number, share: PlayerShare) => TaskEither<PortError, FoldBatch>;
}

/** Any LogSource read as a ReplaySource: every record decoded, then kept if its player is in the share. */
export const replaySourceOf = (log: LogSource): ReplaySource => ({
  partitions: () => log.partitions('all_events'),
  end: (p) => log.end('all_events', p),
  read: (p, from, max, share) => async () => {
    const r = await log.read('all_events', p, from, max)();
    if (E.isLeft(r)) return r;
    const last = r.right[r.right.length - 1];
    const records = r.right.map((x) => x.event).filter((e) => playerShare(e.player_id, share.of) === share.index);
    return E.right({ records, next: last === undefined ? from : last.offset + 1 });
  },
});
