import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import type { RedisClient } from '../redis/redisClient.js';
import { createRedisIdempotencyKeys } from './idempotencyKeys.js';

/** A Redis whose every call fails as ioredis fails while a master is lost and its replica not yet promoted. */
const failingRedis = (message: string): RedisClient =>
  ({
    set: async () => Promise.reject(new Error(message)),
    get: async () => Promise.reject(new Error(message)),
  }) as unknown as RedisClient;

describe('Redis idempotency keys', () => {
  for (const message of ['Connection is closed.', 'CLUSTERDOWN The cluster is down']) {
    it(`a Redis that cannot answer (${message}) is a retriable PortError, never a throw`, async () => {
      const keys = createRedisIdempotencyKeys({ redis: failingRedis(message), keyPrefix: 'p:' });
      const r = await keys.claim('player\nkey', 'fp', 60)();
      assert.ok(E.isLeft(r));
      assert.equal(r.left._tag, 'PortError');
      assert.equal(r.left.retriable, true);
      assert.match(r.left.message, new RegExp(message.slice(0, 10)));
    });
  }
});
