import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { rateLimitContract } from '@placebo/testkit/contracts';
import { createRedisRateLimiters } from './rateLimiters.js';

const prefix = `placebo-test-${randomUUID().slice(0, 8)}:`;
rateLimitContract('Redis at 127.0.0.1:6379 (cluster)', async () => {
  // Fails loudly when Redis is not there: no retries, no offline queue.
  const redis = new Redis('redis://127.0.0.1:6379/0', { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  await redis.connect();
  const limits = createRedisRateLimiters({ redis, keyPrefix: prefix });
  return {
    ...limits,
    close: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
});
