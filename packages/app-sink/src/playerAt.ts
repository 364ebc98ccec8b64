import * as E from 'fp-ts/lib/Either.js';
import { evolve, initialState, type LogSource, type PlayerState, type StoredEvent } from '@placebo/domain';

export interface PlayerAt {
  readonly state: PlayerState;
  /** The last event folded in (null when the player had no event by then). */
  readonly last: StoredEvent | null;
  /** Records read to find the player's events. */
  readonly scanned: number;
}

/**
 * A player's state as it was at `at` (ISO-8601, inclusive): the fold of their events that occurred by then. Reads
 * every partition of all_events, as a replay does, so it also works where snapshots and the per-player tail have
 * moved on; a repeated copy of an event (same player_version) is folded once.
 */
export const playerAt = async (o: {
  readonly source: LogSource;
  readonly playerId: string;
  readonly at: string;
  readonly batchSize?: number;
  readonly progress?: (done: number, total: number) => void;
}): Promise<PlayerAt> => {
  const must = async <A>(te: () => Promise<E.Either<{ readonly message: string }, A>>): Promise<A> => {
    const r = await te();
    if (E.isLeft(r)) throw new Error(r.left.message);
    return r.right;
  };
  const cutoff = Date.parse(o.at);
  if (Number.isNaN(cutoff)) throw new Error(`not a time: ${o.at} (use ISO-8601, e.g. 2026-11-23T14:00:00Z)`);
  const partitions = await must(o.source.partitions('all_events'));
  const ends = await Promise.all(partitions.map((p) => must(o.source.end('all_events', p))));
  const total = ends.reduce((a, b) => a + b, 0);
  let state = initialState(o.playerId);
  let last: StoredEvent | null = null;
  let scanned = 0;
  for (const [i, p] of partitions.entries()) {
    let next = 0;
    while (next < (ends[i] ?? 0)) {
      const records = await must(o.source.read('all_events', p, next, o.batchSize ?? 10_000));
      if (records.length === 0) break;
      for (const r of records) {
        const e = r.event;
        if (e.player_id !== o.playerId || e.player_version <= state.version || Date.parse(e.occurred_at) > cutoff) continue;
        state = evolve(state, e);
        last = e;
      }
      scanned += records.length;
      next = (records[records.length - 1]?.offset ?? next) + 1;
      o.progress?.(Math.min(scanned, total), total);
    }
  }
  return { state, last, scanned };
};
