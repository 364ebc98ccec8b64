// The cluster log's append on each layout of the local stack, side by side in one run: one Kafka broker or three
// (replication 3, min.insync.replicas 2), one Redis or a Redis Cluster (3 masters + replicas), and the Redis Cluster
// with every write waiting for a replica (PLACEBO_REDIS_WAIT_REPLICAS=1). Per layout: one player's appends one after
// another (latency), then 50 players appending at once (throughput).
//
// Usage: npx tsc -b && node bench/clusterAppend.mjs [--appends 40] [--players 50] [--client confluent|kafkajs]
// Needs `deploy/local/stack.sh up redis kafka kafka3 rediscluster` (fails loudly when a server is missing).
import { parseArgs } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import { createLogger, openClusterLog } from '@placebo/adapters';
import { storedEvent } from '@placebo/testkit/contracts';
import { multiNodeSettings, testClusterSettings } from '@placebo/testkit/stack';
import { log } from './lib/options.mjs';

const { values } = parseArgs({
  options: { appends: { type: 'string', default: '40' }, players: { type: 'string', default: '50' }, client: { type: 'string', default: 'auto' } },
});
const appends = Number(values.appends);
const players = Number(values.players);

const one = testClusterSettings({ kafkaClient: values.client });
const multi = multiNodeSettings({ kafkaClient: values.client });
const layouts = [
  ['1 broker, 1 Redis', one],
  ['3 brokers, 1 Redis', { ...multi, redisUrl: one.redisUrl }],
  ['1 broker, Redis Cluster', { ...one, redisUrl: multi.redisUrl }],
  ['3 brokers, Redis Cluster', multi],
  ['3 brokers, Redis Cluster, WAIT 1', { ...multi, redisWaitReplicas: 1 }],
];

const must = async (te) => {
  const r = await te();
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
};
const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const measure = async (label, settings) => {
  log(`${label}: opening`);
  const c = await openClusterLog(settings, createLogger({ level: 'error' }));
  try {
    const p = `seq-${Math.random()}`;
    const times = [];
    for (let i = 0; i < appends; i++) {
      const t0 = performance.now();
      await must(c.log.append(p, i, [storedEvent(p, i + 1)]));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ids = Array.from({ length: players }, (_, i) => `par-${i}-${Math.random()}`);
    const t0 = performance.now();
    await Promise.all(
      ids.map(async (id) => {
        for (let i = 0; i < appends; i++) await must(c.log.append(id, i, [storedEvent(id, i + 1)]));
      }),
    );
    const perSecond = (players * appends) / ((performance.now() - t0) / 1000);
    return { label, client: c.producerClient, p50: pct(times, 0.5), p90: pct(times, 0.9), perSecond };
  } finally {
    await c.close();
  }
};

const rows = [];
for (const [label, settings] of layouts) rows.push(await measure(label, settings));
console.log(`## Cluster log append (${appends} appends per player, ${players} players at once, producer ${rows[0]?.client})\n`);
console.log('| layout | one player: p50 (ms) | one player: p90 (ms) | 50 players: appends/s | vs 1 broker, 1 Redis |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.label} | ${r.p50.toFixed(2)} | ${r.p90.toFixed(2)} | ${r.perSecond.toFixed(0)} | ${(r.perSecond / rows[0].perSecond).toFixed(2)} |`);
