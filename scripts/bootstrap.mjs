// Makes `npm start` and `npm test` work on a fresh clone: installs dependencies when the lock file changed,
// builds the native SQLite binding from source when no prebuilt binary could be fetched, and compiles TypeScript.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const log = (msg) => process.stderr.write(`${JSON.stringify({ level: 'info', component: 'bootstrap', msg })}\n`);

const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const stamp = 'node_modules/.placebo-install-stamp';
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  log('installing dependencies (npm ci)');
  run('npm ci --no-fund --no-audit');
  writeFileSync(stamp, lockHash);
}

const require = createRequire(`${process.cwd()}/packages/adapters/package.json`);
const sqliteWorks = () => {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
};
if (!sqliteWorks()) {
  log('building better-sqlite3 from source (about a minute, once)');
  run('npm rebuild better-sqlite3 --foreground-scripts');
  if (!sqliteWorks()) throw new Error('better-sqlite3 could not be built; see the output above');
}

log('compiling TypeScript (tsc -b)');
run('npx tsc -b');
