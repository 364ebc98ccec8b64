import * as E from 'fp-ts/lib/Either.js';
import type { LogSource, PortError, Topic } from '@placebo/domain';

/**
 * The highest player_version seen per player, for dropping records the log carries twice. A re-produced write intent
 * repeats events already in the partition (same player, same versions) before any higher version of that player,
 * so "version at or below the highest seen" identifies the copy.
 *
 * Bounded: beyond `capacity` players the least recently seen one is forgotten (a Map keeps insertion order; a hit
 * moves the player to the end). A copy arrives soon after its original, while the player is among the most recent,
 * so eviction only forgets players idle for `capacity` other players' events; a copy of such a player would land twice.
 */
export interface PlayerVersions {
  /** Records the version and answers true when it is new; false for a copy (at or below the highest seen). */
  readonly admit: (playerId: string, version: number) => boolean;
  readonly size: () => number;
}

export const createPlayerVersions = (capacity: number): PlayerVersions => {
  const highest = new Map<string, number>();
  const limit = Math.max(1, Math.floor(capacity));
  return {
    admit: (playerId, version) => {
      const seen = highest.get(playerId);
      if (seen !== undefined) highest.delete(playerId);
      const fresh = seen === undefined || version > seen;
      highest.set(playerId, fresh ? version : seen);
      if (highest.size > limit) {
        const oldest = highest.keys().next();
        if (oldest.done !== true) highest.delete(oldest.value);
      }
      return fresh;
    },
    size: () => highest.size,
  };
};

/**
 * Remembers the versions of the records in the `lookback` offsets before `before` (the committed one): after a restart, copies
 * of them may still follow. Best effort: records gone from the log (retention) or a failed read only shorten what is
 * remembered, and the failure is returned for the log.
 */
export const rememberVersions = async (o: {
  readonly source: LogSource;
  readonly topic: Topic;
  readonly partition: number;
  readonly before: number;
  readonly lookback: number;
  readonly batchSize: number;
  readonly versions: PlayerVersions;
}): Promise<PortError | null> => {
  let from = Math.max(0, o.before - o.lookback);
  while (from < o.before) {
    const records = await o.source.read(o.topic, o.partition, from, Math.min(o.batchSize, o.before - from))();
    if (E.isLeft(records)) return records.left;
    for (const r of records.right) if (r.offset < o.before) o.versions.admit(r.event.player_id, r.event.player_version);
    const last = records.right[records.right.length - 1];
    if (last === undefined) return null;
    from = last.offset + 1;
  }
  return null;
};
