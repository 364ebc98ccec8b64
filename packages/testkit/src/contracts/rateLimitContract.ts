import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { RateLimiters } from '@placebo/adapters';

/**
 * What every rate-limit store must do. `open` gives a fresh view of one shared store each call, as a second API
 * process would have; the suite closes what it opens.
 */
export const rateLimitContract = (label: string, open: () => Promise<RateLimiters>): void => {
  describe(`rate limits: ${label}`, () => {
    const opened: RateLimiters[] = [];
    const fresh = async (): Promise<RateLimiters> => {
      const r = await open();
      opened.push(r);
      return r;
    };
    after(async () => {
      for (const r of opened) await r.close();
    });
    const policy = (points: number) => ({ name: `t${randomUUID().slice(0, 8)}`, points, windowS: 60 });

    it('allows the policy’s points, then refuses with the time left, marking only the first refusal', async () => {
      const limiter = (await fresh()).limiter(policy(3));
      const verdicts = [];
      for (let i = 0; i < 6; i++) verdicts.push(await limiter.consume('203.0.113.7'));
      assert.deepEqual(
        verdicts.map((v) => v.allowed),
        [true, true, true, false, false, false],
      );
      assert.deepEqual(
        verdicts.map((v) => v.remaining),
        [2, 1, 0, 0, 0, 0],
      );
      assert.deepEqual(
        verdicts.map((v) => v.firstRefusal),
        [false, false, false, true, false, false],
      );
      for (const v of verdicts) assert.ok(v.resetS >= 1 && v.resetS <= 60, `reset ${v.resetS}`);
    });

    it('counts each key on its own', async () => {
      const limiter = (await fresh()).limiter(policy(1));
      assert.equal((await limiter.consume('a')).allowed, true);
      assert.equal((await limiter.consume('a')).allowed, false);
      assert.equal((await limiter.consume('b')).allowed, true);
    });

    it('shares the counts between processes using the same store', async () => {
      const p = policy(2);
      const [one, two] = [(await fresh()).limiter(p), (await fresh()).limiter(p)];
      assert.equal((await one.consume('name:ada')).allowed, true);
      assert.equal((await two.consume('name:ada')).allowed, true);
      assert.equal((await one.consume('name:ada')).allowed, false);
      assert.equal((await two.consume('name:ada')).allowed, false);
    });

    it('binds an idempotency key to the first fingerprint, for every process', async () => {
      const [a, b] = [(await fresh()).idempotencyKeys, (await fresh()).idempotencyKeys];
      const use = async (keys: typeof a, scope: string, fingerprint: string): Promise<string> => {
        const r = await keys.claim(scope, fingerprint, 60)();
        assert.ok(E.isRight(r), JSON.stringify(r));
        return r.right;
      };
      const one = { claim: (scope: string, fp: string, _ttl: number) => use(a, scope, fp) };
      const two = { claim: (scope: string, fp: string, _ttl: number) => use(b, scope, fp) };
      const scope = `p-${randomUUID()}\nbuy-1`;
      assert.equal(await one.claim(scope, 'fp-a', 60), 'first');
      assert.equal(await two.claim(scope, 'fp-a', 60), 'same');
      assert.equal(await two.claim(scope, 'fp-b', 60), 'different');
      assert.equal(await one.claim(scope, 'fp-a', 60), 'same', 'a different request must not rebind the key');
      assert.equal(await one.claim(`${scope}-other`, 'fp-b', 60), 'first');
    });

    it('limits nothing for a policy of 0 points', async () => {
      const limiter = (await fresh()).limiter(policy(0));
      for (let i = 0; i < 20; i++) assert.equal((await limiter.consume('x')).allowed, true);
    });
  });
};
