import * as E from 'fp-ts/lib/Either.js';
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import {
  jsonRecord,
  portError,
  scanRecordHead,
  topics as allTopics,
  type LogRecord,
  type LogSource,
  type PortError,
  type StoredEvent,
  type Topic,
} from '@placebo/domain';
import { endOffsets, topicName, type KafkaSettings } from './kafkaClient.js';

import { createFeeds, refreshHighWatermark, waitForRecords, type Buffered } from './kafkaFeeds.js';

export type { Buffered } from './kafkaFeeds.js';

export interface KafkaLogSourceOptions {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly settings: Pick<KafkaSettings, 'topicPrefix'>;
  /** Consumer group: partitions are shared among the group's members. */
  readonly groupId: string;
  /** The topics this reader reads (default: all); a topic subscribed to but never read would only fill buffers. */
  readonly topics?: ReadonlyArray<Topic>;
  /** Records buffered per partition before fetching it pauses. */
  readonly bufferRecords?: number;
  /** How long a read waits for records it knows exist (below the high watermark). */
  readonly waitMs?: number;
  /** How long the group waits for a silent member before handing its partitions to the others (default 30 s). */
  readonly sessionTimeoutMs?: number;
  /** The only partitions this reader reads (default: all assigned); the others are never fetched. */
  readonly only?: ReadonlyArray<number>;
}

export interface KafkaLogSource extends LogSource {
  /** The messages a read would decode, as fetched (`read` is `take` and then JSON.parse of each value). */
  readonly take: (topic: Topic, partition: number, from: number, max: number) => Promise<E.Either<PortError, Buffered[]>>;
  readonly close: () => Promise<void>;
}

export const checkEvent = (value: unknown): value is StoredEvent => {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<StoredEvent>;
  return typeof e.player_id === 'string' && typeof e.player_version === 'number' && typeof e.event_id === 'string' && typeof e.data?.type === 'string';
};

const consumerConfig = {
  allowAutoTopicCreation: false,
  maxWaitTimeInMs: 100,
  maxBytesPerPartition: 4 * 1024 * 1024,
  maxBytes: 32 * 1024 * 1024,
  heartbeatInterval: 3_000,
  retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 10 },
};

const JOIN_TIMEOUT_MS = 60_000;

const fail = (what: string, e: unknown): E.Either<PortError, never> => E.left(portError(`${what}: ${e instanceof Error ? e.message : String(e)}`, true, e));

/** The records of taken messages, or a failure naming the first that is not a Placebo event. */
const toRecords = (topic: Topic, partition: number, taken: ReadonlyArray<Buffered>): E.Either<PortError, LogRecord[]> => {
  const records: LogRecord[] = [];
  for (const b of taken) {
    const json = b.value.toString('utf8');
    // The head's members found where envelop writes them vouch for the record; anything else is parsed and checked.
    if (scanRecordHead(json) === undefined && !checkEvent(JSON.parse(json)))
      return E.left(portError(`${topic}/${partition}@${b.offset} is not a Placebo event`, false));
    records.push(jsonRecord(topic, partition, b.offset, json));
  }
  return E.right(records);
};

const withTimeout = async <A>(p: Promise<A>, ms: number, message: string): Promise<A> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** Pauses every assigned partition but `only`'s, so that the consumer never fetches them. */
const skipOthers = (c: Consumer, assigned: Record<string, ReadonlyArray<number>>, only: ReadonlyArray<number>): void => {
  const others = Object.entries(assigned).map(([topic, parts]) => ({ topic, partitions: parts.filter((p) => !only.includes(p)) }));
  c.pause(others.filter((t) => t.partitions.length > 0));
};

const assignmentOf = (nameOf: ReadonlyMap<string, Topic>, assigned: Record<string, ReadonlyArray<number>>): Map<Topic, number[]> => {
  const m = new Map<Topic, number[]>();
  for (const [name, parts] of Object.entries(assigned)) {
    const t = nameOf.get(name);
    if (t !== undefined)
      m.set(
        t,
        [...parts].sort((a, b) => a - b),
      );
  }
  return m;
};

/** Starts a consumer on the topics: `onJoin` at each assignment, `onCrash` when kafkajs stops restarting it. */
const runConsumer = async (
  c: Consumer,
  topicNames: string[],
  eachBatch: (p: EachBatchPayload) => Promise<void>,
  onJoin: (memberAssignment: Record<string, ReadonlyArray<number>>) => void,
  onCrash: (e: Error) => void,
): Promise<void> => {
  c.on(c.events.GROUP_JOIN, ({ payload }) => onJoin(payload.memberAssignment));
  // kafkajs restarts the consumer itself after retriable failures (a broker restart); only a final crash sticks.
  c.on(c.events.CRASH, ({ payload }) => {
    if (!payload.restart) onCrash(payload.error);
  });
  await c.connect();
  await c.subscribe({ topics: topicNames, fromBeginning: true });
  await c.run({ autoCommit: false, partitionsConsumedConcurrently: 64, eachBatch });
};

