import assert from 'node:assert/strict';
import { playerShare } from '@placebo/domain';
import { planUnits } from './fold.js';

const ends = (sizes: ReadonlyArray<number>) => sizes.map((end, partition) => ({ partition, end }));

describe('replay: how the log is split among readers', () => {
  it('gives whole partitions when there are as many as readers, each partition to one reader, loads balanced', () => {
    const groups = planUnits(ends([100, 90, 80, 70, 60, 50]), 2);
    assert.equal(groups.length, 2);
    const partitions = groups.flatMap((g) => g.map((u) => u.partition)).sort();
    assert.deepEqual(partitions, [0, 1, 2, 3, 4, 5]);
    assert.ok(groups.every((g) => g.every((u) => u.share.of === 1)));
    const loads = groups.map((g) => g.reduce((n, u) => n + u.end, 0));
    assert.deepEqual(loads.sort(), [220, 230]);
  });

  it('splits a partition into shares of its players when readers outnumber partitions', () => {
    const groups = planUnits(ends([1000]), 3);
    assert.deepEqual(
      groups.map((g) => g.map((u) => [u.partition, u.share.index, u.share.of])),
      [[[0, 0, 3]], [[0, 1, 3]], [[0, 2, 3]]],
    );
  });

  it('folds in this thread alone when asked for one reader', () => {
    assert.deepEqual(planUnits(ends([5, 7]), 1), [
      [
        { partition: 0, end: 5, share: { index: 0, of: 1 } },
        { partition: 1, end: 7, share: { index: 0, of: 1 } },
      ],
    ]);
  });

  it('puts every player in exactly one share, and spreads players over all shares', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `player-${i}`);
    for (const of of [1, 2, 3, 6]) {
      const counts = Array.from({ length: of }, () => 0);
      for (const id of ids) {
        const s = playerShare(id, of);
        assert.ok(Number.isInteger(s) && s >= 0 && s < of);
        counts[s] = (counts[s] ?? 0) + 1;
      }
      assert.ok(
        counts.every((c) => c > 1000 / of / 2),
        `${of} shares: ${counts.join(', ')}`,
      );
    }
  });
});
