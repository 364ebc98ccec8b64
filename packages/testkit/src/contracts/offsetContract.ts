import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { isFenced, type OffsetStore, type PartitionLease } from '@placebo/domain';
import { unique } from './fixtures.js';

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

/** The guarantees of an offset store: offsets, landed versions and leases (run inside the store contracts). */
export const offsetCases = (offsets: () => OffsetStore): void => {
  const lease = async (consumer: string, partition: number, owner: string, ttlMs = 10_000): Promise<PartitionLease> => {
    const l = await ok(offsets().claim(consumer, 'all_events', partition, owner, ttlMs));
    assert.ok(O.isSome(l), `${owner} claims partition ${partition}`);
    return l.value;
  };

  it('offsets: none before the first commit, then the last committed value per partition', async () => {
    const consumer = unique('c');
    assert.ok(O.isNone(await ok(offsets().get(consumer, 'all_events', 0))));
    const l0 = await lease(consumer, 0, 'a');
    const l1 = await lease(consumer, 1, 'a');
    await ok(offsets().commit(consumer, 'all_events', 0, { lease: l0, next: 10, landed: [] }));
    await ok(offsets().commit(consumer, 'all_events', 0, { lease: l0, next: 25, landed: [] }));
    await ok(offsets().commit(consumer, 'all_events', 1, { lease: l1, next: 3, landed: [] }));
    assert.deepEqual(await ok(offsets().get(consumer, 'all_events', 0)), O.some(25));
    assert.deepEqual(await ok(offsets().get(consumer, 'all_events', 1)), O.some(3));
  });

  it('offsets: landed versions are committed with the offset, never lowered, and read back per player', async () => {
    const consumer = unique('c');
    const l = await lease(consumer, 0, 'a');
    await ok(
      offsets().commit(consumer, 'all_events', 0, {
        lease: l,
        next: 5,
        landed: [
          ['p1', 4],
          ['p2', 1],
        ],
      }),
    );
    await ok(
      offsets().commit(consumer, 'all_events', 0, {
        lease: l,
        next: 9,
        landed: [
          ['p1', 2],
          ['p3', 7],
        ],
      }),
    );
    const landed = await ok(offsets().landed(consumer, 'all_events', 0, ['p1', 'p2', 'p3', 'p4']));
    assert.deepEqual([...landed].sort(), [
      ['p1', 4],
      ['p2', 1],
      ['p3', 7],
    ]);
    assert.equal((await ok(offsets().landed(consumer, 'all_events', 1, ['p1']))).size, 0, 'landed versions are per partition');
    // More players than one call of the store takes at once.
    const many = Array.from({ length: 12_000 }, (_, i) => [`m${i}`, i + 1] as const);
    await ok(offsets().commit(consumer, 'all_events', 0, { lease: l, next: 20, landed: many }));
    const back = await ok(offsets().landed(consumer, 'all_events', 0, ['m0', 'm11999', 'p1']));
    assert.deepEqual([...back].sort(), [
      ['m0', 1],
      ['m11999', 12_000],
      ['p1', 4],
    ]);
    assert.deepEqual(await ok(offsets().get(consumer, 'all_events', 0)), O.some(20));
  });

  it('leases: one holder per partition; a lapsed lease goes to the next claimant with a higher epoch, and the old holder is fenced', async () => {
    const consumer = unique('c');
    const a = await lease(consumer, 0, 'a', 300);
    assert.ok(O.isNone(await ok(offsets().claim(consumer, 'all_events', 0, 'b', 300))), 'held by a');
    const again = await lease(consumer, 0, 'a', 300);
    assert.equal(again.epoch, a.epoch, 'the holder claiming again keeps its epoch');
    await new Promise((r) => setTimeout(r, 450));
    const b = await lease(consumer, 0, 'b', 10_000);
    assert.ok(b.epoch > a.epoch);
    const stale = await offsets().commit(consumer, 'all_events', 0, { lease: a, next: 99, landed: [['x', 1]] })();
    assert.ok(E.isLeft(stale) && isFenced(stale.left), 'the old holder cannot commit');
    assert.ok(O.isNone(await ok(offsets().renew(consumer, 'all_events', 0, a, 10_000))), 'nor renew');
    assert.ok(O.isNone(await ok(offsets().get(consumer, 'all_events', 0))));
    assert.equal((await ok(offsets().landed(consumer, 'all_events', 0, ['x']))).size, 0);
    await ok(offsets().release(consumer, 'all_events', 0, a));
    assert.ok(O.isNone(await ok(offsets().claim(consumer, 'all_events', 0, 'c', 300))), 'a stale release leaves the lease to b');
    assert.deepEqual(await ok(offsets().holder(consumer, 'all_events', 0)), O.some('b'));
    assert.ok(O.isNone(await ok(offsets().claim(consumer, 'all_events', 0, 'c', 300, 'a'))), 'replacing someone who does not hold it takes nothing');
    const c = await ok(offsets().claim(consumer, 'all_events', 0, 'c', 10_000, 'b'));
    assert.ok(O.isSome(c) && c.value.epoch > b.epoch, 'a holder known dead is replaced at once');
    const fenced = await offsets().commit(consumer, 'all_events', 0, { lease: b, next: 1, landed: [] })();
    assert.ok(E.isLeft(fenced) && isFenced(fenced.left));
    assert.deepEqual(await ok(offsets().holder(consumer, 'all_events', 1)), O.none);
  });

  it('leases: renewed they do not lapse; released they go at once', async () => {
    const consumer = unique('c');
    let a = await lease(consumer, 0, 'a', 400);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 150));
      const renewed = await ok(offsets().renew(consumer, 'all_events', 0, a, 400));
      assert.ok(O.isSome(renewed));
      assert.ok(renewed.value.until > a.until);
      a = renewed.value;
    }
    assert.ok(O.isNone(await ok(offsets().claim(consumer, 'all_events', 0, 'b', 400))));
    await ok(offsets().release(consumer, 'all_events', 0, a));
    const b = await lease(consumer, 0, 'b');
    assert.ok(b.epoch > a.epoch);
    await ok(offsets().commit(consumer, 'all_events', 0, { lease: b, next: 4, landed: [] }));
    assert.deepEqual(await ok(offsets().get(consumer, 'all_events', 0)), O.some(4));
  });
};
