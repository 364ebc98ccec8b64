import assert from 'node:assert/strict';
import { createKeyedQueue } from './playerQueue.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('createKeyedQueue', () => {
  it('runs the tasks of one key one at a time, in order', async () => {
    const queue = createKeyedQueue();
    const trace: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running++;
      assert.equal(running, 1, 'two tasks of one key overlapped');
      trace.push(`start ${name}`);
      await tick();
      trace.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((n) => queue('k', task(n))));
    assert.deepEqual(results, ['a', 'b', 'c']);
    assert.deepEqual(trace, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs different keys concurrently', async () => {
    const queue = createKeyedQueue();
    let release: () => void = () => undefined;
    const blocked = queue('slow', () => new Promise<string>((r) => (release = () => r('slow'))));
    const other = await queue('fast', async () => 'fast');
    assert.equal(other, 'fast');
    release();
    assert.equal(await blocked, 'slow');
  });

  it('keeps going after a failed task, which still rejects its caller', async () => {
    const queue = createKeyedQueue();
    const failed = queue('k', async () => {
      throw new Error('boom');
    });
    const next = queue('k', async () => 'after');
    await assert.rejects(failed, /boom/);
    assert.equal(await next, 'after');
  });
});
