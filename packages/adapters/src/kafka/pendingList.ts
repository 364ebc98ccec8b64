import type * as E from 'fp-ts/lib/Either.js';
import type { PortError } from '@placebo/domain';
import type { RedisClient } from '../redis/redisClient.js';
import { pendingPlayer, type RedisKeys } from '../redis/redisKeys.js';
import { tryPort } from '../runtime/tryPort.js';

/**
 * The pending list: every write is listed before it begins (and a new player joins the snapshot index before its first
 * write). These are keys of their own, which on a Redis Cluster live on other nodes than the player's, so they are
 * written first and the write begins only once they hold. A listing left behind (a crash, a failed produce) is what
 * the sweeper settles.
 */
export const createPendingList = ({ redis, keys }: { readonly redis: RedisClient; readonly keys: RedisKeys }) => {
  /** What the last `pending` listed, by player: the entries `settled` unlists. */
  let listedEntries = new Map<string, string[]>();
  return {
    list: (playerId: string, entry: string, first: boolean): Promise<E.Either<PortError, void>> =>
      tryPort('list write', async () => {
        await Promise.all([redis.zadd(keys.pending(playerId), Date.now(), entry), ...(first ? [redis.zadd(keys.snapshots, 'NX', 0, playerId)] : [])]);
      })(),
    /** Unlists a write that left nothing to settle; a failure only leaves work for the sweeper. */
    unlist: (playerId: string, entry: string): void => void redis.zrem(keys.pending(playerId), entry).catch(() => undefined),
    /** Players with a write listed more than `olderThanMs` ago (cut off, or its snapshot left behind), from every shard. */
    pending: (olderThanMs: number, max: number) =>
      tryPort('pending players', async () => {
        const before = Date.now() - olderThanMs;
        const shards = await Promise.all(keys.pendingShards.map((k) => redis.zrangebyscore(k, '-inf', before, 'LIMIT', 0, max)));
        const byPlayer = new Map<string, string[]>();
        for (const entry of shards.flat()) byPlayer.set(pendingPlayer(entry), [...(byPlayer.get(pendingPlayer(entry)) ?? []), entry]);
        listedEntries = new Map([...byPlayer].slice(0, max));
        return [...listedEntries.keys()];
      }),
    settled: async (playerId: string) => {
      const entries = listedEntries.get(playerId) ?? [];
      listedEntries.delete(playerId);
      if (entries.length > 0) await redis.zrem(keys.pending(playerId), ...entries);
    },
  };
};
