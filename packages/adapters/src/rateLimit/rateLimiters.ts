import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RedisClient } from '../redis/redisClient.js';
import { createRedisIdempotencyKeys, createSqliteIdempotencyKeys, type IdempotencyKeys } from './idempotencyKeys.js';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** `points` requests per `windowS` seconds for one key (a client address, an account name …); 0 points is no limit. */
export interface RateLimitPolicy {
  readonly name: string;
  readonly points: number;
  readonly windowS: number;
}

export interface RateLimitVerdict {
  readonly allowed: boolean;
  /** Requests left in the window. */
  readonly remaining: number;
  /** Seconds until the window ends. */
  readonly resetS: number;
  /** The first refusal of the window: what deserves a record, once, instead of every refused attempt. */
  readonly firstRefusal: boolean;
}

/** Counts requests of one policy; the count is shared by every process using the same store. */
export interface RateLimiter {
  readonly policy: RateLimitPolicy;
  readonly consume: (key: string) => Promise<RateLimitVerdict>;
}

/** Creates the limiter of a policy over the mode's store. */
export interface RateLimiters {
  readonly limiter: (policy: RateLimitPolicy) => RateLimiter;
  /** The same store keeps which request first used each idempotency key. */
  readonly idempotencyKeys: IdempotencyKeys;
  readonly close: () => Promise<void>;
}

const unlimited = (policy: RateLimitPolicy): RateLimiter => ({
  policy,
  consume: async () => ({ allowed: true, remaining: Number.MAX_SAFE_INTEGER, resetS: 0, firstRefusal: false }),
});

const verdictOf = (policy: RateLimitPolicy, res: RateLimiterRes, allowed: boolean): RateLimitVerdict => ({
  allowed,
  remaining: Math.max(0, res.remainingPoints),
  resetS: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  firstRefusal: !allowed && res.consumedPoints === policy.points + 1,
});

/** A store's limiter behind the verdict interface; a store that fails answers from this process's memory meanwhile. */
const wrap = (policy: RateLimitPolicy, make: (insurance: RateLimiterMemory) => RateLimiterAbstract): RateLimiter => {
  if (policy.points <= 0) return unlimited(policy);
  const insurance = new RateLimiterMemory({ points: policy.points, duration: policy.windowS });
  const limiter = make(insurance);
  return {
    policy,
    consume: async (key) => {
      try {
        return verdictOf(policy, await limiter.consume(key), true);
      } catch (e) {
        if (e instanceof RateLimiterRes) return verdictOf(policy, e, false);
        throw e;
      }
    },
  };
};

const tableName = (policy: RateLimitPolicy): string => `rate_${policy.name.replace(/[^A-Za-z0-9]/g, '_')}`;

/**
 * Embedded mode: the counts (and idempotency fingerprints) live in their own SQLite file, shared by the processes of
 * one data folder. They are not facts: the file is written without waiting for the disk, so a limit costs no fsync.
 */
export const createSqliteRateLimiters = (options: { readonly path: string }): RateLimiters => {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('busy_timeout = 2000');
  // Expired counts are cleared by this timer, not the library's, which would still fire after close() on a closed file.
  const tables: string[] = [];
  const sweeper = setInterval(() => {
    for (const t of tables) db.prepare(`delete from ${t} where expire < ?`).run(Date.now() - 3_600_000);
  }, 300_000);
  sweeper.unref();
  return {
    limiter: (policy) =>
      wrap(policy, (insurance) => {
        const table = tableName(policy);
        db.exec(`create table if not exists ${table} (key text primary key, points integer not null default 0, expire integer)`);
        tables.push(table);
        return new RateLimiterSQLite({
          storeClient: db,
          storeType: 'better-sqlite3',
          tableName: table,
          tableCreated: true,
          clearExpiredByTimeout: false,
          points: policy.points,
          duration: policy.windowS,
          insuranceLimiter: insurance,
        });
      }),
    idempotencyKeys: createSqliteIdempotencyKeys({ db }),
    close: async () => {
      clearInterval(sweeper);
      db.close();
    },
  };
};

/** Cluster mode: the counts live in Redis, so every API process counts against the same limits. */
export const createRedisRateLimiters = (options: { readonly redis: RedisClient; readonly keyPrefix: string }): RateLimiters => ({
  limiter: (policy) =>
    wrap(
      policy,
      (insurance) =>
        new RateLimiterRedis({
          storeClient: options.redis,
          keyPrefix: `${options.keyPrefix}rate:${policy.name}`,
          points: policy.points,
          duration: policy.windowS,
          insuranceLimiter: insurance,
        }),
    ),
  idempotencyKeys: createRedisIdempotencyKeys(options),
  close: async () => undefined,
});
