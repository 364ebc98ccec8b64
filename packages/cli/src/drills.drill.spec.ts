import assert from 'node:assert/strict';
import { ensureStack } from '@placebo/testkit/stack';
import { drillTable, faults, runDrill, type DrillResult } from '@placebo/testkit/drills';

const log = (line: string): void => void process.stderr.write(`[drill] ${line}\n`);

/**
 * Fault drills (issue 12): real `placebo api` ×2 and `placebo sink` processes of a deployment of their own on the
 * multi-node stack, a steady purchase load retried under the same Idempotency-Key after 503s and network errors, one
 * fault per drill; then the lake must hold every command answered 2xx, once, with gapless versions.
 * The same drills print their table with `node bench/drills.mjs`.
 */
describe('fault drills: nothing acknowledged is lost (3 brokers, a Redis Cluster, real processes)', function () {
  this.timeout(600_000);
  const results: DrillResult[] = [];
  before(async () => ensureStack(['kafka3', 'rediscluster', 'hdfs', 'presto']));
  after(() => {
    if (results.length > 0) process.stderr.write(`\n${drillTable(results)}\n\n`);
  });

  for (const fault of faults) {
    it(`${fault.name}: ${fault.what}`, async () => {
      const r = await runDrill(fault, { log });
      results.push(r);
      assert.ok(r.okBefore > 0, 'commands answered 2xx before the fault');
      assert.ok(r.okAfter > 0, 'commands answered 2xx after the fault');
      assert.deepEqual(r.lake.missing, [], 'every acknowledged command is in all_events');
      assert.equal(r.lake.duplicateEventIds, 0, 'no event_id twice');
      assert.equal(r.lake.duplicatePlayerVersions, 0, 'no (player_id, player_version) twice');
      assert.equal(r.lake.duplicateCommands, 0, 'no command applied twice');
      assert.deepEqual(r.lake.gappedPlayers, [], "each player's versions are 1..n");
      assert.equal(r.lake.negativeWealth, 0, 'wealth never negative');
      assert.notEqual(r.recoverS, null, 'the load recovered');
    });
  }
});
