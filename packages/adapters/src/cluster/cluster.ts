import { hostname } from 'node:os';
import { analystTables, analystViews, stateTables, type Topic } from '@placebo/domain';
import type { Config } from '../config/config.js';
import type { Infrastructure } from '../infrastructure.js';
import { createWebHdfsLakeStore } from '../hdfs/webHdfsLakeStore.js';
import { createPrestoQueryEngine } from '../presto/prestoQueryEngine.js';
import { createRedisRateLimiters } from '../rateLimit/rateLimiters.js';
import type { Logger } from '../runtime/logger.js';
import { openClusterLog, type ClusterLog, type ClusterLogSettings } from './clusterLog.js';

/** What a process of the cluster does: the API writes, the sink and replay read (each in its consumer group). */
export interface ClusterRole {
  readonly name: 'api' | 'sink' | 'replay' | 'query';
  readonly readTopics?: ReadonlyArray<Topic>;
}

export const clusterLogSettings = (config: Config, role: ClusterRole): ClusterLogSettings => ({
  kafka: {
    brokers: config.PLACEBO_KAFKA_BROKERS.split(',')
      .map((b) => b.trim())
      .filter((b) => b !== ''),
    clientId: `placebo-${role.name}-${hostname()}-${process.pid}`,
    topicPrefix: config.PLACEBO_TOPIC_PREFIX,
    partitions: config.PLACEBO_KAFKA_PARTITIONS,
    replication: config.PLACEBO_KAFKA_REPLICATION,
    minInsyncReplicas: config.PLACEBO_KAFKA_MIN_INSYNC_REPLICAS,
    timeoutMs: config.PLACEBO_KAFKA_TIMEOUT_MS,
  },
  redisUrl: config.PLACEBO_REDIS_URL,
  redisPrefix: config.PLACEBO_REDIS_PREFIX,
  redisWaitReplicas: config.PLACEBO_REDIS_WAIT_REPLICAS,
  redisWaitMs: config.PLACEBO_REDIS_WAIT_MS,
  leaseMs: config.PLACEBO_WRITE_LEASE_MS,
  commandTtlSeconds: config.PLACEBO_IDEMPOTENCY_TTL_S,
  kafkaClient: config.PLACEBO_KAFKA_CLIENT,
  consumerGroup: `${config.PLACEBO_TOPIC_PREFIX}placebo-${role.name}`,
  sessionTimeoutMs: config.PLACEBO_KAFKA_SESSION_TIMEOUT_MS,
  readTopics: role.readTopics,
});

/** Kafka + Redis + HDFS (WebHDFS) + Presto behind the same ports as the embedded set. */
export const openCluster = async (config: Config, role: ClusterRole, logger: Logger): Promise<Infrastructure & { readonly cluster: ClusterLog }> => {
  const cluster = await openClusterLog(clusterLogSettings(config, role), logger.child({ component: 'cluster' }));
  const lake = createWebHdfsLakeStore({ url: config.PLACEBO_WEBHDFS_URL, user: config.PLACEBO_HDFS_USER, root: config.PLACEBO_LAKE_ROOT });
  const engine = createPrestoQueryEngine({
    url: config.PLACEBO_PRESTO_URL,
    user: config.PLACEBO_PRESTO_USER,
    catalog: config.PLACEBO_PRESTO_CATALOG,
    schema: config.PLACEBO_PRESTO_SCHEMA,
    location: `${config.PLACEBO_HDFS_URL.replace(/\/$/, '')}${config.PLACEBO_LAKE_ROOT}`,
    tables: analystTables,
    views: analystViews,
    stateTables,
    lake,
  });
  return {
    log: cluster.log,
    snapshots: cluster.snapshots,
    accounts: cluster.accounts,
    sessions: cluster.sessions,
    offsets: cluster.offsets,
    lake,
    query: engine,
    registry: engine,
    cluster,
    logIndex: cluster,
    rateLimits: createRedisRateLimiters({ redis: cluster.redis, keyPrefix: config.PLACEBO_REDIS_PREFIX }),
    ready: cluster.ready,
    health: cluster.health,
    close: async () => {
      await cluster.close();
      await engine.close();
      await lake.close();
    },
  };
};
