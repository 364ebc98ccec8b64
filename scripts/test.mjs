// Runs every compiled spec with mocha and ends with one plain summary line ("N passed, N failed").
import Mocha from 'mocha';
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
const mocha = new Mocha({ timeout: 120_000, reporter: process.env.CI ? 'dot' : 'spec' });
for (const f of files) mocha.addFile(f);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
  console.log(`\ntests: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  process.exitCode = failures > 0 || passes === 0 || pending > 0 ? 1 : 0;
});
