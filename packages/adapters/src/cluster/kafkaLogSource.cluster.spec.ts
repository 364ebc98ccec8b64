import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import type { Topic } from '@placebo/domain';
import { ensureStack, testClusterSettings } from '@placebo/testkit/stack';
import { createKafka, ensureTopics, topicName } from '../kafka/kafkaClient.js';
import { createKafkaLogSource } from '../kafka/kafkaLogSource.js';
import { createLogger } from '../runtime/logger.js';

const quiet = createLogger({ level: 'error' });
const topic: Topic = 'all_events';
const perPartition = 300;

const event = (p: number, i: number): string =>
  JSON.stringify({ event_id: `e${p}-${i}`, player_id: `p${p}`, player_version: i + 1, occurred_at: '2026-12-04T00:00:00.000Z', data: { type: 'LoggedIn' } });

describe('the Kafka reader across a rebalance (real Kafka)', function () {
  this.timeout(180_000);
  before(async () => ensureStack(['kafka']));

  it('reads on to the end of the partitions it keeps when a reader joins its group, even those paused with a full buffer', async () => {
    const s = testClusterSettings();
    const kafka = createKafka(s.kafka, quiet);
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, s.kafka);
    const producer = kafka.producer();
    await producer.connect();
    for (let p = 0; p < s.kafka.partitions; p++) {
      const messages = Array.from({ length: perPartition }, (_, i) => ({ key: `p${p}`, value: event(p, i), partition: p }));
      await producer.send({ topic: topicName(s.kafka, topic), acks: -1, messages });
    }
    await producer.disconnect();
    const open = () =>
      createKafkaLogSource({
        kafka,
        admin,
        settings: s.kafka,
        groupId: s.consumerGroup,
        topics: [topic],
        bufferRecords: 20,
        waitMs: 2000,
        sessionTimeoutMs: 6000,
      });
    const a = open();
    let b: ReturnType<typeof open> | null = null;
    const readToEnd = async (source: ReturnType<typeof open>, p: number, from: number): Promise<number> => {
      let next = from;
      const deadline = Date.now() + 60_000;
      while (next < perPartition && Date.now() < deadline) {
        const r = await source.read(topic, p, next, 50)();
        assert.ok(E.isRight(r));
        const last = r.right[r.right.length - 1];
        if (last !== undefined) next = last.offset + 1;
      }
      return next;
    };
    try {
      const first = await a.partitions(topic)();
      assert.ok(E.isRight(first));
      assert.equal(first.right.length, s.kafka.partitions, 'alone, the reader gets every partition');
      // A few records of each: the rest fills its buffer (20) and the partition pauses.
      for (const p of first.right) {
        const r = await a.read(topic, p, 0, 5)();
        assert.ok(E.isRight(r) && r.right.length === 5);
      }
      await new Promise((r) => setTimeout(r, 1000));
      b = open();
      const bParts = await b.partitions(topic)();
      assert.ok(E.isRight(bParts) && bParts.right.length > 0, 'the second reader gets a share');
      let kept: ReadonlyArray<number> = [];
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const r = await a.partitions(topic)();
        assert.ok(E.isRight(r));
        kept = r.right;
        if (kept.length < s.kafka.partitions) break;
        await a.read(topic, kept[0]!, 5, 1)();
        await new Promise((res) => setTimeout(res, 200));
      }
      assert.ok(kept.length > 0 && kept.length < s.kafka.partitions, `the first reader keeps a share (${kept.length})`);
      for (const p of kept) assert.equal(await readToEnd(a, p, 5), perPartition, `partition ${p} read to its end by the reader that kept it`);
      for (const p of bParts.right) assert.equal(await readToEnd(b, p, 0), perPartition, `partition ${p} read to its end by the reader that joined`);
      const given = await a.read(topic, bParts.right[0]!, 0, 10)();
      assert.ok(E.isRight(given) && given.right.length === 0, 'a partition given away reads nothing');
    } finally {
      await a.close();
      await b?.close();
      await admin.disconnect();
    }
  });
});
