import { createRedisClient, scanKeys, unlinkEach, type RedisClient } from '@placebo/adapters';

/** A connected client (one server or a cluster) that fails loudly when the server is not there: no retries, no offline queue. */
export const connectRedis = async (url: string): Promise<RedisClient> => {
  const redis = createRedisClient(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  await redis.connect();
  return redis;
};

/** Deletes every key of a test's prefix (on every master of a cluster) and disconnects. */
export const dropKeysAndDisconnect = async (redis: RedisClient, prefix: string): Promise<void> => {
  for await (const found of scanKeys(redis, `${prefix}*`)) await unlinkEach(redis, found);
  redis.disconnect();
};

/** The Redis stores' own contracts need these two: the same calls against one server or a cluster. */
export const REDIS_TARGETS = {
  server: 'redis://127.0.0.1:6379/0',
  cluster: 'redis+cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003',
} as const;
