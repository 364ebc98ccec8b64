import assert from 'node:assert/strict';
import { inParallel } from './inParallel.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('inParallel (a commit publishing its files)', () => {
  it('answers the results in the order of the items, running at most `limit` at a time', async () => {
    let running = 0;
    let most = 0;
    const out = await inParallel([5, 1, 4, 2, 3, 0], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await tick(n);
      running--;
      return n * 10;
    });
    assert.deepEqual(out, [50, 10, 40, 20, 30, 0]);
    assert.equal(most, 3);
  });

  it('starts nothing after a failure, and throws only once the work already started has settled', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    await assert.rejects(
      inParallel([0, 1, 2, 3, 4, 5], 2, async (n) => {
        started.push(n);
        await tick(n === 1 ? 1 : 20);
        settled.push(n);
        if (n === 1) throw new Error('publish failed');
        return n;
      }),
      /publish failed/,
    );
    assert.deepEqual(started, [0, 1]);
    assert.deepEqual(settled.sort(), [0, 1]);
  });

  it('does nothing for no items', async () => assert.deepEqual(await inParallel([], 4, () => assert.fail('called')), []));
});
