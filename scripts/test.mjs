// Runs the compiled specs with mocha and ends with one plain summary line ("N passed, N failed").
// The tier is in a spec's file name: `*.spec.ts` pure (no I/O, no servers), `*.int.spec.ts` real embedded engines
// (SQLite, DuckDB), files, child processes and local HTTP servers, `*.cluster.spec.ts` real Kafka, Redis, HDFS, Presto,
// `*.multi.spec.ts` the same on the multi-node stack (3 Kafka brokers, a Redis Cluster), `*.drill.spec.ts` fault drills
// on the multi-node stack (nodes killed and started again), run only when asked for (`--tier drill`).
import Mocha from 'mocha';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const tiers = ['unit', 'int', 'cluster', 'multi', 'drill'];
const defaultTiers = ['unit', 'int', 'cluster', 'multi'];
const suffixes = [
  ['.cluster.spec.js', 'cluster'],
  ['.multi.spec.js', 'multi'],
  ['.drill.spec.js', 'drill'],
  ['.int.spec.js', 'int'],
];
const tierOf = (file) => suffixes.find(([suffix]) => file.endsWith(suffix))?.[1] ?? 'unit';

// `--tier unit|int|cluster|multi|drill` (repeatable) narrows the run to those tiers (default: all but drill); other
// arguments narrow it to the spec files whose path contains one of them (e.g. `npm test -- sink`,
// `npm run test:unit -- decider`).
const chosen = [];
const filters = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg === '--tier') chosen.push(process.argv[++i]);
  else if (arg.startsWith('--tier=')) chosen.push(arg.slice('--tier='.length));
  else filters.push(arg);
}
const unknown = chosen.filter((t) => !tiers.includes(t));
if (unknown.length > 0) {
  console.error(`unknown tier ${unknown.join(', ')}: the tiers are ${tiers.join(', ')}`);
  process.exit(2);
}

const specsUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? specsUnder(join(dir, e.name)) : e.name.endsWith('.spec.js') ? [join(dir, e.name)] : [],
  );
// A compiled spec whose source is gone (renamed or deleted since the last build) is left over in dist: not run.
const hasSource = (file) => existsSync(file.replace(/^(packages\/[^/]+)\/dist\//, '$1/src/').replace(/\.js$/, '.ts'));
const files = readdirSync('packages')
  .flatMap((p) => {
    try {
      return specsUnder(join('packages', p, 'dist'));
    } catch {
      return [];
    }
  })
  .filter(hasSource)
  .filter((f) => (chosen.length === 0 ? defaultTiers : chosen).includes(tierOf(f)))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files found: run `npm run build` first, or widen the tier and filters');
  process.exit(1);
}
// Cluster specs run against real servers: bring the local stack up first (the first run downloads it), and stop
// afterwards whatever this run started, so a machine is left as it was found. Multi-node and drill specs need the
// multi-node stack instead of the single nodes (both can run side by side); they take its addresses from
// multiNodeSettings() of @placebo/testkit/stack, as cluster specs take theirs from testClusterSettings().
const stack = join('deploy', 'local', 'stack.sh');
const stackFor = {
  cluster: ['redis', 'kafka', 'hdfs', 'presto'],
  multi: ['kafka3', 'rediscluster', 'hdfs', 'presto'],
  drill: ['kafka3', 'rediscluster', 'hdfs', 'presto'],
};
const services = [...new Set(files.flatMap((f) => stackFor[tierOf(f)] ?? []))];
const startedHere = [];
if (services.length > 0) {
  // one line per service, or per node (kafka3, rediscluster): a service counts as started here when all its nodes were down
  const before = execFileSync(stack, ['status', ...services], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  startedHere.push(...services.filter((s) => before.filter((l) => l.service === s).every((l) => l.state === 'down')));
  console.error(`local stack: starting ${startedHere.length > 0 ? startedHere.join(', ') : 'nothing (already up)'}`);
  const up = spawnSync(stack, ['up', ...services], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (up.status !== 0) {
    console.error('local stack: could not start; the cluster specs cannot run (see the lines above)');
    process.exit(1);
  }
}
const stopStack = () => {
  if (startedHere.length > 0) spawnSync(stack, ['down', ...startedHere], { stdio: ['ignore', 'inherit', 'inherit'] });
};

const mocha = new Mocha({ timeout: 120_000, reporter: process.env.CI ? 'dot' : 'spec' });
for (const f of files) mocha.addFile(f);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
  console.log(`\ntests: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  process.exitCode = failures > 0 || passes === 0 || pending > 0 ? 1 : 0;
  stopStack();
});
