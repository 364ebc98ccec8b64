import type { ServiceHealth } from '../infrastructure.js';
import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import type { AccountStore, EventLog, LogSource, OffsetStore, SessionStore, SnapshotStore, Topic } from '@placebo/domain';
import { createBatchProducer, type BatchProducer } from '../kafka/batchProducer.js';
import { createConfluentProducer, loadConfluent } from '../kafka/confluentProducer.js';
import { createKafka, endOffsets, ensureTopics, topicName, type KafkaSettings } from '../kafka/kafkaClient.js';
import { createKafkaRedisEventLog, type LogMaintenance } from '../kafka/kafkaRedisEventLog.js';
import { createKafkaLogSource } from '../kafka/kafkaLogSource.js';
import { createIndexGuard, type IndexRepair } from './indexGuard.js';
import { createRedisClient, type RedisClient } from '../redis/redisClient.js';
import { redisKeys } from '../redis/redisKeys.js';
import { replicated } from '../redis/redisServers.js';
import { createRedisOffsetStore } from '../redis/redisOffsetStore.js';
import { createRedisAccountStore, createRedisSessionStore, createRedisSnapshotStore } from '../redis/redisStores.js';
import type { Logger } from '../runtime/logger.js';

export interface ClusterLogSettings {
  readonly kafka: KafkaSettings;
  readonly redisUrl: string;
  readonly redisPrefix: string;
  readonly leaseMs: number;
  readonly commandTtlSeconds: number;
  /** Redis replicas that must hold a write before it is acknowledged (WAIT; 0 = none), and how long to wait for them. */
  readonly redisWaitReplicas?: number;
  readonly redisWaitMs?: number;
  /** Consumer group of this process's reads (sink, replay); members share the partitions. */
  readonly consumerGroup: string;
  /** How long the group waits for a silent member before handing its partitions to the others (default 30 s). */
  readonly sessionTimeoutMs?: number;
  /** Topics this process reads (default: all). */
  readonly readTopics?: ReadonlyArray<Topic>;
  /** How often the log watermarks (Kafka end offsets Redis vouches for) are stored; default 5 s. */
  readonly checkpointMs?: number;
  /** The command path's producer (default `auto`: librdkafka when installed, else kafkajs). */
  readonly kafkaClient?: KafkaClientChoice;
}

export type KafkaClientChoice = 'auto' | 'kafkajs' | 'confluent';

export interface ClusterLog {
  readonly log: EventLog & LogSource;
  readonly snapshots: SnapshotStore;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly offsets: OffsetStore;
  readonly redis: RedisClient;
  /** True while Redis and Kafka answer. */
  readonly ready: () => Promise<boolean>;
  /** Redis and Kafka, each answering or not (what `ready` asks of both). */
  readonly health: () => Promise<ReadonlyArray<ServiceHealth>>;
  /**
   * Whether Redis still indexes the whole log: false when Kafka holds records but Redis lost its keys (a Redis without
   * persistence restarted). Writing then would reuse player versions, so the API refuses until `placebo replay`.
   */
  readonly indexed: () => Promise<boolean>;
  /** Records that Redis indexes the whole log (first start on an empty log, or after a replay). */
  readonly markIndexed: () => Promise<void>;
  /** Checks Redis' index against the newest records of Kafka and puts back what Redis lost (see createIndexGuard). */
  readonly verifyIndex: (progress?: (done: number, total: number) => void) => Promise<IndexRepair>;
  readonly producerStats: () => { readonly requests: number; readonly messages: number };
  /** Which client produces the command path's records. */
  readonly producerClient: 'kafkajs' | 'confluent';
  readonly pending: LogMaintenance['pending'];
  readonly completeIntent: LogMaintenance['completeIntent'];
  readonly settled: LogMaintenance['settled'];
  readonly close: () => Promise<void>;
}

/** The Redis client (one server or a Redis Cluster) of the index and stores, not yet connected. */
export const createClusterRedis = (s: ClusterLogSettings, logger: Logger): RedisClient => {
  const redis = createRedisClient(s.redisUrl, {
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: Math.max(1000, s.kafka.timeoutMs),
    // A command is sent only on a connection known to be up: none waits for a server that may come back without the
    // writes it acknowledged (see createIndexGuard).
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (times) => Math.min(times * 100, 1000),
    lazyConnect: true,
  });
  redis.on('error', (e: Error) => logger.warn('redis: connection error', { error: e.message }));
  return redis;
};

/** The command path's producer: librdkafka's when chosen (or `auto` and installed), else kafkajs' coalescing one. */
const openProducer = (kafka: Kafka, s: ClusterLogSettings, logger: Logger): { readonly producer: BatchProducer; readonly client: 'kafkajs' | 'confluent' } => {
  const choice = s.kafkaClient ?? 'auto';
  if (choice !== 'kafkajs') {
    const loaded = loadConfluent();
    if ('module' in loaded) return { producer: createConfluentProducer(loaded.module, s.kafka, logger), client: 'confluent' };
    if (choice === 'confluent') throw new Error(`PLACEBO_KAFKA_CLIENT=confluent, but @confluentinc/kafka-javascript cannot be loaded: ${loaded.error}`);
  }
  return { producer: createBatchProducer(kafka, { timeoutMs: s.kafka.timeoutMs }), client: 'kafkajs' };
};

