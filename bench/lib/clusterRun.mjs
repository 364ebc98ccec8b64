// Cluster mode under a run's own Redis key prefix and Kafka topic prefix: checks that it really is cluster mode, and
// removes what the run left behind.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './options.mjs';

const redisUrl = () => process.env.PLACEBO_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const brokers = () => (process.env.PLACEBO_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** The environment of `placebo api` in cluster mode under the run's prefixes. */
export const clusterPrefixes = (runId) => ({ redisPrefix: `placebo-bench-${runId}:`, topicPrefix: `placebo-bench-${runId}-` });

/** Cluster mode must really be cluster mode: no embedded database in PLACEBO_DATA_DIR once the API listens… */
export const checkNotEmbedded = (dataDir) => {
  if (existsSync(dataDir) && readdirSync(dataDir).some((f) => f.startsWith('placebo.db'))) {
    throw new Error(
      `cluster: PLACEBO_MODE=cluster, but the API opened the embedded SQLite store ${join(dataDir, 'placebo.db')} (is cluster mode wired into \`placebo api\`?)`,
    );
  }
};

/** …and the players it registered are in Redis under the run's prefix. */
export const checkRedisKeys = async (redisPrefix) => {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    // SCAN walks the key space a slice at a time: a slice without a match says nothing, only the whole walk does.
    let cursor = '0';
    let keys = [];
    do {
      [cursor, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
    } while (keys.length === 0 && cursor !== '0');
    if (keys.length === 0) throw new Error(`cluster: no Redis keys under ${redisPrefix} after registering players: is the API using Redis?`);
  } finally {
    redis.disconnect();
  }
};

/** Unlinks the run's Redis keys and deletes its topics. */
export const cleanupCluster = async (redisPrefix, topicPrefix) => {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) removed += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({ brokers: brokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    log(`cluster: removed ${removed} Redis keys under ${redisPrefix} and topics ${topics.join(', ') || '(none)'}`);
  } finally {
    await admin.disconnect();
  }
};
