// Hostile requests to every route, many more than `npm test` sends: the suite's fast-check property
// (packages/app-api/src/fuzz.int.spec.ts) with 100,000 cases, then the table of statuses it answered.
// Usage: npm run build && node bench/fuzz.mjs [cases]
import { spawnSync } from 'node:child_process';

const cases = process.argv[2] ?? '100000';
const run = spawnSync(process.execPath, ['scripts/test.mjs', 'app-api/dist/fuzz.int.spec'], {
  stdio: 'inherit',
  env: { ...process.env, PLACEBO_FUZZ_RUNS: cases, PLACEBO_FUZZ_TABLE: '1' },
});
process.exit(run.status ?? 1);
