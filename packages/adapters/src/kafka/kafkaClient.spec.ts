import assert from 'node:assert/strict';
import type { Admin } from 'kafkajs';
import { endOffsets, ensureTopics } from './kafkaClient.js';

/** An admin whose fetchTopicOffsets fails with `errors` in turn, then answers. */
const flakyAdmin = (errors: ReadonlyArray<string>): Admin & { calls: number } => {
  const admin = {
    calls: 0,
    fetchTopicOffsets: async () => {
      const e = errors[admin.calls++];
      if (e !== undefined) throw new Error(e);
      return [{ partition: 0, offset: '7', high: '7', low: '0' }];
    },
  };
  return admin as unknown as Admin & { calls: number };
};

describe('endOffsets', () => {
  it('waits out a topic just created that some broker does not know yet, or whose leader is not elected', async () => {
    const admin = flakyAdmin(['This server does not host this topic-partition', 'There is no leader for this topic-partition']);
    assert.deepEqual(await endOffsets(admin, 't'), new Map([[0, 7]]));
    assert.equal(admin.calls, 3);
  });

  it('does not retry other failures', async () => {
    const admin = flakyAdmin(['Not authorized to access topics']);
    await assert.rejects(endOffsets(admin, 't'), /Not authorized/);
    assert.equal(admin.calls, 1);
  });
});

describe('ensureTopics', () => {
  const settings = { brokers: [], clientId: 'c', topicPrefix: 'p.', partitions: 3, replication: 3, timeoutMs: 1000 };

  it('takes topics as made when waiting for their leaders meets a broker that does not know them yet', async () => {
    const offsets = flakyAdmin(['This server does not host this topic-partition']);
    const created: string[] = [];
    const admin = Object.assign(offsets, {
      listTopics: async () => [],
      createTopics: async (r: { topics: { topic: string }[] }) => {
        created.push(...r.topics.map((t) => t.topic));
        throw new Error('This server does not host this topic-partition');
      },
    });
    await ensureTopics(admin, settings);
    assert.deepEqual(created, ['p.all_events', 'p.buy_events', 'p.social_events']);
  });

  it('passes other failures on', async () => {
    const admin = Object.assign(flakyAdmin([]), {
      listTopics: async () => [],
      createTopics: async () => {
        throw new Error('Topic replication factor must be larger than 0');
      },
    });
    await assert.rejects(ensureTopics(admin, settings), /replication factor/);
  });
});