/**
 * The read side on a kafkajs consumer in a group. kafkajs pushes batches; this turns them into the pull-shaped
 * `read(topic, partition, from, max)` the sink and replay use: batches land in a bounded buffer per partition (the
 * fetch for a full partition waits, heartbeating, until the reader takes records), and a read from another offset
 * than the next one seeks. Offsets are never committed to Kafka here: readers keep their own (with their files).
 */
export const createKafkaLogSource = (o: KafkaLogSourceOptions): KafkaLogSource => {
  const bufferRecords = o.bufferRecords ?? 10_000;
  const waitMs = o.waitMs ?? 10_000;
  const nameOf = new Map((o.topics ?? allTopics).map((t) => [topicName(o.settings, t), t]));
  let consumer: Consumer | null = null;
  const { feedOf, pause, seek, eachBatch, rewind } = createFeeds({ settings: o.settings, nameOf, bufferRecords, consumer: () => consumer });
  let joined: Promise<Map<Topic, number[]>> | null = null;
  // The partitions the group gives this reader now: each rebalance (a member joins or leaves) changes them.
  let assignment = new Map<Topic, number[]>();
  let crashed: Error | null = null;

  const join = (): Promise<Map<Topic, number[]>> => {
    joined ??= (async () => {
      crashed = null;
      const c = o.kafka.consumer({ groupId: o.groupId, sessionTimeout: o.sessionTimeoutMs ?? 30_000, ...consumerConfig });
      consumer = c;
      let joinedOnce: (m: Map<Topic, number[]>) => void = () => undefined;
      const assigned = new Promise<Map<Topic, number[]>>((resolve) => (joinedOnce = resolve));
      const onJoin = (memberAssignment: Record<string, ReadonlyArray<number>>): void => {
        assignment = assignmentOf(nameOf, memberAssignment);
        rewind(c, assignment);
        if (o.only !== undefined) skipOthers(c, memberAssignment, o.only);
        joinedOnce(assignment);
      };
      await runConsumer(c, [...nameOf.keys()], eachBatch, onJoin, (e) => (crashed = e));
      return withTimeout(assigned, JOIN_TIMEOUT_MS, `no partitions assigned within ${JOIN_TIMEOUT_MS} ms`);
    })().catch(async (e: unknown) => {
      // Kafka unreachable while joining: forget this attempt so the next read tries again with a new consumer.
      const failed = consumer;
      consumer = null;
      joined = null;
      await failed?.disconnect().catch(() => undefined);
      throw e;
    });
    return joined;
  };

  const take = async (topic: Topic, partition: number, from: number, max: number): Promise<E.Either<PortError, Buffered[]>> => {
    try {
      if (crashed !== null) return fail('consumer crashed', crashed);
      await join();
      // Assigned elsewhere since the caller asked: nothing to read here (partitions() tells it what is its own).
      if (!(assignment.get(topic) ?? []).includes(partition)) return E.right([]);
      const feed = feedOf(topic, partition);
      if (from !== feed.expect) seek(feed, from);
      if (feed.buffer.length === 0) {
        if (from >= feed.highWatermark) await refreshHighWatermark(o.admin, o.settings, feed);
        if (from < feed.highWatermark) await waitForRecords(feed, waitMs);
      }
      const taken = feed.buffer.splice(0, max);
      const last = taken[taken.length - 1];
      if (last !== undefined) feed.expect = last.offset + 1;
      if (feed.buffer.length < bufferRecords / 2) pause(feed, false);
      return E.right(taken);
    } catch (e) {
      return fail('read', e);
    }
  };

  return {
    partitions: (topic) => async () => {
      try {
        await join();
        return E.right(assignment.get(topic) ?? []);
      } catch (e) {
        return fail('join consumer group', e);
      }
    },
    read: (topic, partition, from, max) => async () => {
      const taken = await take(topic, partition, from, max);
      return E.isLeft(taken) ? taken : toRecords(topic, partition, taken.right);
    },
    take,
    end: (topic, partition) => async () => {
      try {
        return E.right((await endOffsets(o.admin, topicName(o.settings, topic))).get(partition) ?? 0);
      } catch (e) {
        return fail('end offset', e);
      }
    },
    close: async () => {
      if (consumer !== null) await (consumer as Consumer).disconnect();
    },
  };
};
