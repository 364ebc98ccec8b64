import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import { closest } from './closest.js';
import { loadConfig } from './config.js';
import { unknownSettings } from './unknownSettings.js';

const problems = (env: Record<string, string>): ReadonlyArray<string> => {
  const r = loadConfig(env);
  return E.isLeft(r) ? r.left.map((p) => p.path) : [];
};

describe('settings checked at start', () => {
  it('takes the scrypt cost only as a power of two within bounds', () => {
    for (const ok of ['1024', '16384', '1048576']) assert.deepEqual(problems({ PLACEBO_SCRYPT_COST: ok }), [], ok);
    for (const bad of ['3000', '512', '2097152', '16384.0', 'lots']) assert.deepEqual(problems({ PLACEBO_SCRYPT_COST: bad }), ['PLACEBO_SCRYPT_COST'], bad);
  });

  it('checks ports, booleans, URLs and broker lists', () => {
    assert.deepEqual(problems({ PLACEBO_PORT: '65536', PLACEBO_SEED_ROUTES: 'yes', PLACEBO_REDIS_URL: 'http://x', PLACEBO_KAFKA_BROKERS: 'a:1,b' }), [
      'PLACEBO_KAFKA_BROKERS',
      'PLACEBO_REDIS_URL',
      'PLACEBO_PORT',
      'PLACEBO_SEED_ROUTES',
    ]);
    assert.deepEqual(problems({ PLACEBO_PRESTO_URL: 'presto:8090', PLACEBO_HOST: ' ' }), ['PLACEBO_PRESTO_URL', 'PLACEBO_HOST']);
    assert.deepEqual(problems({ PLACEBO_KAFKA_BROKERS: 'kafka:9092, k2:9093', PLACEBO_REDIS_URL: 'rediss://r:6380/1' }), []);
  });

  it('names the PLACEBO_* variables no setting reads, with the one most likely meant', () => {
    assert.deepEqual(
      unknownSettings({ PLACEBO_PROT: '1', PLACEBO_SINK_FLUSH_M: '5', PLACEBO_WHATEVER_ELSE: 'x', PLACEBO_PORT: '1', PLACEBO_STACK_DIR: '/s', HOME: '/' }),
      [
        { name: 'PLACEBO_PROT', suggestion: 'PLACEBO_PORT' },
        { name: 'PLACEBO_SINK_FLUSH_M', suggestion: 'PLACEBO_SINK_FLUSH_MS' },
        { name: 'PLACEBO_WHATEVER_ELSE', suggestion: null },
      ],
    );
  });

  it('suggests the closest word only when it is close', () => {
    assert.equal(closest('replya', ['replay', 'report']), 'replay');
    assert.equal(closest('--chek', ['--check', '--url']), '--check');
    assert.equal(closest('--output', ['--out', '--queries']), '--out');
    assert.equal(closest('frobnicate', ['replay', 'report']), null);
  });
});
