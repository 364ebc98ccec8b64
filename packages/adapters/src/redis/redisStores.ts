import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { AccountStore, PlayerState, SessionStore, SnapshotStore } from '@placebo/domain';
import { nameKey, tokenDigest } from '../embedded/sqliteStores.js';
import { tryPort } from '../runtime/tryPort.js';
import { scanKeys, unlinkEach, type RedisClient } from './redisClient.js';
import type { RedisKeys } from './redisKeys.js';
import { CLAIM_NAME, PUT_SNAPSHOT, RELEASE_NAME, redisScript } from './scripts.js';

interface RedisStoreOptions {
  readonly redis: RedisClient;
  readonly keys: RedisKeys;
  /** Waits until Redis replicas hold a write (WAIT) before it is acknowledged, when the deployment asks for it. */
  readonly replicated?: (key: string) => Promise<void>;
}

/**
 * Snapshots in Redis. Storing one also trims the event tail it folds in (see redisKeys.ts). The players join the
 * snapshot index before their snapshots are stored, so a scan never misses one (it skips an id without a snapshot).
 */
export const createRedisSnapshotStore = ({ redis, keys }: RedisStoreOptions): SnapshotStore => {
  const putOne = redisScript(redis, PUT_SNAPSHOT);
  const parse = (json: string | null): O.Option<PlayerState> => (json === null ? O.none : O.some(JSON.parse(json) as PlayerState));
  return {
    get: (id) => tryPort('get snapshot', async () => parse(await redis.hget(keys.snapshot(id), 'j'))),
    put: (states) =>
      tryPort('put snapshots', async () => {
        if (states.length === 0) return;
        await redis.zadd(keys.snapshots, 'NX', ...states.flatMap((s) => [0, s.id]));
        await Promise.all(states.map((s) => putOne([keys.snapshot(s.id), keys.player(s.id), keys.tail(s.id)], [s.version, JSON.stringify(s)])));
      }),
    scan: (cursor, count) =>
      tryPort('scan snapshots', async () => {
        const ids = await redis.zrangebylex(keys.snapshots, cursor === null ? '-' : `(${cursor}`, '+', 'LIMIT', 0, count);
        const jsons = ids.length === 0 ? [] : await Promise.all(ids.map((id) => redis.hget(keys.snapshot(id), 'j')));
        const states = jsons.flatMap((j) => (j === null ? [] : [JSON.parse(j) as PlayerState]));
        return { states, next: ids.length === count ? (ids[ids.length - 1] ?? null) : null };
      }),
    clear: () =>
      tryPort('clear snapshots', async () => {
        for await (const found of scanKeys(redis, keys.snapshotPattern)) await unlinkEach(redis, found);
        await redis.unlink(keys.snapshots);
      }),
  };
};

export const createRedisAccountStore = ({ redis, keys, replicated }: RedisStoreOptions): AccountStore => {
  const claim = redisScript(redis, CLAIM_NAME);
  const release = redisScript(redis, RELEASE_NAME);
  return {
    claim: (name, playerId, hash) => async () => {
      const key = keys.account(nameKey(name));
      const r = await tryPort('claim name', async () => {
        const claimed = await claim([key], [playerId, hash ?? '', hash === null ? 0 : 1]);
        // The password hash is only in Redis: a failover must not lose it.
        await replicated?.(key);
        return claimed;
      })();
      if (E.isLeft(r)) return r;
      return r.right === 1 ? E.right(undefined) : E.left({ _tag: 'NameTaken', name });
    },
    release: (name, playerId) => tryPort('release name', async () => void (await release([keys.account(nameKey(name))], [playerId]))),
    find: (name) =>
      tryPort('find account', async () => {
        const a = await redis.hgetall(keys.account(nameKey(name)));
        return a.pid === undefined ? O.none : O.some({ player_id: a.pid, password_hash: a.has === '1' ? (a.hash ?? null) : null });
      }),
  };
};

/**
 * Sessions expire by Redis' own time to live; only a digest of the token is stored. A sorted set per player lists its
 * sessions by expiry, so the cap ends the oldest. The session key and the player's set may live on different nodes of
 * a Redis Cluster, so they are written by separate commands (the transaction holds the player's set only); two logins
 * of one player at the same instant may leave it one session over the cap until its next login.
 */
export const createRedisSessionStore = ({ redis, keys, replicated }: RedisStoreOptions): SessionStore => ({
  create: (token, playerId, ttl, max) =>
    tryPort('create session', async () => {
      const key = keys.session(tokenDigest(token));
      const mine = keys.playerSessions(playerId);
      // Sub-millisecond and monotonic, so sessions started in one millisecond still end oldest first.
      const now = performance.timeOrigin + performance.now();
      await redis.set(key, playerId, 'EX', ttl);
      await replicated?.(key);
      const [, , counted] =
        (await redis
          .multi()
          .zadd(mine, now + ttl * 1000, key)
          .zremrangebyscore(mine, '-inf', now)
          .zcard(mine)
          .pexpire(mine, ttl * 1000)
          .exec()) ?? [];
      const over = Number(counted?.[1] ?? 0) - max;
      if (over <= 0) return;
      const oldest = (await redis.zpopmin(mine, over)).filter((_, i) => i % 2 === 0);
      await unlinkEach(redis, oldest);
    }),
  lookup: (token) => tryPort('lookup session', async () => O.fromNullable(await redis.get(keys.session(tokenDigest(token))))),
  revoke: (token) => tryPort('revoke session', async () => void (await redis.del(keys.session(tokenDigest(token))))),
  revokeAll: (playerId) =>
    tryPort('revoke sessions', async () => {
      const mine = keys.playerSessions(playerId);
      const all = await redis.zrange(mine, 0, -1);
      await unlinkEach(redis, all);
      await redis.unlink(mine);
    }),
});
