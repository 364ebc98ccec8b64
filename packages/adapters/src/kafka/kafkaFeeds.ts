import type { Admin, Consumer, EachBatchPayload } from 'kafkajs';
import type { Topic } from '@placebo/domain';
import { endOffsets, topicName, type KafkaSettings } from './kafkaClient.js';

export interface Buffered {
  readonly offset: number;
  /** The message key: the player id, for every record Placebo produces. */
  readonly key: Buffer | null;
  readonly value: Buffer;
}

/** One topic partition as this reader sees it: the records fetched and not yet read, and where reading stands. */
export interface PartitionFeed {
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

/** Resolves when a batch lands in the feed, or after `waitMs`. */
export const waitForRecords = (feed: PartitionFeed, waitMs: number): Promise<void> =>
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
export const refreshHighWatermark = async (admin: Admin, settings: Pick<KafkaSettings, 'topicPrefix'>, feed: PartitionFeed): Promise<void> => {
  if (Date.now() - feed.checkedAt < 50) return;
  feed.checkedAt = Date.now();
  const ends = await endOffsets(admin, topicName(settings, feed.topic));
  feed.highWatermark = Math.max(feed.highWatermark, ends.get(feed.partition) ?? 0);
};

/** The feeds of the partitions a consumer fetches: kafkajs pushes batches into them, reads take from them. */
export const createFeeds = (o: {
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
      if (offset >= floor && m.value !== null) feed.buffer.push({ offset, key: m.key, value: m.value });
    }
    feed.wake?.();
    if (feed.buffer.length >= o.bufferRecords) pause(feed, true);
  };

  /**
   * A rejoin (after kafkajs restarted the consumer) starts from the group's offsets, which this reader never commits:
   * put every partition back where its reader stands.
   */
  const rewind = (c: Consumer, assigned: ReadonlyMap<Topic, ReadonlyArray<number>>): void => {
    for (const feed of feeds.values()) {
      feed.buffer = [];
      // The buffer is emptied: a partition paused because it was full fetches again (kafkajs keeps a pause across a
      // rejoin, so forgetting it here would leave the partition paused for good).
      if (feed.paused) c.resume([{ topic: topicName(o.settings, feed.topic), partitions: [feed.partition] }]);
      feed.paused = false;
      // A partition assigned elsewhere now: whoever reads it here again (after a later assignment) seeks.
      if (!(assigned.get(feed.topic) ?? []).includes(feed.partition)) feed.expect = -1;
      else if (feed.expect >= 0) c.seek({ topic: topicName(o.settings, feed.topic), partition: feed.partition, offset: String(feed.expect) });
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
