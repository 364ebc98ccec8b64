import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { SessionStore } from '@placebo/domain';
import { unique } from './fixtures.js';

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

/** The session store's cap and sign-out-everywhere, for every adapter. */
export const sessionContract = (label: string, open: () => Promise<{ readonly sessions: SessionStore; readonly close: () => Promise<void> }>): void => {
  describe(`sessions per player: ${label}`, () => {
    let h: Awaited<ReturnType<typeof open>>;
    before(async () => {
      h = await open();
    });
    after(() => h.close());
    const live = async (tokens: ReadonlyArray<string>) => Promise.all(tokens.map(async (t) => O.isSome(await ok(h.sessions.lookup(t)))));

    it('keeps at most the cap of live sessions per player, ending the oldest', async () => {
      const player = unique('p');
      const tokens = Array.from({ length: 5 }, () => unique('tok'));
      for (const t of tokens) await ok(h.sessions.create(t, player, 60, 3));
      assert.deepEqual(await live(tokens), [false, false, true, true, true]);
      const other = unique('tok');
      await ok(h.sessions.create(other, unique('q'), 60, 3));
      assert.deepEqual(await live([...tokens, other]), [false, false, true, true, true, true]);
    });

    it("ends every session of a player, and no one else's", async () => {
      const [player, bystander] = [unique('p'), unique('q')];
      const mine = [unique('tok'), unique('tok')];
      const theirs = unique('tok');
      for (const t of mine) await ok(h.sessions.create(t, player, 60, 10));
      await ok(h.sessions.create(theirs, bystander, 60, 10));
      await ok(h.sessions.revokeAll(player));
      assert.deepEqual(await live([...mine, theirs]), [false, false, true]);
    });
  });
};
