import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ReplaySource, SnapshotStore } from '@placebo/domain';
import { clusterLogSettings } from './cluster/cluster.js';
import { createClusterRedis } from './cluster/clusterLog.js';
import type { Config } from './config/config.js';
import { openSqlite } from './embedded/sqlite.js';
import { createSqliteReplaySource } from './embedded/sqliteReplaySource.js';
import { createSqliteSnapshotStore } from './embedded/sqliteStores.js';
import { createKafka } from './kafka/kafkaClient.js';
import { createKafkaReplaySource } from './kafka/kafkaReplaySource.js';
import { redisKeys } from './redis/redisKeys.js';
import { createRedisSnapshotStore } from './redis/redisStores.js';
import type { Logger } from './runtime/logger.js';

/** What one replay reader needs: the log as the fold reads it and the snapshots it replaces. */
export interface ReplaySide {
  readonly source: ReplaySource;
  readonly snapshots: SnapshotStore;
  readonly close: () => Promise<void>;
}

const openEmbeddedReplaySide = (config: Config): ReplaySide => {
  const db = openSqlite({ path: join(config.PLACEBO_DATA_DIR, 'placebo.db') });
  return { source: createSqliteReplaySource({ db }), snapshots: createSqliteSnapshotStore({ db }), close: async () => void db.close() };
};

const openClusterReplaySide = async (config: Config, logger: Logger, only?: ReadonlyArray<number>): Promise<ReplaySide> => {
  const s = clusterLogSettings(config, { name: 'replay', readTopics: ['all_events'] });
  const kafka = createKafka(s.kafka, logger);
  const admin = kafka.admin();
  const redis = createClusterRedis(s, logger);
  try {
    await redis.connect();
    await admin.connect();
  } catch (e) {
    redis.disconnect();
    await admin.disconnect().catch(() => undefined);
    throw e;
  }
  const source = createKafkaReplaySource({ kafka, admin, settings: s.kafka, groupId: `${s.consumerGroup}-${randomUUID()}`, only });
  return {
    source,
    snapshots: createRedisSnapshotStore({ redis, keys: redisKeys(s.redisPrefix) }),
    close: async () => {
      await source.close();
      await admin.disconnect();
      redis.disconnect();
    },
  };
};

/**
 * Opens the mode's replay reader: its own SQLite connection, or its own Kafka consumer (fetching `only` those
 * partitions) and Redis connection. Each replay worker thread opens one.
 */
export const openReplaySide = async (config: Config, logger: Logger, only?: ReadonlyArray<number>): Promise<ReplaySide> =>
  config.PLACEBO_MODE === 'cluster' ? openClusterReplaySide(config, logger, only) : openEmbeddedReplaySide(config);
