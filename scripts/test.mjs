// Runs every compiled spec with mocha and ends with one plain summary line ("N passed, N failed").
import Mocha from 'mocha';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const specsUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? specsUnder(join(dir, e.name)) : e.name.endsWith('.spec.js') ? [join(dir, e.name)] : [],
  );
// Arguments narrow the run to spec files whose path contains one of them (e.g. `npm test -- sink`).
const filters = process.argv.slice(2);
const files = readdirSync('packages')
  .flatMap((p) => {
    try {
      return specsUnder(join('packages', p, 'dist'));
    } catch {
      return [];
    }
  })
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files found: run `npm run build` first');
  process.exit(1);
}
// Cluster specs run against real servers: bring the local stack up first (the first run downloads it), and stop
// afterwards whatever this run started, so a machine is left as it was found.
const stack = join('deploy', 'local', 'stack.sh');
const needsStack = files.some((f) => /cluster/i.test(f));
const startedHere = [];
if (needsStack) {
  const before = execFileSync(stack, ['status'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  startedHere.push(...before.filter((s) => s.state === 'down').map((s) => s.service));
  console.error(`local stack: starting ${startedHere.length > 0 ? startedHere.join(', ') : 'nothing (already up)'}`);
  const up = spawnSync(stack, ['up'], { stdio: ['ignore', 'inherit', 'inherit'] });
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
