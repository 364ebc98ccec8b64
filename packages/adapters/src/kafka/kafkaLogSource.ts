import * as E from 'fp-ts/lib/Either.js';
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { portError, topics as allTopics, type LogRecord, type LogSource, type PortError, type StoredEvent, type Topic } from '@placebo/domain';
import { endOffsets, topicName, type KafkaSettings } from './kafkaClient.js';

interface Buffered {
  readonly offset: number;
  readonly value: Buffer;
}

/** One topic partition as this reader sees it. */
interface Lane {
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

/**
 * The read side on a kafkajs consumer in a group. kafkajs pushes batches; this turns them into the pull-shaped
 * `read(topic, partition, from, max)` the sink and replay use: batches land in a bounded buffer per partition (the
 * fetch for a full partition waits, heartbeating, until the reader takes records), and a read from another offset
 * than the next one seeks. Offsets are never committed to Kafka here: readers keep their own (with their files).
 */
export const createKafkaLogSource = (o: KafkaLogSourceOptions): LogSource & { readonly close: () => Promise<void> } => {
  const bufferRecords = o.bufferRecords ?? 10_000;
  const waitMs = o.waitMs ?? 10_000;
  const joinTimeoutMs = 60_000;
  const nameOf = new Map((o.topics ?? allTopics).map((t) => [topicName(o.settings, t), t]));
  const lanes = new Map<string, Lane>();
  let consumer: Consumer | null = null;
  let joined: Promise<Map<Topic, number[]>> | null = null;
  let crashed: Error | null = null;

  const laneOf = (topic: Topic, partition: number): Lane => {
    const key = `${topic}:${partition}`;
    let lane = lanes.get(key);
    if (lane === undefined) {
      lane = { topic, partition, expect: -1, buffer: [], highWatermark: 0, checkedAt: 0, paused: false, wake: null };
      lanes.set(key, lane);
    }
    return lane;
  };

  const pause = (lane: Lane, paused: boolean): void => {
    if (consumer === null || lane.paused === paused) return;
    lane.paused = paused;
    const target = [{ topic: topicName(o.settings, lane.topic), partitions: [lane.partition] }];
    if (paused) consumer.pause(target);
    else consumer.resume(target);
  };

  // Never blocks: a partition whose buffer is full is paused (kafkajs fetches partitions of a broker together, so
  // one waiting batch would hold back the others) and resumed once the reader has taken half of it.
  const eachBatch = async ({ batch, isStale }: EachBatchPayload): Promise<void> => {
    const topic = nameOf.get(batch.topic);
    if (topic === undefined || isStale()) return;
    const lane = laneOf(topic, batch.partition);
    lane.highWatermark = Math.max(lane.highWatermark, Number(batch.highWatermark));
    const last = lane.buffer[lane.buffer.length - 1];
    const floor = last === undefined ? lane.expect : last.offset + 1;
    for (const m of batch.messages) {
      const offset = Number(m.offset);
      if (offset >= floor && m.value !== null) lane.buffer.push({ offset, value: m.value });
    }
    lane.wake?.();
    if (lane.buffer.length >= bufferRecords) pause(lane, true);
  };

  const join = (): Promise<Map<Topic, number[]>> => {
    joined ??= (async () => {
      crashed = null;
      const c = o.kafka.consumer({
        groupId: o.groupId,
        allowAutoTopicCreation: false,
        maxWaitTimeInMs: 100,
        maxBytesPerPartition: 4 * 1024 * 1024,
        maxBytes: 32 * 1024 * 1024,
        sessionTimeout: 30_000,
        heartbeatInterval: 3_000,
        retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 10 },
      });
      consumer = c;
      const assigned = new Promise<Map<Topic, number[]>>((resolve) => {
        c.on(c.events.GROUP_JOIN, ({ payload }) => {
          // A rejoin (after kafkajs restarted the consumer) starts from the group's offsets, which this reader never
          // commits: put every partition back where its reader stands.
          for (const lane of lanes.values()) {
            if (lane.expect < 0) continue;
            lane.buffer = [];
            lane.paused = false;
            c.seek({ topic: topicName(o.settings, lane.topic), partition: lane.partition, offset: String(lane.expect) });
          }
          const m = new Map<Topic, number[]>();
          for (const [name, parts] of Object.entries(payload.memberAssignment)) {
            const t = nameOf.get(name);
            if (t !== undefined) m.set(t, [...parts].sort((a, b) => a - b));
          }
          resolve(m);
        });
      });
      // kafkajs restarts the consumer itself after retriable failures (a broker restart); only a final crash sticks.
      c.on(c.events.CRASH, ({ payload }) => {
        if (!payload.restart) crashed = payload.error;
      });
      await c.connect();
      await c.subscribe({ topics: [...nameOf.keys()], fromBeginning: true });
      await c.run({ autoCommit: false, partitionsConsumedConcurrently: 64, eachBatch });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no partitions assigned within ${joinTimeoutMs} ms`)), joinTimeoutMs);
      });
      try {
        return await Promise.race([assigned, timeout]);
      } finally {
        clearTimeout(timer);
      }
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

  const fail = (what: string, e: unknown): E.Either<PortError, never> => E.left(portError(`${what}: ${e instanceof Error ? e.message : String(e)}`, true, e));

  const refreshHighWatermark = async (lane: Lane): Promise<void> => {
    if (Date.now() - lane.checkedAt < 50) return;
    lane.checkedAt = Date.now();
    const ends = await endOffsets(o.admin, topicName(o.settings, lane.topic));
    lane.highWatermark = Math.max(lane.highWatermark, ends.get(lane.partition) ?? 0);
  };

  const waitForRecords = (lane: Lane): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, waitMs);
      function done(): void {
        clearTimeout(timer);
        lane.wake = null;
        resolve();
      }
      lane.wake = done;
    });

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
        const lane = laneOf(topic, partition);
        if (from !== lane.expect) {
          lane.buffer = [];
          lane.expect = from;
          consumer?.seek({ topic: topicName(o.settings, topic), partition, offset: String(from) });
          pause(lane, false);
        }
        if (lane.buffer.length === 0) {
          if (from >= lane.highWatermark) await refreshHighWatermark(lane);
          if (from < lane.highWatermark) await waitForRecords(lane);
        }
        const taken = lane.buffer.splice(0, max);
        const records: LogRecord[] = [];
        for (const b of taken) {
          const event: unknown = JSON.parse(b.value.toString('utf8'));
          if (!checkEvent(event)) return E.left(portError(`${topic}/${partition}@${b.offset} is not a Placebo event`, false));
          records.push({ topic, partition, offset: b.offset, event });
        }
        const last = taken[taken.length - 1];
        if (last !== undefined) lane.expect = last.offset + 1;
        if (lane.buffer.length < bufferRecords / 2) pause(lane, false);
        return E.right(records);
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
