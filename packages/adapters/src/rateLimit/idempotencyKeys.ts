import type Database from 'better-sqlite3';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { PortError } from '@placebo/domain';
import type { RedisClient } from '../redis/redisClient.js';
import { tryPort } from '../runtime/tryPort.js';

/** How a request's idempotency key relates to the request that used it first. */
export type KeyUse = 'first' | 'same' | 'different';

/**
 * Which request first used an idempotency key, by a fingerprint of the request (route and body): a retry repeats it,
 * another request under the same key does not. The log still answers the retry; this only tells the two apart.
 */
export interface IdempotencyKeys {
  /**
   * Records `fingerprint` for `scope` unless one is recorded; says whether the recorded one is this one. A store that
   * cannot answer (Redis failing over) is a retriable PortError, so the request is 503 and its retry safe: nothing ran.
   */
  readonly claim: (scope: string, fingerprint: string, ttlSeconds: number) => TaskEither<PortError, KeyUse>;
}

export const createSqliteIdempotencyKeys = (options: { readonly db: Database.Database; readonly now?: () => number }): IdempotencyKeys => {
  const { db } = options;
  const now = options.now ?? Date.now;
  db.exec('create table if not exists idempotency_keys (scope text primary key, fingerprint text not null, expires_at integer not null)');
  const insert = db.prepare(
    `insert into idempotency_keys (scope, fingerprint, expires_at) values (?, ?, ?)
     on conflict (scope) do update set fingerprint = excluded.fingerprint, expires_at = excluded.expires_at where idempotency_keys.expires_at <= ?`,
  );
  const get = db.prepare<[string], { fingerprint: string }>('select fingerprint from idempotency_keys where scope = ?');
  const claim = db.transaction((scope: string, fingerprint: string, ttl: number): KeyUse => {
    const t = now();
    const changed = insert.run(scope, fingerprint, t + ttl * 1000, t).changes > 0;
    if (changed) return 'first';
    return get.get(scope)?.fingerprint === fingerprint ? 'same' : 'different';
  });
  return { claim: (scope, fingerprint, ttl) => tryPort('claim idempotency key', () => claim.immediate(scope, fingerprint, ttl)) };
};

export const createRedisIdempotencyKeys = (options: { readonly redis: RedisClient; readonly keyPrefix: string }): IdempotencyKeys => ({
  claim: (scope, fingerprint, ttl) =>
    tryPort('claim idempotency key', async (): Promise<KeyUse> => {
      const key = `${options.keyPrefix}idem:${scope}`;
      if ((await options.redis.set(key, fingerprint, 'EX', ttl, 'NX')) === 'OK') return 'first';
      return (await options.redis.get(key)) === fingerprint ? 'same' : 'different';
    }),
});
