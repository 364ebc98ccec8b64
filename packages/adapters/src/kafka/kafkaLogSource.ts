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

interface Buffered {
  readonly offset: number;
  readonly value: Buffer;
}

/** One topic partition as this reader sees it: the records fetched and not yet read, and where reading stands. */
interface PartitionFeed {
  readonly topic: Topic;
  readonly partition: number;
  /** The next offset the caller will ask for; fetched records below it are dropped. */
  expect: number;
  buffer: Buffered[];
  highWatermark: number;
  checkedAt: number;
  paused: boolean;
  wake: (() => void) | null;
}

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
}

const checkEvent = (value: unknown): value is StoredEvent => {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<StoredEvent>;
  return typeof e.player_id === 'string' && typeof e.player_version === 'number' && typeof e.event_id === 'string' && typeof e.data?.type === 'string';
};

const consumerConfig = {
  allowAutoTopicCreation: false,
  maxWaitTimeInMs: 100,
  maxBytesPerPartition: 4 * 1024 * 1024,
  maxBytes: 32 * 1024 * 1024,
  sessionTimeout: 30_000,
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

/** Resolves when a batch lands in the feed, or after `waitMs`. */
const waitForRecords = (feed: PartitionFeed, waitMs: number): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, waitMs);
    function done(): void {
      clearTimeout(timer);
      feed.wake = null;
      resolve();
    }
    feed.wake = done;
  });

