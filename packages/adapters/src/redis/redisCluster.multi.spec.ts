import { randomUUID } from 'node:crypto';
import { connectRedis, dropKeysAndDisconnect, REDIS_TARGETS } from '@placebo/testkit/cluster';
import { rateLimitContract, sessionContract } from '@placebo/testkit/contracts';
import { ensureStack } from '@placebo/testkit/stack';
import { createRedisRateLimiters } from '../rateLimit/rateLimiters.js';
import { redisKeys } from './redisKeys.js';
import { createRedisSessionStore } from './redisStores.js';

// The stores whose keys spread over the slots of a Redis Cluster of 3 masters (one player's sessions, a limit's counts).
describe('Redis Cluster (3 masters, 3 replicas)', function () {
  this.timeout(120_000);
  before(() => ensureStack(['rediscluster']));

  sessionContract('Redis Cluster', async () => {
    const prefix = `placebo-test-${randomUUID().slice(0, 8)}:`;
    const redis = await connectRedis(REDIS_TARGETS.cluster);
    return { sessions: createRedisSessionStore({ redis, keys: redisKeys(prefix) }), close: () => dropKeysAndDisconnect(redis, prefix) };
  });

  const prefix = `placebo-test-${randomUUID().slice(0, 8)}:`;
  rateLimitContract('Redis Cluster', async () => {
    const redis = await connectRedis(REDIS_TARGETS.cluster);
    return { ...createRedisRateLimiters({ redis, keyPrefix: prefix }), close: () => dropKeysAndDisconnect(redis, prefix) };
  });
});
