import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import { loadConfig } from '@placebo/adapters';
import { demoEnv, isLoopback } from './demo.js';

const seedRoutes = (env: Record<string, string | undefined>): boolean => {
  const c = loadConfig(env);
  assert.ok(E.isRight(c));
  return c.right.PLACEBO_SEED_ROUTES;
};

describe('safe defaults, and the local demo of placebo start', () => {
  it('leaves the seed routes off for placebo api', () => assert.equal(seedRoutes({}), false));

  it('turns them on for placebo start on a loopback address, unless told otherwise', () => {
    assert.equal(seedRoutes(demoEnv({})), true);
    assert.equal(seedRoutes(demoEnv({ PLACEBO_HOST: 'localhost' })), true);
    assert.equal(seedRoutes(demoEnv({ PLACEBO_SEED_ROUTES: 'false' })), false);
  });

  it('counts no requests per address in the local demo, and keeps the budgets of placebo api', () => {
    const demo = loadConfig(demoEnv({}));
    const api = loadConfig({});
    assert.ok(E.isRight(demo) && E.isRight(api));
    assert.equal(demo.right.PLACEBO_RATE_IP_PER_MIN, 0);
    assert.equal(demo.right.PLACEBO_RATE_AUTH_NAME_PER_HOUR, api.right.PLACEBO_RATE_AUTH_NAME_PER_HOUR);
    assert.ok(api.right.PLACEBO_RATE_IP_PER_MIN > 0 && api.right.PLACEBO_RATE_AUTH_IP_PER_MIN > 0);
    const exposed = loadConfig(demoEnv({ PLACEBO_HOST: '0.0.0.0' }));
    assert.ok(E.isRight(exposed));
    assert.equal(exposed.right.PLACEBO_RATE_IP_PER_MIN, api.right.PLACEBO_RATE_IP_PER_MIN);
  });

  it('keeps them off when placebo start listens beyond this machine', () => {
    assert.equal(seedRoutes(demoEnv({ PLACEBO_HOST: '0.0.0.0' })), false);
    assert.equal(seedRoutes(demoEnv({ PLACEBO_HOST: '10.0.0.5' })), false);
    assert.equal(isLoopback('127.0.0.1'), true);
    assert.equal(isLoopback('::'), false);
  });
});
