// Fault drills on the multi-node stack (3 Kafka brokers, a Redis Cluster, HDFS + Presto): each drill runs a
// deployment of its own (2 `placebo api`, 1 `placebo sink`) under a steady purchase load, injects one fault, and checks
// the lake against every command the load was answered 2xx: none missing, nothing twice, versions gapless.
// Usage: npx tsc -b && node bench/drills.mjs [--drills kafka,redis,api,leaders] [--rate 150] [--clients 32]
//        [--players 50] [--partitions 3]
import { ensureStack } from '@placebo/testkit/stack';
import { drillTable, faults, runDrill } from '@placebo/testkit/drills';
import { listOption, log, parseOptions } from './lib/options.mjs';

const names = { kafka: 0, redis: 1, api: 2, leaders: 3 };
const { o, int } = parseOptions(process.argv.slice(2), { drills: 'kafka,redis,api,leaders', rate: '150', clients: '32', players: '50', partitions: '3' });
const chosen = listOption('drills', o.drills, Object.keys(names)).map((n) => faults[names[n]]);
const options = { rate: int('rate', 1), clients: int('clients', 1), players: int('players', 1), partitions: int('partitions', 1), log };

log('stack: kafka3 rediscluster hdfs presto');
await ensureStack(['kafka3', 'rediscluster', 'hdfs', 'presto']);
const results = [];
const began = Date.now();
for (const fault of chosen) {
  log(`drill ${fault.name}: ${fault.what}`);
  const r = await runDrill(fault, options);
  log(`drill ${fault.name}: ${r.seconds} s; ${JSON.stringify({ ...r, lake: { ...r.lake, missing: r.lake.missing.slice(0, 5) } })}`);
  results.push(r);
}
console.log(`\n## Fault drills (${options.rate} commands/s, ${options.clients} clients, ${options.players} players, ${options.partitions} partitions)\n`);
console.log(drillTable(results));
console.log(`\n${results.map((r) => `- ${r.drill}: ${r.what}; ${r.notes.join('; ')}`).join('\n')}`);
console.log(`\nall drills: ${Math.round((Date.now() - began) / 1000)} s`);
