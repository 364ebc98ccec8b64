import { randomUUID } from 'node:crypto';
import { connectRedis, dropKeysAndDisconnect, REDIS_TARGETS } from '@placebo/testkit/cluster';
import { sessionContract } from '@placebo/testkit/contracts';
import { redisKeys } from './redisKeys.js';
import { createRedisSessionStore } from './redisStores.js';

sessionContract('Redis at 127.0.0.1:6379', async () => {
  const prefix = `placebo-test-${randomUUID().slice(0, 8)}:`;
  const redis = await connectRedis(REDIS_TARGETS.server);
  return { sessions: createRedisSessionStore({ redis, keys: redisKeys(prefix) }), close: () => dropKeysAndDisconnect(redis, prefix) };
});
