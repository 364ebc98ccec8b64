import { randomUUID } from 'node:crypto';
import { connectRedis, dropKeysAndDisconnect, REDIS_TARGETS } from '@placebo/testkit/cluster';
import { rateLimitContract } from '@placebo/testkit/contracts';
import { createRedisRateLimiters } from './rateLimiters.js';

const prefix = `placebo-test-${randomUUID().slice(0, 8)}:`;
rateLimitContract('Redis at 127.0.0.1:6379 (cluster)', async () => {
  const redis = await connectRedis(REDIS_TARGETS.server);
  return { ...createRedisRateLimiters({ redis, keyPrefix: prefix }), close: () => dropKeysAndDisconnect(redis, prefix) };
});
