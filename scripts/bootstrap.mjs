// Makes `npm start` and `npm test` work on a fresh clone: installs dependencies when the lock file changed,
// builds the native SQLite binding from source when no prebuilt binary could be fetched, and compiles TypeScript.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const run = (cmd, env = process.env) => execSync(cmd, { stdio: 'inherit', env });
// @confluentinc/kafka-javascript (optional; the cluster's producer) can fetch neither a prebuilt binary nor its bundled
// libraries here: it builds librdkafka from source against the system's (OpenSSL, zlib, zstd, lz4, SASL, curl headers)
// and the local Node headers.
const nativeEnv = { ...process.env, CKJS_LINKING: 'dynamic', npm_config_nodedir: dirname(dirname(process.execPath)) };
const log = (msg) => process.stderr.write(`${JSON.stringify({ level: 'info', component: 'bootstrap', msg })}\n`);

const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const stamp = 'node_modules/.placebo-install-stamp';
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  log('installing dependencies (npm ci)');
  run('npm ci --no-fund --no-audit', nativeEnv);
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

const confluentWorks = () => {
  try {
    require('@confluentinc/kafka-javascript');
    return true;
  } catch {
    return false;
  }
};
if (!confluentWorks() && existsSync('node_modules/@confluentinc/kafka-javascript/package.json')) {
  log('building @confluentinc/kafka-javascript (librdkafka) from source (minutes, once)');
  try {
    run('npm rebuild @confluentinc/kafka-javascript --foreground-scripts', nativeEnv);
  } catch {
    // Reported below.
  }
}
if (!confluentWorks()) {
  log(
    'warning: @confluentinc/kafka-javascript is not installed (it needs libssl-dev zlib1g-dev libsasl2-dev libzstd-dev ' +
      'liblz4-dev libcurl4-openssl-dev, then `npm ci`): cluster mode produces with kafkajs, and its cluster spec fails',
  );
}

log('compiling TypeScript (tsc -b)');
run('npx tsc -b');
log('bundling the web console (esbuild)');
run('node packages/app-api/web/build.mjs');
