import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { sessionContract } from '@placebo/testkit/contracts';
import { redisKeys } from './redisKeys.js';
import { createRedisSessionStore } from './redisStores.js';

sessionContract('Redis at 127.0.0.1:6379', async () => {
  const prefix = `placebo-test-${randomUUID().slice(0, 8)}:`;
  // Fails loudly when Redis is not there: no retries, no offline queue.
  const redis = new Redis('redis://127.0.0.1:6379/0', { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  await redis.connect();
  return {
    sessions: createRedisSessionStore({ redis, keys: redisKeys(prefix) }),
    close: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
});
