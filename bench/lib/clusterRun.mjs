// Cluster mode under a run's own Redis key prefix and Kafka topic prefix: checks that it really is cluster mode, and
// removes what the run left behind.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './options.mjs';

import { execFileSync } from 'node:child_process';
import { createRedisClient, scanKeys, unlinkEach } from '@placebo/adapters';

/** The multi-node stack's settings (`deploy/local/stack.sh env multi`: 3 brokers, replication 3, a Redis Cluster). */
export const multiNodeEnv = () =>
  Object.fromEntries(
    execFileSync('deploy/local/stack.sh', ['env', 'multi'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

const redisUrl = (env) => env.PLACEBO_REDIS_URL ?? process.env.PLACEBO_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const brokers = (env) => (env.PLACEBO_KAFKA_BROKERS ?? process.env.PLACEBO_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const connect = async (env) => {
  const redis = createRedisClient(redisUrl(env), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  return redis;
};

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
export const checkRedisKeys = async (redisPrefix, env = {}) => {
  const redis = await connect(env);
  try {
    // SCAN walks the key space a slice at a time (on every master of a cluster): only the whole walk says "none".
    for await (const found of scanKeys(redis, `${redisPrefix}*`)) if (found.length > 0) return;
    throw new Error(`cluster: no Redis keys under ${redisPrefix} after registering players: is the API using Redis?`);
  } finally {
    redis.disconnect();
  }
};

/** Unlinks the run's Redis keys and deletes its topics. */
export const cleanupCluster = async (redisPrefix, topicPrefix, env = {}) => {
  const redis = await connect(env);
  let removed = 0;
  try {
    for await (const found of scanKeys(redis, `${redisPrefix}*`)) {
      await unlinkEach(redis, found);
      removed += found.length;
    }
  } finally {
    redis.disconnect();
  }
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({ brokers: brokers(env), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    log(`cluster: removed ${removed} Redis keys under ${redisPrefix} and topics ${topics.join(', ') || '(none)'}`);
  } finally {
    await admin.disconnect();
  }
};

/**
 * The cluster modes of bench/http.mjs, side by side in one run: `cluster` as the environment says; `cluster-kafkajs`
 * and `cluster-confluent` with PLACEBO_KAFKA_CLIENT set; `cluster-multi` on the multi-node stack (3 brokers,
 * replication 3, a Redis Cluster), `cluster-multi-wait` the same with every write waiting for one Redis replica.
 */
export const isClusterMode = (mode) => mode.startsWith('cluster');
const kafkaClientOf = (mode) =>
  ['cluster-kafkajs', 'cluster-confluent'].includes(mode) ? mode.slice('cluster-'.length) : (process.env.PLACEBO_KAFKA_CLIENT ?? 'auto');
const nodesEnv = (mode) =>
  mode === 'cluster-multi' ? multiNodeEnv() : mode === 'cluster-multi-wait' ? { ...multiNodeEnv(), PLACEBO_REDIS_WAIT_REPLICAS: '1' } : {};
/** A cluster mode's own settings (the Kafka client, the stack it runs on). */
export const clusterModeEnv = (mode) => ({ PLACEBO_KAFKA_CLIENT: kafkaClientOf(mode), ...nodesEnv(mode) });