/** Asks Kafka for the partition's end, at most every 50 ms. */
const refreshHighWatermark = async (admin: Admin, settings: Pick<KafkaSettings, 'topicPrefix'>, feed: PartitionFeed): Promise<void> => {
  if (Date.now() - feed.checkedAt < 50) return;
  feed.checkedAt = Date.now();
  const ends = await endOffsets(admin, topicName(settings, feed.topic));
  feed.highWatermark = Math.max(feed.highWatermark, ends.get(feed.partition) ?? 0);
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

/** The feeds of the partitions a consumer fetches: kafkajs pushes batches into them, reads take from them. */
const createFeeds = (o: {
  readonly settings: Pick<KafkaSettings, 'topicPrefix'>;
  readonly nameOf: ReadonlyMap<string, Topic>;
  readonly bufferRecords: number;
  readonly consumer: () => Consumer | null;
}) => {
  const feeds = new Map<string, PartitionFeed>();

  const feedOf = (topic: Topic, partition: number): PartitionFeed => {
    const key = `${topic}:${partition}`;
    let feed = feeds.get(key);
    if (feed === undefined) {
      feed = { topic, partition, expect: -1, buffer: [], highWatermark: 0, checkedAt: 0, paused: false, wake: null };
      feeds.set(key, feed);
    }
    return feed;
  };

  const pause = (feed: PartitionFeed, paused: boolean): void => {
    const consumer = o.consumer();
    if (consumer === null || feed.paused === paused) return;
    feed.paused = paused;
    const target = [{ topic: topicName(o.settings, feed.topic), partitions: [feed.partition] }];
    if (paused) consumer.pause(target);
    else consumer.resume(target);
  };

  // Never blocks: a partition whose buffer is full is paused (kafkajs fetches partitions of a broker together, so
  // one waiting batch would hold back the others) and resumed once the reader has taken half of it.
  const eachBatch = async ({ batch, isStale }: EachBatchPayload): Promise<void> => {
    const topic = o.nameOf.get(batch.topic);
    if (topic === undefined || isStale()) return;
    const feed = feedOf(topic, batch.partition);
    feed.highWatermark = Math.max(feed.highWatermark, Number(batch.highWatermark));
    const last = feed.buffer[feed.buffer.length - 1];
    const floor = last === undefined ? feed.expect : last.offset + 1;
    for (const m of batch.messages) {
      const offset = Number(m.offset);
      if (offset >= floor && m.value !== null) feed.buffer.push({ offset, value: m.value });
    }
    feed.wake?.();
    if (feed.buffer.length >= o.bufferRecords) pause(feed, true);
  };

  /**
   * A rejoin (after kafkajs restarted the consumer) starts from the group's offsets, which this reader never commits:
   * put every partition back where its reader stands.
   */
  const rewind = (c: Consumer): void => {
    for (const feed of feeds.values()) {
      if (feed.expect < 0) continue;
      feed.buffer = [];
      feed.paused = false;
      c.seek({ topic: topicName(o.settings, feed.topic), partition: feed.partition, offset: String(feed.expect) });
    }
  };

  /** A read from another offset than the next one: what was fetched is dropped, and fetching starts again there. */
  const seek = (feed: PartitionFeed, from: number): void => {
    feed.buffer = [];
    feed.expect = from;
    o.consumer()?.seek({ topic: topicName(o.settings, feed.topic), partition: feed.partition, offset: String(from) });
    pause(feed, false);
  };

  return { feedOf, pause, seek, eachBatch, rewind };
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

/**
 * The read side on a kafkajs consumer in a group. kafkajs pushes batches; this turns them into the pull-shaped
 * `read(topic, partition, from, max)` the sink and replay use: batches land in a bounded buffer per partition (the
 * fetch for a full partition waits, heartbeating, until the reader takes records), and a read from another offset
 * than the next one seeks. Offsets are never committed to Kafka here: readers keep their own (with their files).
 */
export const createKafkaLogSource = (o: KafkaLogSourceOptions): LogSource & { readonly close: () => Promise<void> } => {
  const bufferRecords = o.bufferRecords ?? 10_000;
  const waitMs = o.waitMs ?? 10_000;
  const nameOf = new Map((o.topics ?? allTopics).map((t) => [topicName(o.settings, t), t]));
  let consumer: Consumer | null = null;
  const { feedOf, pause, seek, eachBatch, rewind } = createFeeds({ settings: o.settings, nameOf, bufferRecords, consumer: () => consumer });
  let joined: Promise<Map<Topic, number[]>> | null = null;
  let crashed: Error | null = null;

  const join = (): Promise<Map<Topic, number[]>> => {
    joined ??= (async () => {
      crashed = null;
      const c = o.kafka.consumer({ groupId: o.groupId, ...consumerConfig });
      consumer = c;
      const assigned = new Promise<Map<Topic, number[]>>((resolve) => {
        c.on(c.events.GROUP_JOIN, ({ payload }) => {
          rewind(c);
          resolve(assignmentOf(nameOf, payload.memberAssignment));
        });
      });
      // kafkajs restarts the consumer itself after retriable failures (a broker restart); only a final crash sticks.
      c.on(c.events.CRASH, ({ payload }) => {
        if (!payload.restart) crashed = payload.error;
      });
      await c.connect();
      await c.subscribe({ topics: [...nameOf.keys()], fromBeginning: true });
      await c.run({ autoCommit: false, partitionsConsumedConcurrently: 64, eachBatch });
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

  return {
    partitions: (topic) => async () => {
      try {
        return E.right((await join()).get(topic) ?? []);
      } catch (e) {
        return fail('join consumer group', e);
      }
    },
    read: (topic, partition, from, max) => async () => {
      try {
        if (crashed !== null) return fail('consumer crashed', crashed);
        await join();
        const feed = feedOf(topic, partition);
        if (from !== feed.expect) seek(feed, from);
        if (feed.buffer.length === 0) {
          if (from >= feed.highWatermark) await refreshHighWatermark(o.admin, o.settings, feed);
          if (from < feed.highWatermark) await waitForRecords(feed, waitMs);
        }
        const taken = feed.buffer.splice(0, max);
        const records = toRecords(topic, partition, taken);
        if (E.isLeft(records)) return records;
        const last = taken[taken.length - 1];
        if (last !== undefined) feed.expect = last.offset + 1;
        if (feed.buffer.length < bufferRecords / 2) pause(feed, false);
        return records;
      } catch (e) {
        return fail('read', e);
      }
    },
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