/** Connects Redis and the Kafka admin and makes sure the topics exist; lets both go when any step fails. */
const connectAll = async (redis: RedisClient, admin: Admin, kafka: KafkaSettings): Promise<void> => {
  try {
    await redis.connect();
    await admin.connect();
    await ensureTopics(admin, kafka);
  } catch (e) {
    redis.disconnect();
    await admin.disconnect().catch(() => undefined);
    throw e;
  }
};

/** Whether Redis indexes the whole log: it says so, or the log is empty. */
const indexedCheck = (redis: RedisClient, admin: Admin, s: ClusterLogSettings, keys: ReturnType<typeof redisKeys>) => async (): Promise<boolean> =>
  (await redis.hget(keys.meta, 'index')) === '1' || [...(await endOffsets(admin, topicName(s.kafka, 'all_events'))).values()].every((n) => n === 0);

/** Redis and Kafka answer: both for /readyz, each for the operator's view. */
const probes = (redis: RedisClient, admin: Admin) => {
  const answers = (probe: () => Promise<unknown>): Promise<boolean> =>
    probe().then(
      () => true,
      () => false,
    );
  const health = async (): Promise<ReadonlyArray<ServiceHealth>> => {
    const [r, k] = await Promise.all([answers(() => redis.ping()), answers(() => admin.describeCluster())]);
    return [
      { service: 'redis', ok: r },
      { service: 'kafka', ok: k },
    ];
  };
  return { health, ready: async () => (await health()).every((s) => s.ok) };
};

/** Kafka (log) + Redis (index, snapshots, accounts, sessions, offsets): the cluster's write and read side. */
export const openClusterLog = async (s: ClusterLogSettings, logger: Logger): Promise<ClusterLog> => {
  const kafka = createKafka(s.kafka, logger);
  // Before anything connects: a producer that cannot be made leaves nothing to close.
  const { producer, client } = openProducer(kafka, s, logger);
  logger.info('kafka producer', { client });
  const admin = kafka.admin();
  const redis = createClusterRedis(s, logger);
  await connectAll(redis, admin, s.kafka);
  const keys = redisKeys(s.redisPrefix);
  const indexed = indexedCheck(redis, admin, s, keys);
  const wait = replicated(redis, s.redisWaitReplicas ?? 0, s.redisWaitMs ?? 500);
  const accounts = createRedisAccountStore({ redis, keys, replicated: wait });
  const guard = createIndexGuard({
    redis,
    keys,
    endOffsets: () => endOffsets(admin, topicName(s.kafka, 'all_events')),
    // A group of its own, so that this reader is given every partition.
    openSource: () => createKafkaLogSource({ kafka, admin, settings: s.kafka, groupId: `${s.consumerGroup}-verify-${randomUUID()}`, topics: ['all_events'] }),
    accounts,
    indexed,
    commandTtlSeconds: s.commandTtlSeconds,
    checkpointMs: s.checkpointMs ?? 5000,
    inflightMs: s.kafka.timeoutMs,
    logger,
  });
  const writer = createKafkaRedisEventLog({
    redis,
    keys,
    producer,
    kafka: s.kafka,
    leaseMs: s.leaseMs,
    commandTtlSeconds: s.commandTtlSeconds,
    waitMs: s.leaseMs + s.kafka.timeoutMs,
    gate: guard.gate,
    replicated: wait,
  });
  const reader = createKafkaLogSource({
    kafka,
    admin,
    settings: s.kafka,
    groupId: s.consumerGroup,
    topics: s.readTopics,
    sessionTimeoutMs: s.sessionTimeoutMs,
  });
  const { completeIntent, pending, settled, ...eventLog } = writer;
  return {
    log: { ...eventLog, ...reader },
    completeIntent,
    settled,
    pending,
    snapshots: createRedisSnapshotStore({ redis, keys }),
    accounts,
    sessions: createRedisSessionStore({ redis, keys, replicated: wait }),
    offsets: createRedisOffsetStore({ redis, keys }),
    redis,
    ...probes(redis, admin),
    indexed,
    markIndexed: async () => {
      await redis.hset(keys.meta, 'index', '1');
      // Replay rebuilt the index from the whole log: it vouches for every record up to now.
      await guard.checkpoint();
    },
    verifyIndex: guard.verify,
    producerStats: producer.stats,
    producerClient: client,
    close: async () => {
      await reader.close();
      await producer.close();
      // Every write of this process is acknowledged: a final watermark spares the next start a scan.
      await guard.checkpoint().catch(() => undefined);
      await guard.close();
      await admin.disconnect();
      redis.disconnect();
    },
  };
};
