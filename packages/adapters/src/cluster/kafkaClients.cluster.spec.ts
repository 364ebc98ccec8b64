import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import { eventLogContract, storedEvent, unique } from '@placebo/testkit/contracts';
import { ensureStack, testClusterSettings } from '@placebo/testkit/stack';
import { loadConfluent } from '../kafka/confluentProducer.js';
import { createLogger } from '../runtime/logger.js';
import { openClusterLog, type ClusterLog } from './clusterLog.js';

const quiet = createLogger({ level: 'error' });

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

describe('the command path on either Kafka client', function () {
  this.timeout(300_000);
  before(async function () {
    await ensureStack(['redis', 'kafka']);
    const loaded = loadConfluent();
    // Installed here on purpose (it is optional): a machine where it failed to build must say so, not skip.
    if ('error' in loaded) assert.fail(`@confluentinc/kafka-javascript cannot be loaded: ${loaded.error}`);
  });

  // The other cluster specs run `auto`, which is librdkafka where it is installed: here the kafkajs producer.
  eventLogContract('cluster, kafkajs producer', async () => {
    const c = await openClusterLog(testClusterSettings({ kafkaClient: 'kafkajs' }), quiet);
    assert.equal(c.producerClient, 'kafkajs');
    return { log: c.log, snapshots: c.snapshots, close: c.close };
  });

  it('puts a player in the same partition whichever client produced its records', async () => {
    const shared = testClusterSettings();
    const clients: ClusterLog[] = [];
    try {
      for (const kafkaClient of ['kafkajs', 'confluent'] as const) clients.push(await openClusterLog({ ...shared, kafkaClient }, quiet));
      assert.deepEqual(
        clients.map((c) => c.producerClient),
        ['kafkajs', 'confluent'],
      );
      const players = Array.from({ length: 12 }, () => unique('p'));
      // Each player's first record from kafkajs, its second from librdkafka.
      for (const [i, c] of clients.entries()) for (const p of players) await ok(c.log.append(p, i, [storedEvent(p, i + 1)]));
      const reader = clients[0]!.log;
      const partitionsOf = new Map<string, Set<number>>();
      for (const part of await ok(reader.partitions('all_events')))
        for (const r of await ok(reader.read('all_events', part, 0, 1000)))
          partitionsOf.set(r.event.player_id, (partitionsOf.get(r.event.player_id) ?? new Set()).add(r.partition));
      for (const p of players) assert.equal(partitionsOf.get(p)?.size, 1, `${p}: one partition for both clients' records`);
      assert.ok(new Set(players.map((p) => [...(partitionsOf.get(p) ?? [])][0])).size > 1, 'the players spread over partitions');
    } finally {
      for (const c of clients) await c.close();
    }
  });
});
