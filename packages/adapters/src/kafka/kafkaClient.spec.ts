import assert from 'node:assert/strict';
import type { Admin } from 'kafkajs';
import { endOffsets } from './kafkaClient.js';

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
