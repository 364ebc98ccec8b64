import assert from 'node:assert/strict';
import { createPlayerVersions } from './playerVersions.js';

/** A committed store of versions, counting the lookups made. */
const storeOf = (committed: Record<string, number>) => {
  const asked: string[][] = [];
  return {
    asked,
    lookup: async (players: ReadonlyArray<string>) => {
      asked.push([...players]);
      return new Map(players.flatMap((p) => (committed[p] === undefined ? [] : [[p, committed[p]] as const])));
    },
  };
};

describe('player versions (duplicate detection)', () => {
  it('admits increasing versions and refuses a version at or below the highest seen', async () => {
    const v = createPlayerVersions({ capacity: 10, lookup: storeOf({}).lookup });
    await v.prefetch(['a']);
    assert.deepEqual([v.admit('a', 1), v.admit('a', 2), v.admit('a', 2), v.admit('a', 1), v.admit('a', 3)], [true, true, false, false, true]);
    assert.deepEqual(v.pending(), [['a', 3]]);
  });

  it('refuses what the store has landed, looking each player up once', async () => {
    const store = storeOf({ a: 5 });
    const v = createPlayerVersions({ capacity: 10, lookup: store.lookup });
    await v.prefetch(['a', 'b', 'a']);
    await v.prefetch(['a', 'b']);
    assert.deepEqual(store.asked, [['a', 'b']]);
    assert.equal(v.admit('a', 5), false);
    assert.equal(v.admit('a', 6), true);
    assert.equal(v.admit('b', 1), true);
  });

  it('keeps versions raised since the last commit whatever its capacity, and forgets committed ones beyond it', async () => {
    const store = storeOf({ b: 1 });
    const v = createPlayerVersions({ capacity: 1, lookup: store.lookup });
    await v.prefetch(['a', 'b', 'c']);
    assert.equal(v.admit('a', 1), true);
    assert.equal(v.admit('c', 1), true);
    assert.equal(v.admit('a', 1), false, 'pending versions are never forgotten');
    assert.deepEqual([...v.pending()].sort(), [
      ['a', 1],
      ['c', 1],
    ]);
    v.committed();
    assert.deepEqual(v.pending(), []);
    assert.equal(v.size(), 1);
    await v.prefetch(['a']);
    assert.deepEqual(store.asked.at(-1), ['a'], 'a forgotten: looked up again');
  });

  it('fails loudly for a player not prefetched', () => {
    const v = createPlayerVersions({ capacity: 10, lookup: storeOf({}).lookup });
    assert.throws(() => v.admit('x', 1), /not prefetched/);
  });
});
