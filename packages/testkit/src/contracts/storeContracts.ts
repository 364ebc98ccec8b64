import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { initialState, type AccountStore, type OffsetStore, type PlayerState, type SessionStore, type SnapshotStore } from '@placebo/domain';
import { unique } from './fixtures.js';
import { offsetCases } from './offsetContract.js';

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

export interface StoresHarness {
  readonly snapshots: SnapshotStore;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly offsets: OffsetStore;
  readonly close: () => Promise<void>;
}

const state = (id: string, version: number, wealth: number): PlayerState => ({
  ...initialState(id),
  registered: true,
  name: id,
  wealth: wealth as PlayerState['wealth'],
  health: 100,
  created_at: '2026-11-23T00:00:00.000Z',
  version,
});

/** The guarantees of the snapshot, account, session and offset stores. */
export const storesContract = (name: string, open: () => Promise<StoresHarness>): void => {
  describe(`store contracts: ${name}`, () => {
    let h: StoresHarness;
    before(async () => {
      h = await open();
    });
    after(async () => h.close());

    it('snapshots: stores, reads back, and never goes back to an older version', async () => {
      const id = unique('s');
      assert.ok(O.isNone(await ok(h.snapshots.get(id))));
      await ok(h.snapshots.put([state(id, 3, 30)]));
      await ok(h.snapshots.put([state(id, 2, 20)]));
      assert.deepEqual(await ok(h.snapshots.get(id)), O.some(state(id, 3, 30)));
      await ok(h.snapshots.put([state(id, 4, 40)]));
      assert.equal(O.toNullable(await ok(h.snapshots.get(id)))?.wealth, 40);
    });

    it('snapshots: scan pages through every stored snapshot exactly once', async () => {
      const ids = Array.from({ length: 25 }, () => unique('scan'));
      await ok(h.snapshots.put(ids.map((id) => state(id, 1, 1))));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { states: ReadonlyArray<PlayerState>; next: string | null } = await ok(h.snapshots.scan(cursor, 7));
        seen.push(...page.states.map((s) => s.id));
        cursor = page.next;
      } while (cursor !== null);
      assert.equal(new Set(seen).size, seen.length);
      for (const id of ids) assert.ok(seen.includes(id));
    });

    it('accounts: a name is claimed once, case-insensitively, and re-claiming by its owner is idempotent', async () => {
      const n = unique('Name');
      await ok(h.accounts.claim(n, 'p1', 'hash-1'));
      await ok(h.accounts.claim(n, 'p1', 'hash-1'));
      const taken = await h.accounts.claim(n.toUpperCase(), 'p2', 'hash-2')();
      assert.ok(E.isLeft(taken) && taken.left._tag === 'NameTaken');
      assert.deepEqual(await ok(h.accounts.find(n.toLowerCase())), O.some({ player_id: 'p1', password_hash: 'hash-1' }));
    });

    it('accounts: a released claim frees the name, but only its owner can release it', async () => {
      const n = unique('rel');
      await ok(h.accounts.claim(n, 'p1', null));
      await ok(h.accounts.release(n, 'p2'));
      assert.ok(O.isSome(await ok(h.accounts.find(n))));
      await ok(h.accounts.release(n, 'p1'));
      assert.ok(O.isNone(await ok(h.accounts.find(n))));
      await ok(h.accounts.claim(n, 'p3', null));
    });

    it('sessions: a token finds its player until revoked; an unknown token finds nothing', async () => {
      const token = unique('tok');
      await ok(h.sessions.create(token, 'p9', 60, 5));
      assert.deepEqual(await ok(h.sessions.lookup(token)), O.some('p9'));
      assert.ok(O.isNone(await ok(h.sessions.lookup(`${token}x`))));
      await ok(h.sessions.revoke(token));
      assert.ok(O.isNone(await ok(h.sessions.lookup(token))));
    });

    offsetCases(() => h.offsets);
  });
};
