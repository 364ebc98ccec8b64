import { Kafka, logLevel, type Admin, type LogEntry } from 'kafkajs';
import { topics as allTopics, type Topic } from '@placebo/domain';
import type { Logger } from '../runtime/logger.js';

export interface KafkaSettings {
  readonly brokers: ReadonlyArray<string>;
  readonly clientId: string;
  /** Prefix of topic names and consumer groups (several deployments or test runs can share one cluster). */
  readonly topicPrefix: string;
  readonly partitions: number;
  readonly replication: number;
  /** `min.insync.replicas` of the topics created (0: one less than the replication, at most 2). */
  readonly minInsyncReplicas?: number;
  /** Longest a request may take; a produce that takes longer fails as retriable (the API answers 503). */
  readonly timeoutMs: number;
}

export const topicName = (s: Pick<KafkaSettings, 'topicPrefix'>, topic: Topic): string => `${s.topicPrefix}${topic}`;

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

const retriedAnswers = /does not host this topic-partition|not the leader|coordinator is not available|leader not available|There is no leader/i;

/** A kafkajs client whose own log goes to ours as JSON lines. */
export const createKafka = (s: KafkaSettings, logger: Logger): Kafka =>
  new Kafka({
    clientId: s.clientId,
    brokers: [...s.brokers],
    connectionTimeout: Math.min(3000, s.timeoutMs),
    requestTimeout: Math.max(1000, s.timeoutMs),
    retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 5 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...rest } = log;
        // A protocol answer kafkajs retries (metadata still spreading after a topic was made, a leader moving) is no error.
        const retried = level === logLevel.ERROR && typeof rest.error === 'string' && retriedAnswers.test(rest.error);
        logger[retried ? 'warn' : (levels[level] ?? 'info')](`kafka: ${message}`, rest);
      },
  });

/** The `min.insync.replicas` a topic is created with: with 3 copies, an acknowledged record is on 2 of them. */
export const minInsyncOf = (s: Pick<KafkaSettings, 'replication' | 'minInsyncReplicas'>): number =>
  s.minInsyncReplicas !== undefined && s.minInsyncReplicas > 0 ? Math.min(s.minInsyncReplicas, s.replication) : Math.max(1, Math.min(2, s.replication - 1));

/** A broker that has not learnt of a topic just created yet (UNKNOWN_TOPIC_OR_PARTITION). */
const notYetKnown = (e: Error): boolean => /does not host this topic-partition/i.test(e.message);

/** Creates the topics that are missing, with the configured partitions, replication and `min.insync.replicas`. */
export const ensureTopics = async (admin: Admin, s: KafkaSettings): Promise<void> => {
  const existing = new Set(await admin.listTopics());
  const missing = allTopics.map((t) => topicName(s, t)).filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: s.partitions,
        replicationFactor: s.replication,
        configEntries: [{ name: 'min.insync.replicas', value: String(minInsyncOf(s)) }],
      })),
    });
  } catch (e) {
    // Another process may have created them first; or they were created, and waiting for their leaders asked a broker
    // that has not learnt of them yet (several brokers): endOffsets below waits for them.
    if (!(e instanceof Error && (/already exists/i.test(e.message) || notYetKnown(e)))) throw e;
  }
  for (const t of missing) await endOffsets(admin, t);
};

/**
 * The high watermark (next offset) of every partition of a topic. Leaders of a topic just created can take a moment
 * to be known everywhere ("not the leader for that topic-partition"; on several brokers, one that has not learnt of
 * the topic yet answers "does not host this topic-partition"), so this retries for a few seconds.
 */
export const endOffsets = async (admin: Admin, topic: string): Promise<Map<number, number>> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
    } catch (e) {
      if (attempt >= 12 || !(e instanceof Error && (/leader|not available/i.test(e.message) || notYetKnown(e)))) throw e;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
};
